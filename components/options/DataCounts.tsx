import { db } from '@/lib/db';
import { t } from '@/lib/i18n';
import { countText } from '../ui/count-text';
import { useLive } from '../ui/useLive';

/** How much Holdfast holds on this device, live. */
export function DataCounts() {
  const counts = useLive(
    async () => {
      const d = db();
      const [customers, problems, reps] = await Promise.all([d.customers.count(), d.problems.count(), d.reps.count()]);
      return { customers, problems, reps };
    },
    [],
    { customers: 0, problems: 0, reps: 0 },
  );
  return (
    <section aria-labelledby="data-h">
      <h2 id="data-h">{t('localData')}</h2>
      <ul class="plain" data-testid="data-counts">
        <li>{t('countCustomers', counts.customers)}</li>
        <li>{t('countProblems', counts.problems)}</li>
        <li>{countText(counts.reps, 'countRepsOne', 'countReps')}</li>
      </ul>
    </section>
  );
}
