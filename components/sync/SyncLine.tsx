import { t } from '@/lib/i18n';
import { useSyncStatus } from './useSyncStatus';
import { agoWords, errorWords } from './words';

/**
 * The popup's one line on team sync: synced 2 min ago / 3 changes waiting / not synced,
 * and why. Nothing when no server is configured. Asking for it also wakes the background,
 * which then notices the problem logged here and syncs it.
 */
export function SyncLine() {
  const { status, now } = useSyncStatus();
  if (!status?.connected) return null;
  const problem = status.lastError ? t('sync_lineProblem', errorWords(status.lastError)) : null;
  const text =
    problem ??
    (status.firstSync
      ? t('sync_lineSettingUp')
      : status.pending > 0
        ? t('sync_lineWaiting', status.pending)
        : status.lastSyncAt
          ? t('sync_lineSynced', agoWords(status.lastSyncAt, now))
          : t('sync_lineSettingUp'));
  return (
    // Not a live region: it re-words itself every half minute ("3 min ago"), which a screen
    // reader would announce each time.
    <p class={problem ? 'status error' : 'status'} data-testid="sync-line">
      {text}
      {status.refusals.length > 0 && ` · ${t('sync_lineRefused', status.refusals.length)}`}
    </p>
  );
}
