/** Words for coach figures, shared by the dock and the side panel (messages in public/_locales). */
import { t, type MessageKey } from '@/lib/i18n';
import { formatMinor } from '@/lib/import/money';

export const money = (amount: number, currency: string) => formatMinor(amount, currency);

/** "Last touch 12 days ago", "today", "yesterday", "never". */
export function touchText(days: number | null): string {
  if (days === null || days < 0) return t('coachNeverTouched');
  if (days === 0) return t('coachTouchedToday');
  if (days === 1) return t('coachTouchedYesterday');
  return t('coachDaysSince', days);
}

const PERIODS = new Set(['month', 'quarter', 'year']);
/** "Spent $120.00 of $300.00 this quarter". */
export function spendText(period: string, spent: number, budget: number, currency: string): string {
  const p = PERIODS.has(period) ? period : 'quarter';
  return t(`coachSpend_${p}` as MessageKey, money(spent, currency), money(budget, currency));
}

/** "€50.00 · ¥8,000": amounts in several currencies, side by side, never added. */
export const moneyList = (list: ReadonlyArray<{ currency: string; amount: number }>) => list.map((m) => money(m.amount, m.currency)).join(' · ');
