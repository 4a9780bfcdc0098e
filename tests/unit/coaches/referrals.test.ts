import { describe, expect, it } from 'vitest';
import { referralRevenue, revenueByReferral } from '@/lib/coaches';
import type { Coach, RevenueLine } from '@/lib/model';

const line = (customerId: string, date: string, amount: number, currency = 'USD', deleted?: boolean): Pick<RevenueLine, 'customerId' | 'date' | 'amount' | 'currency' | 'deleted'> => ({
  customerId, date, amount, currency, ...(deleted ? { deleted } : {}),
});

describe('referral revenue', () => {
  const referrals: Coach['referrals'] = [
    { customerId: 'beta', date: '2025-03-01', outcome: 'won' },
    { customerId: 'gamma', date: '2026-01-10', outcome: 'pending' },
  ];
  const lines = [
    line('beta', '2025-02-28', 5_000_00), // bought before the introduction: not the coach's doing
    line('beta', '2025-03-01', 10_000_00), // the day of the introduction counts
    line('beta', '2026-02-01', 2_500_00),
    line('beta', '2026-03-01', -500_00), // a refund
    line('beta', '2026-04-01', 700_00, 'EUR'),
    line('beta', '2026-05-01', 99_00, 'USD', true), // deleted
    line('gamma', '2026-06-01', 1_000_00, 'EUR'),
    line('delta', '2026-06-01', 9_999_00), // not referred
  ];

  it('counts each referred customer from the day of the introduction, per currency', () => {
    const per = revenueByReferral(referrals, lines);
    expect(per.get('beta')).toEqual([{ currency: 'EUR', amount: 700_00 }, { currency: 'USD', amount: 12_000_00 }]);
    expect(per.get('gamma')).toEqual([{ currency: 'EUR', amount: 1_000_00 }]);
    expect(per.has('delta')).toBe(false);
  });

  it('adds up a coach’s referrals per currency, never across currencies', () => {
    expect(referralRevenue(referrals, lines)).toEqual([{ currency: 'EUR', amount: 1_700_00 }, { currency: 'USD', amount: 12_000_00 }]);
  });

  it('a customer introduced twice counts once, from the earlier introduction', () => {
    const twice: Coach['referrals'] = [
      { customerId: 'beta', date: '2026-01-01', outcome: 'won' },
      { customerId: 'beta', date: '2025-01-01', outcome: 'won' },
    ];
    expect(referralRevenue(twice, lines)).toEqual([{ currency: 'EUR', amount: 700_00 }, { currency: 'USD', amount: 17_000_00 }]);
  });

  it('a referral with no revenue yet shows nothing, not zero in some currency', () => {
    expect(revenueByReferral([{ customerId: 'new', date: '2026-01-01', outcome: 'pending' }], lines).get('new')).toEqual([]);
  });
});
