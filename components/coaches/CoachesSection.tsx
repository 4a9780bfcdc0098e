import { t } from '@/lib/i18n';
import { CoachBudgets } from './CoachBudgets';
import { CoachImport } from './CoachImport';

/** Options: coaches from CSV, and the team lead's gift budgets (issue 7). */
export function CoachesSection() {
  return (
    <section aria-labelledby="coaches-options-h">
      <h2 id="coaches-options-h">{t('coachOptionsTitle')}</h2>
      <p class="muted">{t('coachOptionsIntro')}</p>
      <CoachImport />
      <CoachBudgets />
    </section>
  );
}
