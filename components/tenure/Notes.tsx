import { useState } from 'preact/hooks';
import { db } from '@/lib/db';
import { addNote, deleteNote, editNote, pinNote } from '@/lib/db/notes';
import { t } from '@/lib/i18n';
import type { Note } from '@/lib/model';
import { noteCreatedAt } from '@/lib/tenure/timeline';
import { formatInstantDay } from './format';

type Visibility = Note['visibility'];

/**
 * Notes on the customer: add, edit, pin, delete (a tombstone), private or team-visible.
 * Adding one moves the customer's last contact forward (lib/db/notes.ts).
 * `notes` are already filtered to what this rep may see and sorted (pinned, newest first).
 */
export function Notes({ customerId, notes, meId, authors }: { customerId: string; notes: readonly Note[]; meId: string; authors: ReadonlyMap<string, string> }) {
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('team');
  const [error, setError] = useState<string | null>(null);
  const run = (p: Promise<unknown>) => p.then(() => setError(null)).catch((e: unknown) => setError(t('tenure_noteFailed', e instanceof Error ? e.message : String(e))));

  const submit = (e: Event) => {
    e.preventDefault();
    if (!text.trim()) return;
    void run(addNote(db(), { customerId, text, visibility }, meId).then(() => setText('')));
  };

  return (
    <section class="notes" aria-labelledby="tenure-notes" data-testid="notes">
      <h3 id="tenure-notes">{t('tenure_notes')}</h3>
      <form onSubmit={submit}>
        <label for="tenure-note-text">{t('tenure_noteText')}</label>
        <textarea id="tenure-note-text" value={text} onInput={(e) => setText(e.currentTarget.value)} maxLength={20_000} />
        <div class="row">
          <label class="inline">
            {t('tenure_noteVisibility')}{' '}
            <select value={visibility} onChange={(e) => setVisibility(e.currentTarget.value as Visibility)} aria-label={t('tenure_noteVisibility')}>
              <option value="team">{t('tenure_noteTeam')}</option>
              <option value="private">{t('tenure_notePrivate')}</option>
            </select>
          </label>
          <button type="submit" class="primary" disabled={!text.trim()}>
            {t('tenure_noteAdd')}
          </button>
        </div>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
      {notes.length === 0 ? (
        <p class="muted small">{t('tenure_noNotes')}</p>
      ) : (
        <ul class="plain" data-testid="note-list">
          {notes.map((n) => (
            <NoteItem key={n.id} note={n} mine={n.authorRepId === meId} author={authors.get(n.authorRepId) ?? '?'} run={run} meId={meId} />
          ))}
        </ul>
      )}
    </section>
  );
}

function NoteItem({ note, mine, author, run, meId }: { note: Note; mine: boolean; author: string; run: (p: Promise<unknown>) => void; meId: string }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note.text);
  const [vis, setVis] = useState<Visibility>(note.visibility);
  return (
    <li class={`note${note.pinned ? ' pinned' : ''}`} data-note-id={note.id}>
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!draft.trim()) return;
            run(editNote(db(), note.id, { text: draft, visibility: vis }, meId).then(() => setEditing(false)));
          }}
        >
          <textarea aria-label={t('tenure_noteEdit')} value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
          <select value={vis} onChange={(e) => setVis(e.currentTarget.value as Visibility)} aria-label={t('tenure_noteVisibility')}>
            <option value="team">{t('tenure_noteTeam')}</option>
            <option value="private">{t('tenure_notePrivate')}</option>
          </select>
          <div class="note-actions">
            <button type="submit">{t('tenure_noteSave')}</button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('tenure_noteCancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p class="note-text">{note.text}</p>
          <p class="note-meta">
            {note.pinned ? `${t('tenure_notePinned')} · ` : ''}
            {author} · {formatInstantDay(noteCreatedAt(note))} · {note.visibility === 'private' ? t('tenure_notePrivate') : t('tenure_noteTeam')}
          </p>
          {mine && (
            <div class="note-actions">
              <button type="button" onClick={() => run(pinNote(db(), note.id, !note.pinned, meId))}>
                {note.pinned ? t('tenure_noteUnpin') : t('tenure_notePin')}
              </button>
              <button
                type="button"
                onClick={() => {
                  setDraft(note.text);
                  setVis(note.visibility);
                  setEditing(true);
                }}
              >
                {t('tenure_noteEdit')}
              </button>
              <button type="button" onClick={() => run(deleteNote(db(), note.id, meId))}>
                {t('tenure_noteDelete')}
              </button>
            </div>
          )}
        </>
      )}
    </li>
  );
}
