/**
 * Connect CRM in the reader's words: each error code with the product's name and what to do,
 * the progress line, the "last synced" line with its counts. Pure (only the catalogue), so
 * each wording is tested in both languages.
 */
import { t, type MessageKey } from '@/lib/i18n';
import type { CrmErrorCode } from '@/lib/crm/errors';
import type { CrmCounts, CrmProgress, CrmStatus } from '@/lib/crm/state';
import type { CrmProduct } from '@/lib/crm/types';
import { HUBSPOT_SCOPES, SHORT_NAMES } from './products';

/** The language the numbers and dates are written in: the catalogue's own (Options → Language). */
const lang = (): string => t('htmlLang');

export function numberText(n: number): string {
  return new Intl.NumberFormat(lang()).format(n);
}

/**
 * The scopes a missing_scope error names (HubSpot's requiredGranularScopes, as the client
 * puts them in `detail`); when it names none, all the scopes connecting needs.
 */
export function scopesFrom(detail: string): string[] {
  const named = [...new Set(detail.match(/\bcrm\.[a-z_]+(?:\.[a-z_]+)+\b/g) ?? [])];
  return named.length ? named : [...HUBSPOT_SCOPES];
}

/** What went wrong and what to do, with the product's name: never the API's raw words (those go under "Details"). */
export function errorText(code: CrmErrorCode, product: CrmProduct, detail = '', when: 'sync' | 'connect' = 'sync'): string {
  const name = SHORT_NAMES[product];
  if (code === 'missing_scope') return t('crm_err_missing_scope', name, scopesFrom(detail).join(t('crm_listSep')));
  // While connecting the card has Connect and the token field, not Sync now: those errors say so.
  if (when === 'connect' && CONNECT_WORDED.has(code)) return t(`crm_errc_${code}` as MessageKey, name);
  return t(`crm_err_${code}` as MessageKey, name);
}

/** The errors whose advice names a button or field, worded apart for the Connect step. */
const CONNECT_WORDED: ReadonlySet<CrmErrorCode> = new Set(['signed_out', 'offline', 'bad_response', 'bad_token']);

/** "Reading deals · 1,234 records · page 5", or "Waiting for Salesforce's API limit (12 s)" while a limit is waited out. */
export function progressText(product: CrmProduct, p: CrmProgress, now: number): string {
  if (p.waitingUntil !== undefined && p.waitingUntil > now) {
    return t('crm_waiting', SHORT_NAMES[product], Math.ceil((p.waitingUntil - now) / 1000));
  }
  const records = p.records === 1 ? t('crm_records_one') : t('crm_records', numberText(p.records));
  return t('crm_progress', t(`crm_phase_${p.phase}`), records, numberText(Math.max(p.pages, 1)));
}

/** The bar's accessible name: "Reading Salesforce". */
export function progressLabel(product: CrmProduct): string {
  return t('crm_progressLabel', SHORT_NAMES[product]);
}

/** The bar's value and maximum when the API has said how many records the phase holds; absent: indeterminate. */
export function progressValue(p: CrmProgress): { value: number; max: number } | undefined {
  if (p.totalInPhase === undefined || p.totalInPhase <= 0) return undefined;
  return { value: Math.min(p.doneInPhase, p.totalInPhase), max: p.totalInPhase };
}

/** "3 customers · 5 deals · 9 product lines". */
export function countsText(c: CrmCounts): string {
  const n = (v: number, one: MessageKey, other: MessageKey) => (v === 1 ? t(one) : t(other, numberText(v)));
  return [n(c.accounts, 'crm_customers_one', 'crm_customers'), n(c.deals, 'crm_deals_one', 'crm_deals'), n(c.lines, 'crm_lines_one', 'crm_lines')].join(' · ');
}

/** "3 Dec, 23:10" (English), "12月3日 23:10" (Chinese), in the reader's time zone unless told. */
export function whenText(iso: string, timeZone?: string): string {
  const locale = lang().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));
}

/** "Last synced 3 Dec, 23:10 · 3 customers · 5 deals · 9 product lines", or "Not synced yet". */
export function statusText(s: Pick<CrmStatus, 'lastSyncAt' | 'lastCounts'>, timeZone?: string): string {
  const parts = [s.lastSyncAt ? t('crm_lastSynced', whenText(s.lastSyncAt, timeZone)) : t('crm_notSynced')];
  if (s.lastCounts) parts.push(countsText(s.lastCounts));
  return parts.join(' · ');
}

/** "Connected to acme.my.salesforce.com as Jane Morgan. Shared with: just you." (Chinese: no space after 。). */
export function connectionText(status: Pick<CrmStatus, 'apiHost' | 'userName' | 'share'>): string {
  const who = status.userName ? t('crm_connectedAs', status.apiHost, status.userName) : t('crm_connectedTo', status.apiHost);
  const shared = status.share === 'team' ? t('crm_sharedTeam') : t('crm_sharedMe');
  return `${who}${/[。！？]$/.test(who) ? '' : ' '}${shared}`;
}
