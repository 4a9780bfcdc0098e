import { t } from '@/lib/i18n';
import { CoachBudgets } from './CoachBudgets';
import { CoachImport } from './CoachImport';

/** Options → Data: coaches from CSV (issue 7). */
export function CoachesSection() {
  return (
    <section aria-labelledby="coaches-options-h">
      <h2 id="coaches-options-h">{t('coachOptionsTitle')}</h2>
      <p class="muted">{t('coachOptionsIntro')}</p>
      <CoachImport />
    </section>
  );
}

/** Options → Team lead: each coach's gift budget (issue 7). */
export function CoachBudgetsSection() {
  return (
    <section aria-labelledby="coach-budgets-section-h">
      <h2 id="coach-budgets-section-h">{t('coachOptionsTitle')}</h2>
      <CoachBudgets />
    </section>
  );
}
