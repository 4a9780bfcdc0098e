import { useState } from 'preact/hooks';
import { db } from '@/lib/db';
import { putReps } from '@/lib/db/pods';
import { t } from '@/lib/i18n';
import type { Rep } from '@/lib/model';
import { planRepUpserts, SCORE_COLUMNS, validateTraitFields, type CsvColumn, type RowProblem, type TraitFields } from '@/lib/pods/trait-import';
import { newId, nowIso } from '@/lib/util/ids';
import { columnLabel, problemText } from './problem-text';

const EMPTY: TraitFields = { name: '', email: '', goal: '', skepticism: '', detail: '', relationship: '' };

function fieldOf(problem: RowProblem): CsvColumn {
  switch (problem.code) {
    case 'nameMissing':
    case 'nameTooLong':
    case 'duplicate':
      return 'name';
    case 'emailInvalid':
      return 'email';
    case 'scoreMissing':
    case 'scoreInvalid':
      return problem.column;
  }
}

/**
 * A team lead enters a colleague's scores from another assessment. An existing rep with the
 * same email (or name) is updated rather than duplicated. The browser's own validation is
 * off (noValidate) so every message comes in the UI language from one validator.
 */
export function AddRepForm({ team }: { team: readonly Rep[] }) {
  const [fields, setFields] = useState<TraitFields>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<CsvColumn, string>>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    const result = validateTraitFields(fields);
    if (!result.ok) {
      const next: Partial<Record<CsvColumn, string>> = {};
      for (const problem of result.problems) next[fieldOf(problem)] ??= problemText(problem);
      setErrors(next);
      setMessage({ kind: 'error', text: t('invalidInput', Object.values(next).join('; ')) });
      const first = (['name', 'email', ...SCORE_COLUMNS] as const).find((c) => next[c] !== undefined);
      document.getElementById(`pods-add-${first}`)?.focus();
      return;
    }
    try {
      const plan = planRepUpserts(team, [result.row], nowIso(), newId);
      await putReps(db(), plan.reps);
      setErrors({});
      setFields(EMPTY);
      setMessage({ kind: 'ok', text: plan.created ? t('pods_repAdded', result.row.name) : t('pods_repUpdated', result.row.name) });
      document.getElementById('pods-add-name')?.focus();
    } catch (err) {
      setMessage({ kind: 'error', text: t('pods_saveFailed', String(err)) });
    }
  }

  const input = (column: CsvColumn, label: string, extra: Record<string, string> = {}) => {
    const id = `pods-add-${column}`;
    const error = errors[column];
    return (
      <div>
        <label for={id}>{label}</label>
        <input
          id={id}
          value={fields[column]}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-err` : undefined}
          onInput={(e) => setFields({ ...fields, [column]: e.currentTarget.value })}
          {...extra}
        />
        {error && (
          <p id={`${id}-err`} class="pods-field-error">
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="pods-add-h">
      <h3 id="pods-add-h">{t('pods_addRepTitle')}</h3>
      <div class="row">
        {input('name', t('pods_addName'), { autocomplete: 'off' })}
        {input('email', t('pods_addEmail'), { type: 'email', autocomplete: 'off' })}
      </div>
      <div class="pods-grid">
        {SCORE_COLUMNS.map((column) =>
          input(column, t('pods_scoreLabel', columnLabel(column)), { inputMode: 'numeric', placeholder: '0–100' }),
        )}
      </div>
      <p>
        <button type="submit">{t('pods_addRep')}</button>
      </p>
      <p role="status" class={message?.kind === 'error' ? 'error' : 'muted'}>
        {message?.text}
      </p>
    </form>
  );
}
