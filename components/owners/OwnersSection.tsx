import { OwnerMeasures } from './OwnerMeasures';
import { ReminderSettings } from './ReminderSettings';

/** Options → Me: my issue-owner reminders. */
export function OwnerReminders() {
  return <ReminderSettings />;
}

/** Options → Team lead: the team's issue-owner measures. */
export function OwnersSection() {
  return <OwnerMeasures />;
}
