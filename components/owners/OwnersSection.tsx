import { t } from '@/lib/i18n';
import { OwnerMeasures } from './OwnerMeasures';
import { ReminderSettings } from './ReminderSettings';

/** The options page's issue-owner part: the measures and the reminder settings. */
export function OwnersSection() {
  return (
    <section aria-labelledby="owners-section">
      <h2 id="owners-section">{t('panelOwner')}</h2>
      <OwnerMeasures />
      <ReminderSettings />
    </section>
  );
}
