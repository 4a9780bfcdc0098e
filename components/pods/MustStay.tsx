import { t } from '@/lib/i18n';
import type { Rep } from '@/lib/model';
import { repName } from '../ui/rep-name';

/**
 * Reps who must stay in their current pod when pods are formed again (a new hire's mentor,
 * say). Only reps who are in a saved pod can stay in it.
 */
export function MustStay({ reps, value, onChange }: { reps: readonly Rep[]; value: ReadonlySet<string>; onChange: (ids: Set<string>) => void }) {
  if (!reps.length) return null;
  return (
    <fieldset class="pods-q" data-testid="pods-must-stay">
      <legend>{t('pods_mustStayTitle')}</legend>
      {reps.map((rep) => (
        <label key={rep.id} class="inline pods-member">
          <input
            type="checkbox"
            checked={value.has(rep.id)}
            onChange={(e) => {
              const next = new Set(value);
              if (e.currentTarget.checked) next.add(rep.id);
              else next.delete(rep.id);
              onChange(next);
            }}
          />{' '}
          {repName(rep.name)}
        </label>
      ))}
    </fieldset>
  );
}
