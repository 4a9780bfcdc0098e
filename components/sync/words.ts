/**
 * Team sync's status in the user's words (options and popup): error codes, refusal codes,
 * record kinds and "how long ago". The server's own wording (English) is shown after ours
 * as detail, never instead of it.
 */
import { t, type MessageKey } from '@/lib/i18n';
import type { SyncedTable } from '@/lib/sync/protocol';
import type { Refusal, SyncErrorInfo } from '@/lib/sync/state';

export function errorWords(e: Pick<SyncErrorInfo, 'code' | 'detail'>): string {
  const ours = t(`sync_err_${e.code}` as MessageKey);
  return e.detail && e.code !== 'unauthorized' ? `${ours} (${e.detail})` : ours;
}

export function urlProblemWords(problem: string): string {
  const known = ['not_url', 'scheme', 'insecure', 'extra'];
  return known.includes(problem) ? t(`sync_url_${problem}` as MessageKey) : t('sync_err_bad_url');
}

export function tableWords(table: SyncedTable): string {
  return t(`sync_table_${table}` as MessageKey);
}

/** Our reason for the refusal code, then the server's words when they say more. */
export function refusalWords(r: Refusal): string {
  const ours = t(`sync_code_${r.code}` as MessageKey);
  return r.reason && r.reason !== ours ? `${ours} — ${r.reason}` : ours;
}

/** "just now", "5 min ago", "3 h ago", "2 days ago". */
export function agoWords(iso: string, now: number): string {
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return t('sync_justNow');
  if (minutes < 60) return t('sync_minutesAgo', minutes);
  if (minutes < 48 * 60) return t('sync_hoursAgo', Math.floor(minutes / 60));
  return t('sync_daysAgo', Math.floor(minutes / (24 * 60)));
}

/** "in 30 s", "in 4 min". */
export function inWords(at: number, now: number): string {
  const seconds = Math.max(0, Math.round((at - now) / 1000));
  return seconds < 90 ? t('sync_inSeconds', seconds) : t('sync_inMinutes', Math.round(seconds / 60));
}
