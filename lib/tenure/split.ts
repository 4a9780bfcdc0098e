/**
 * Revenue split into existing / cross-sell / new against the article's 75/15/10 benchmark.
 *
 * Money is summed per currency only: there is no exchange rate in the data, and a blended
 * figure would move with rates the rep cannot see. The UI shows one row per currency.
 */
import type { RevenueKind, RevenueLine } from '../model';
import { addDays, addMonths } from './calendar';

/** DESIGN §1: ~75% existing products to existing customers, ~15% cross-sell, ~10% new. */
export const BENCHMARK: Readonly<Record<RevenueKind, number>> = Object.freeze({ existing: 0.75, cross_sell: 0.15, new: 0.1 });

export const KINDS: readonly RevenueKind[] = ['existing', 'cross_sell', 'new'];

/** What split needs of a line: a kind is required, so classify first. */
export type KindedLine = Pick<RevenueLine, 'date' | 'amount' | 'currency' | 'deleted'> & { kind: RevenueKind };

export interface CurrencySplit {
  currency: string;
  /** Net of refunds, in minor units. */
  total: number;
  amounts: Record<RevenueKind, number>;
  /**
   * Each kind's fraction of the total (0.75 = 75%). Null when the total is zero or negative:
   * shares of a net refund would read as nonsense (a negative "75%"). With refunds a single
   * share can fall below 0 or rise above 1; they still add up to 1.
   */
  shares: Record<RevenueKind, number> | null;
  /** share − benchmark, as a fraction (−0.10 = ten points below the benchmark). */
  deviation: Record<RevenueKind, number> | null;
  lineCount: number;
}

export interface RevenueSplit {
  /** Inclusive first day of the last-12-months window. */
  last12From: string;
  /** Inclusive last day of both windows. */
  today: string;
  /** One entry per currency seen in the window, sorted by currency code. */
  last12Months: CurrencySplit[];
  allTime: CurrencySplit[];
}

/**
 * Split for the last 12 months, (today − 12 months, today], and for all time up to today.
 * Lines dated after `today` (scheduled invoices) are in neither: they have not happened.
 * Tombstoned lines are ignored.
 */
export function splitRevenue(lines: Iterable<KindedLine>, today: string): RevenueSplit {
  const last12From = dayAfter12MonthsBefore(today);
  const recent = new Accumulator();
  const all = new Accumulator();
  for (const line of lines) {
    if (line.deleted || line.date > today) continue;
    all.add(line);
    if (line.date >= last12From) recent.add(line);
  }
  return { last12From, today, last12Months: recent.result(), allTime: all.result() };
}

/** Net totals per currency for lines dated in [from, to] (inclusive ISO dates). */
export function totalsByCurrency(
  lines: Iterable<Pick<RevenueLine, 'date' | 'amount' | 'currency' | 'deleted'>>,
  from: string,
  to: string,
): Map<string, number> {
  const totals = new Map<string, number>();
  for (const line of lines) {
    if (line.deleted || line.date < from || line.date > to) continue;
    totals.set(line.currency, (totals.get(line.currency) ?? 0) + line.amount);
  }
  return totals;
}

/** First day of the 12-month window ending on `today`: 2026-03-15 → 2025-03-16. */
export function dayAfter12MonthsBefore(today: string): string {
  return addDays(addMonths(today, -12), 1);
}

class Accumulator {
  private readonly byCurrency = new Map<string, { amounts: Record<RevenueKind, number>; lineCount: number }>();

  add(line: KindedLine): void {
    let entry = this.byCurrency.get(line.currency);
    if (!entry) {
      entry = { amounts: { existing: 0, cross_sell: 0, new: 0 }, lineCount: 0 };
      this.byCurrency.set(line.currency, entry);
    }
    entry.amounts[line.kind] += line.amount;
    entry.lineCount++;
  }

  result(): CurrencySplit[] {
    return [...this.byCurrency.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([currency, { amounts, lineCount }]) => splitOf(currency, amounts, lineCount));
  }
}

function splitOf(currency: string, amounts: Record<RevenueKind, number>, lineCount: number): CurrencySplit {
  const total = amounts.existing + amounts.cross_sell + amounts.new;
  if (total <= 0) return { currency, total, amounts, shares: null, deviation: null, lineCount };
  const shares = { existing: amounts.existing / total, cross_sell: amounts.cross_sell / total, new: amounts.new / total };
  const deviation = {
    existing: shares.existing - BENCHMARK.existing,
    cross_sell: shares.cross_sell - BENCHMARK.cross_sell,
    new: shares.new - BENCHMARK.new,
  };
  return { currency, total, amounts, shares, deviation, lineCount };
}
