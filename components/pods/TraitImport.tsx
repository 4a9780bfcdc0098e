import { useState } from 'preact/hooks';
import { db } from '@/lib/db';
import { putReps } from '@/lib/db/pods';
import { t } from '@/lib/i18n';
import type { Rep } from '@/lib/model';
import { CSV_COLUMNS, parseTraitCsv, planRepUpserts, type RowError } from '@/lib/pods/trait-import';
import { newId, nowIso } from '@/lib/util/ids';
import { rowErrorText } from './problem-text';
import { toWellFormed } from '@/lib/util/well-formed';

/**
 * Import scores from another assessment as CSV, pasted or from a file. Good rows are saved
 * and bad rows listed with their line and reasons, so the lead fixes only those.
 */
export function TraitImport({ team }: { team: readonly Rep[] }) {
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<RowError[]>([]);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function readFile(e: Event) {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (file) setText(await file.text());
  }

  async function submit(e: Event) {
    e.preventDefault();
    const parsed = parseTraitCsv(toWellFormed(text));
    if (!parsed.ok) {
      setErrors([]);
      setMessage({
        kind: 'error',
        text: parsed.reason === 'empty' ? t('pods_csvEmpty') : t('pods_csvColumns', parsed.missing.join(', ')),
      });
      return;
    }
    try {
      const plan = planRepUpserts(team, parsed.rows, nowIso(), newId);
      await putReps(db(), plan.reps);
      setErrors(parsed.errors);
      setMessage({
        kind: parsed.errors.length ? 'error' : 'ok',
        text: t('pods_csvImported', plan.created, plan.updated, parsed.errors.length),
      });
    } catch (err) {
      setMessage({ kind: 'error', text: t('pods_saveFailed', String(err)) });
    }
  }

  return (
    <form onSubmit={submit} aria-labelledby="pods-csv-h">
      <h3 id="pods-csv-h">{t('pods_csvTitle')}</h3>
      <p class="muted">{t('pods_csvHelp', CSV_COLUMNS.join(','))}</p>
      <label for="pods-csv-text">{t('pods_csvPaste')}</label>
      <textarea id="pods-csv-text" rows={4} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      <label for="pods-csv-file">{t('pods_csvFile')}</label>
      <input id="pods-csv-file" type="file" accept=".csv,text/csv,text/plain" onChange={readFile} />
      <p>
        <button type="submit">{t('pods_csvImport')}</button>
      </p>
      <p role="status" class={message?.kind === 'error' ? 'error' : 'muted'}>
        {message?.text}
      </p>
      {errors.length > 0 && (
        <ul class="error" data-testid="pods-csv-errors">
          {errors.map((error) => (
            <li key={error.line}>{rowErrorText(error)}</li>
          ))}
        </ul>
      )}
    </form>
  );
}
