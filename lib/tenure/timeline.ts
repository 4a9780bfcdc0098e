/**
 * The customer's timeline beside the tenure panel: notes, problems (received, status changes,
 * the customer's confirmation) and the last contact, newest first. Pure: plain records in,
 * plain entries out; the UI turns codes into messages.
 */
import type { Note, Problem } from '../model';

export type TimelineEntry =
  | { kind: 'note'; at: string; note: Note }
  | { kind: 'problem_received'; at: string; problemId: string; title: string }
  | { kind: 'problem_status'; at: string; problemId: string; title: string; to: Problem['status'] }
  | { kind: 'problem_confirmed'; at: string; problemId: string; title: string; by: string; satisfied: boolean }
  | { kind: 'contact'; at: string };

/**
 * When a note was written. Notes carry no creation date of their own, but their ids are
 * UUIDv7 (lib/util/ids.ts), whose first 48 bits are the creation time in ms; other ids
 * (imported, synced from elsewhere) fall back to the last change.
 */
export function noteCreatedAt(note: Pick<Note, 'id' | 'updatedAt'>): string {
  const hex = note.id.replace(/-/g, '');
  if (/^[0-9a-f]{32}$/i.test(hex) && hex[12] === '7') {
    const ms = parseInt(hex.slice(0, 12), 16);
    if (Number.isFinite(ms) && ms > 0) return new Date(ms).toISOString();
  }
  return note.updatedAt;
}

/** Notes the rep may see: their own, and colleagues' team-visible ones; never tombstones. */
export function visibleNotes(notes: readonly Note[], meId: string): Note[] {
  return notes.filter((n) => !n.deleted && (n.visibility === 'team' || n.authorRepId === meId));
}

/** Pinned first, then newest first (creation time, then id for a stable order). */
export function sortNotes(notes: readonly Note[]): Note[] {
  return [...notes].sort((a, b) => Number(!!b.pinned) - Number(!!a.pinned) || cmp(noteCreatedAt(b), noteCreatedAt(a)) || cmp(b.id, a.id));
}

export function buildTimeline(input: { notes: readonly Note[]; problems: readonly Problem[]; lastContactAt?: string; meId: string; limit?: number }): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const note of visibleNotes(input.notes, input.meId)) out.push({ kind: 'note', at: noteCreatedAt(note), note });
  for (const p of input.problems) {
    if (p.deleted) continue;
    out.push({ kind: 'problem_received', at: p.receivedAt, problemId: p.id, title: p.title });
    for (const e of p.events) {
      if (e.type === 'status') out.push({ kind: 'problem_status', at: e.at, problemId: p.id, title: p.title, to: e.to });
      else if (e.type === 'confirmation') {
        out.push({ kind: 'problem_confirmed', at: e.at, problemId: p.id, title: p.title, by: e.confirmation.by, satisfied: e.confirmation.satisfied });
      }
    }
  }
  if (input.lastContactAt) out.push({ kind: 'contact', at: input.lastContactAt });
  out.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || cmp(a.kind, b.kind));
  return input.limit === undefined ? out : out.slice(0, input.limit);
}

/** The later of two ISO instants (either may be missing). */
export function laterInstant(a: string | undefined, b: string): string {
  return a !== undefined && Date.parse(a) >= Date.parse(b) ? a : b;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
