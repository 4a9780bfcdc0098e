/**
 * Gifts against a coach's budget. Money is integer minor units per currency and is never
 * summed across currencies: spend in the budget's currency is compared with the budget;
 * spend in any other currency is reported beside it, unconverted (there is no exchange
 * rate in the data, and a blended figure would move with rates the rep cannot see).
 */
import type { Coach } from '../model';
import { periodOf, periodsUpTo, within, type BudgetPeriod, type Span } from './period';

export interface Money {
  currency: string;
  amount: number;
}

/** Gifts within `span`, summed per currency, sorted by currency code. */
export function spendByCurrency(gifts: Coach['gifts'], span: Span): Money[] {
  const sums = new Map<string, number>();
  for (const g of gifts) if (within(g.date, span)) sums.set(g.currency, (sums.get(g.currency) ?? 0) + g.amount);
  return [...sums].map(([currency, amount]) => ({ currency, amount })).sort((a, b) => (a.currency < b.currency ? -1 : 1));
}

export interface BudgetStatus extends Span {
  period: BudgetPeriod;
  currency: string;
  /** The budget for one period, minor units. */
  budget: number;
  /** Spent this period in the budget's currency. */
  spent: number;
  /** budget − spent; negative when over. */
  remaining: number;
  over: boolean;
  /** Spent this period in other currencies, not comparable with the budget. */
  otherSpend: Money[];
}

/** Spend in the period containing `today` against the coach's budget; null without a budget. */
export function budgetStatus(coach: Pick<Coach, 'gifts' | 'budget'>, today: string): BudgetStatus | null {
  const b = coach.budget;
  if (!b) return null;
  const span = periodOf(b.period, today);
  const spend = spendByCurrency(coach.gifts, span);
  const spent = spend.find((m) => m.currency === b.currency)?.amount ?? 0;
  return {
    ...span,
    period: b.period,
    currency: b.currency,
    budget: b.amount,
    spent,
    remaining: b.amount - spent,
    over: spent > b.amount,
    otherSpend: spend.filter((m) => m.currency !== b.currency),
  };
}

export interface PeriodSpend extends Span {
  /** Spent in the budget's currency. */
  spent: number;
}

/** How many periods the side panel's plot shows, per kind of period. */
export const PLOT_PERIODS: Readonly<Record<BudgetPeriod, number>> = { month: 6, quarter: 4, year: 3 };

/** Spend per period in the budget's currency, oldest first, ending with the current period. */
export function spendSeries(coach: Pick<Coach, 'gifts' | 'budget'>, today: string, count?: number): PeriodSpend[] {
  const b = coach.budget;
  if (!b) return [];
  return periodsUpTo(b.period, today, count ?? PLOT_PERIODS[b.period]).map((span) => ({
    ...span,
    spent: spendByCurrency(coach.gifts, span).find((m) => m.currency === b.currency)?.amount ?? 0,
  }));
}
