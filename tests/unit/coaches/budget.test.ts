import { describe, expect, it } from 'vitest';
import { budgetStatus, periodOf, periodsUpTo, spendByCurrency, spendSeries } from '@/lib/coaches';
import type { Coach } from '@/lib/model';

const gift = (date: string, amount: number, currency = 'USD'): Coach['gifts'][number] => ({ date, amount, currency });

describe('budget periods', () => {
  it('are calendar months, quarters and years, last day included', () => {
    expect(periodOf('month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodOf('month', '2026-02-28')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodOf('quarter', '2026-11-28')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodOf('quarter', '2026-04-01')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(periodOf('quarter', '2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodOf('year', '2026-07-04')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('step back across a year boundary', () => {
    expect(periodsUpTo('quarter', '2026-02-10', 4).map((p) => p.from)).toEqual(['2025-04-01', '2025-07-01', '2025-10-01', '2026-01-01']);
    expect(periodsUpTo('month', '2026-01-31', 3).map((p) => `${p.from}..${p.to}`)).toEqual(['2025-11-01..2025-11-30', '2025-12-01..2025-12-31', '2026-01-01..2026-01-31']);
  });
});

describe('spend against the budget', () => {
  const gifts = [
    gift('2026-09-30', 100_00), // last quarter
    gift('2026-10-01', 120_00), // first day of this quarter
    gift('2026-11-15', 90_00),
    gift('2026-11-20', 50_00, 'EUR'),
    gift('2026-11-21', 8000, 'JPY'),
    gift('2027-01-01', 999_00), // next quarter (a gift planned ahead)
  ];

  it('counts this period in the budget currency only; other currencies stand apart, never added', () => {
    const s = budgetStatus({ gifts, budget: { period: 'quarter', amount: 300_00, currency: 'USD' } }, '2026-11-28')!;
    expect(s).toMatchObject({ from: '2026-10-01', to: '2026-12-31', spent: 210_00, budget: 300_00, remaining: 90_00, over: false, currency: 'USD' });
    expect(s.otherSpend).toEqual([{ currency: 'EUR', amount: 50_00 }, { currency: 'JPY', amount: 8000 }]);
  });

  it('the same gifts against a monthly and a yearly budget', () => {
    expect(budgetStatus({ gifts, budget: { period: 'month', amount: 100_00, currency: 'USD' } }, '2026-11-28')).toMatchObject({ spent: 90_00, remaining: 10_00, over: false });
    expect(budgetStatus({ gifts, budget: { period: 'month', amount: 80_00, currency: 'USD' } }, '2026-11-28')).toMatchObject({ spent: 90_00, remaining: -10_00, over: true });
    expect(budgetStatus({ gifts, budget: { period: 'year', amount: 250_00, currency: 'USD' } }, '2026-11-28')).toMatchObject({ spent: 310_00, over: true });
  });

  it('a budget in euros compares euros only', () => {
    const s = budgetStatus({ gifts, budget: { period: 'quarter', amount: 40_00, currency: 'EUR' } }, '2026-11-28')!;
    expect([s.spent, s.over]).toEqual([50_00, true]);
    expect(s.otherSpend.map((m) => m.currency)).toEqual(['JPY', 'USD']);
    expect(s.otherSpend.find((m) => m.currency === 'USD')!.amount).toBe(210_00);
  });

  it('no budget, no status; spend per currency still adds up per currency', () => {
    expect(budgetStatus({ gifts }, '2026-11-28')).toBeNull();
    expect(spendByCurrency(gifts, periodOf('quarter', '2026-11-28'))).toEqual([
      { currency: 'EUR', amount: 50_00 },
      { currency: 'JPY', amount: 8000 },
      { currency: 'USD', amount: 210_00 },
    ]);
  });

  it('a series of periods for the plot, oldest first, ending now', () => {
    const series = spendSeries({ gifts, budget: { period: 'quarter', amount: 300_00, currency: 'USD' } }, '2026-11-28');
    expect(series.map((p) => [p.from, p.spent])).toEqual([
      ['2026-01-01', 0],
      ['2026-04-01', 0],
      ['2026-07-01', 100_00],
      ['2026-10-01', 210_00],
    ]);
  });
});
