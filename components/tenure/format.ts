/**
 * Display helpers for tenure figures: calendar dates without time-zone drift, money from
 * minor units per currency, percentages, and risk signals as messages.
 */
import { t, type MessageKey } from '@/lib/i18n';
import { countText } from '../ui/count-text';

export { countText };
import { formatMinor } from '@/lib/import/money';
import type { RiskSignalSummary } from '@/lib/messaging/tenure-schema';
import { NEXT_STEPS, SIGNAL_PRIORITY } from '@/lib/tenure/risk';

/** "14 Mar 2019" in the reader's locale; the ISO date is a calendar day, shown as that day. */
export function formatDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  try {
    return new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(at);
  } catch {
    return iso.slice(0, 10);
  }
}

/** "Mar 2024" / "2024年3月": the month of an ISO date in the reader's locale. */
export function formatMonth(iso: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(iso);
  if (!m) return iso;
  try {
    return new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  } catch {
    return iso.slice(0, 7);
  }
}

/** A date-time shown as the reader's local calendar day. */
export function formatInstantDay(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return at.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export const formatMoney = (minor: number, currency: string) => formatMinor(minor, currency);

/** A share as whole percent, e.g. 0.734 → "73". */
export const percent = (share: number) => String(Math.round(share * 100));


/**
 * "6 years 1 month" / "6年1个月": a tenure with the nouns agreeing, a zero part left out
 * ("6 years", "5 months"), and "less than a month" for a relationship begun this month. Each
 * pairing has its own message: the browser reads "$1$2" as a named placeholder, so Chinese
 * cannot join two parts without a space.
 */
export function formatTenure(years: number, months: number): string {
  if (years > 0 && months > 0) {
    if (years === 1) return months === 1 ? t('tenure_ym_1_1') : t('tenure_ym_1_n', months);
    return months === 1 ? t('tenure_ym_n_1', years) : t('tenure_yearsAndMonths', years, months);
  }
  if (years > 0) return countText(years, 'tenure_years_one', 'tenure_years_other');
  if (months > 0) return countText(months, 'tenure_months_one', 'tenure_months_other');
  return t('tenure_underAMonth');
}

/** "1 customer", "8 customers", "8 家客户". */
export const customerCount = (n: number) => countText(n, 'tenure_bookCount_one', 'tenure_bookCount');

/** The signal codes this version has messages for: the ones the risk logic can raise. */
const SIGNALS: ReadonlySet<string> = new Set(SIGNAL_PRIORITY);

/** A signal argument that is a calendar date (signalArgs keeps dates ISO). */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The message for one risk signal, or null for a code this version does not know. */
export function signalText(s: RiskSignalSummary): string | null {
  if (!SIGNALS.has(s.code)) return null;
  const args = s.args.map((a) => (ISO_DAY.test(a) ? formatDay(a) : a));
  return t(`tenure_signal_${s.code}` as MessageKey, ...args);
}

const STEPS: ReadonlySet<string> = new Set(NEXT_STEPS);

export function stepText(step: string): string {
  return t(`tenure_step_${STEPS.has(step) ? step : 'keep_in_touch'}` as MessageKey);
}

/** Keep in step with LINE_LIMIT in lib/db/tenure-query.ts (not imported: that pulls in Dexie). */
export const LINE_LIMIT_TEXT = '5,000';
