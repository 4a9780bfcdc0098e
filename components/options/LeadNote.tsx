import { useSyncStatus } from '@/components/sync/useSyncStatus';
import { t } from '@/lib/i18n';

/**
 * Whether this rep is the team's lead, when it is known here: connecting to a team server
 * records the role the server gave. Without team sync nothing is known, and nothing is said.
 */
export function LeadNote() {
  const { status } = useSyncStatus();
  if (!status?.connected) return null;
  const team = status.teamName ?? '';
  return (
    <p class="lead-note" data-testid="lead-note" data-role={status.role}>
      {status.role === 'lead' ? t('opt_leadYou', team) : t('opt_leadNotYou', team)}
    </p>
  );
}
