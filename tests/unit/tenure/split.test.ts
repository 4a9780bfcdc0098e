import { describe, expect, it } from 'vitest';
import { classifyCustomerLines } from '../../../lib/tenure/classify';
import { BENCHMARK, dayAfter12MonthsBefore, splitRevenue, totalsByCurrency } from '../../../lib/tenure/split';
import { line } from './fixtures';

const TODAY = '2026-03-15';

describe('revenue split', () => {
  it('matches the benchmark exactly for a 75/15/10 customer', () => {
    const lines = classifyCustomerLines([
      line({ date: '2025-06-01', product: 'Seats', amount: 10_00 }),
      line({ date: '2025-07-01', product: 'Support', amount: 15_00 }),
      line({ date: '2025-08-01', product: 'Seats', amount: 75_00 }),
    ]);
    const [usd] = splitRevenue(lines, TODAY).last12Months;
    expect(usd).toMatchObject({ currency: 'USD', total: 100_00, amounts: { new: 10_00, cross_sell: 15_00, existing: 75_00 }, lineCount: 3 });
    expect(usd!.shares).toEqual(BENCHMARK);
    for (const d of Object.values(usd!.deviation!)) expect(d).toBeCloseTo(0, 12);
  });

  it('reports the deviation from the benchmark', () => {
    const lines = classifyCustomerLines([line({ date: '2025-06-01', product: 'Seats', amount: 50_00 }), line({ date: '2025-09-01', product: 'Seats', amount: 50_00 })]);
    const [usd] = splitRevenue(lines, TODAY).allTime;
    expect(usd!.shares).toEqual({ existing: 0.5, cross_sell: 0, new: 0.5 });
    expect(usd!.deviation!.existing).toBeCloseTo(-0.25);
    expect(usd!.deviation!.cross_sell).toBeCloseTo(-0.15);
    expect(usd!.deviation!.new).toBeCloseTo(0.4);
  });

  it('never sums across currencies', () => {
    const lines = classifyCustomerLines([
      line({ date: '2025-06-01', product: 'Seats', amount: 100_00, currency: 'USD' }),
      line({ date: '2025-06-01', product: 'Seats', amount: 700_00, currency: 'CNY' }),
      line({ date: '2025-09-01', product: 'Seats', amount: 90_00, currency: 'EUR' }),
      line({ date: '2025-10-01', product: 'Seats', amount: 100_00, currency: 'USD' }),
    ]);
    const split = splitRevenue(lines, TODAY);
    expect(split.allTime.map((s) => [s.currency, s.total])).toEqual([
      ['CNY', 700_00],
      ['EUR', 90_00],
      ['USD', 200_00],
    ]);
    expect(split.allTime.find((s) => s.currency === 'EUR')!.shares).toEqual({ existing: 1, cross_sell: 0, new: 0 });
  });

  it('separates the last 12 months from all time, inclusive of today and not of the day a year ago', () => {
    const lines = classifyCustomerLines([
      line({ date: '2020-01-01', product: 'Seats', amount: 1 }),
      line({ date: '2025-03-15', product: 'Seats', amount: 10 }), // exactly a year ago: outside
      line({ date: '2025-03-16', product: 'Seats', amount: 100 }),
      line({ date: '2026-03-15', product: 'Seats', amount: 1000 }),
      line({ date: '2026-03-16', product: 'Seats', amount: 10000 }), // tomorrow: not yet revenue
    ]);
    const split = splitRevenue(lines, TODAY);
    expect(split.last12From).toBe('2025-03-16');
    expect(split.last12Months[0]!.total).toBe(1100);
    expect(split.allTime[0]!.total).toBe(1111);
  });

  it('window start is calendar-correct around leap days', () => {
    expect(dayAfter12MonthsBefore('2024-02-29')).toBe('2023-03-01');
    expect(dayAfter12MonthsBefore('2025-02-28')).toBe('2024-02-29');
    expect(dayAfter12MonthsBefore('2026-01-01')).toBe('2025-01-02');
  });

  it('nets refunds and gives no shares for a net refund', () => {
    const lines = classifyCustomerLines([
      line({ date: '2024-01-01', product: 'Seats', amount: 100_00 }),
      line({ date: '2025-06-01', product: 'Seats', amount: 40_00 }),
      line({ date: '2025-07-01', product: 'Seats', amount: -100_00 }),
      line({ date: '2025-08-01', product: 'Support', amount: 60_00 }),
    ]);
    const split = splitRevenue(lines, TODAY);
    // The refund takes the kind of the latest Seats purchase (existing) and nets the window to 0.
    expect(split.last12Months[0]).toMatchObject({ total: 0, amounts: { existing: -60_00, new: 0, cross_sell: 60_00 }, shares: null, deviation: null });
    const all = split.allTime[0]!;
    expect(all.total).toBe(100_00);
    // With refunds a share can leave [0, 1]; the shares still add up to 1.
    expect(all.shares).toEqual({ existing: -0.6, cross_sell: 0.6, new: 1 });
  });

  it('is empty without lines and skips tombstones', () => {
    expect(splitRevenue([], TODAY)).toEqual({ last12From: '2025-03-16', today: TODAY, last12Months: [], allTime: [] });
    const lines = [{ date: '2025-06-01', amount: 5, currency: 'USD', kind: 'new' as const, deleted: true }];
    expect(splitRevenue(lines, TODAY).allTime).toEqual([]);
  });

  it('totals by currency in an inclusive range', () => {
    const lines = [line({ date: '2025-01-01', product: 'A', amount: 1 }), line({ date: '2025-12-31', product: 'A', amount: 2, currency: 'EUR' }), line({ date: '2026-01-01', product: 'A', amount: 4 })];
    expect([...totalsByCurrency(lines, '2025-01-01', '2025-12-31')]).toEqual([
      ['USD', 1],
      ['EUR', 2],
    ]);
  });
});
