/**
 * Budget periods as calendar spans: a month, a calendar quarter (Jan–Mar, Apr–Jun, …) or a
 * calendar year. Fiscal years that start elsewhere are not modelled; the team lead's budget
 * is "per quarter" as the calendar counts it. Pure integer calendar maths on ISO dates (no
 * `Date`, so a period means the same days on every machine).
 */
import { addMonths, daysInMonth, formatIsoDate, parseIsoDate } from '../tenure/calendar';

export type BudgetPeriod = 'month' | 'quarter' | 'year';

export const PERIOD_MONTHS: Readonly<Record<BudgetPeriod, number>> = { month: 1, quarter: 3, year: 12 };

export interface Span {
  /** First day, inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

/** The period of kind `period` that contains `date`. */
export function periodOf(period: BudgetPeriod, date: string): Span {
  const { y, m } = parseIsoDate(date);
  const size = PERIOD_MONTHS[period];
  const firstMonth = Math.floor((m - 1) / size) * size + 1;
  const lastMonth = firstMonth + size - 1;
  return { from: formatIsoDate({ y, m: firstMonth, d: 1 }), to: formatIsoDate({ y, m: lastMonth, d: daysInMonth(y, lastMonth) }) };
}

/** The `count` periods up to and including the one containing `today`, oldest first. */
export function periodsUpTo(period: BudgetPeriod, today: string, count: number): Span[] {
  const current = periodOf(period, today);
  const out: Span[] = [];
  for (let i = count - 1; i >= 0; i--) out.push(periodOf(period, addMonths(current.from, -i * PERIOD_MONTHS[period])));
  return out;
}

/** Is the ISO date (a gift's) inside the span? ISO dates compare as strings. */
export const within = (date: string, span: Span) => date >= span.from && date <= span.to;
