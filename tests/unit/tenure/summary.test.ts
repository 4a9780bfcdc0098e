import { describe, expect, it } from 'vitest';
import { summariseTenure, localIsoDate } from '@/lib/tenure';
import { customer, line, problem } from './fixtures';

const TODAY = '2026-11-28';
const NOW = '2026-11-28T10:00:00.000Z';

describe('summariseTenure', () => {
  it('gives tenure, renewal, contact and the split per currency for the panel', () => {
    const c = customer({ customerSince: '2021-08-15', renewalDate: '2027-01-10', lastContactAt: '2026-11-18T09:00:00.000Z' });
    const s = summariseTenure({
      customer: c,
      lines: [
        line({ date: '2025-06-01', product: 'Platform', amount: 10_000_00 }),
        line({ date: '2026-03-01', product: 'Platform', amount: 7_500_00 }),
        line({ date: '2026-04-01', product: 'Analytics', amount: 1_500_00 }),
        line({ date: '2026-05-01', product: 'Platform', amount: 1_000_00, currency: 'EUR' }),
        line({ date: '2027-01-01', product: 'Platform', amount: 9_999_00 }), // scheduled: not counted
      ],
      problems: [],
      coaches: [],
      today: TODAY,
      now: NOW,
    });
    expect([s.since, s.sinceFromRevenue, s.years, s.months]).toEqual(['2021-08-15', false, 5, 3]);
    expect(s.daysToRenewal).toBe(43);
    expect(s.daysSinceContact).toBe(10);
    expect(s.last12From).toBe('2025-11-29');
    expect(s.last12).toEqual([
      { currency: 'EUR', total: 1_000_00, existing: 1_000_00, cross_sell: 0, new: 0 },
      { currency: 'USD', total: 9_000_00, existing: 7_500_00, cross_sell: 1_500_00, new: 0 },
    ]);
    // The data starts years after "customer since" (2021-08-15): the 2025 purchase renewed, it did not win the customer.
    expect(s.allTime.find((m) => m.currency === 'USD')).toEqual({ currency: 'USD', total: 19_000_00, existing: 17_500_00, cross_sell: 1_500_00, new: 0 });
    expect(s).toMatchObject({ sinceBasis: 'entered', dataFrom: '2025-06-01', earlierNotImported: true, sources: { rep: 0, crm: 0, estimate: 4 } });
    expect(s.recent.map((l) => `${l.date} ${l.kind}/${l.reason}`)).toEqual([
      '2026-05-01 existing/repeat_product',
      '2026-04-01 cross_sell/new_product',
      '2026-03-01 existing/repeat_product',
      '2025-06-01 existing/before_data',
    ]);
    expect(s.lineCount).toBe(5);
    expect(s.partial).toBe(false);
    expect(s.risk.level).toBe('low');
    expect(s.risk.nextStep).toBe('keep_in_touch');
  });

  it('falls back to the first purchase (not a refund) when "customer since" is unknown', () => {
    const s = summariseTenure({
      customer: customer(),
      lines: [line({ date: '2020-01-05', product: 'P', amount: -50_00 }), line({ date: '2020-02-10', product: 'P' })],
      problems: [],
      coaches: [],
      today: TODAY,
      now: NOW,
    });
    expect([s.since, s.sinceFromRevenue, s.years, s.months]).toEqual(['2020-02-10', true, 6, 9]);
  });

  it('knows nothing without a date or a purchase, and says the customer was never contacted', () => {
    const s = summariseTenure({ customer: customer(), lines: [], problems: [], coaches: [], today: TODAY, now: NOW });
    expect([s.since, s.years, s.months, s.daysToRenewal, s.daysSinceContact]).toEqual([null, null, null, null, null]);
    expect(s.last12).toEqual([]);
    expect(s.risk.signals.map((x) => x.code)).toEqual(['never_contacted']);
    expect(s.risk.level).toBe('unknown');
    expect(s.risk.nextStep).toBe('log_first_contact');
    expect(s).toMatchObject({ sinceBasis: null, dataFrom: null, earlierNotImported: false, prospect: false, recent: [] });
  });

  it('says where "customer since" came from', () => {
    const at = (c: Parameters<typeof customer>[0], lines = [line({ date: '2020-02-10', product: 'P' })]) =>
      summariseTenure({ customer: customer(c), lines, problems: [], coaches: [], today: TODAY, now: NOW }).sinceBasis;
    expect(at({ customerSince: '2019-04-01', sinceSource: 'crm' })).toBe('crm');
    expect(at({ customerSince: '2019-04-01', sinceSource: 'crm_created' })).toBe('crm_created');
    expect(at({ customerSince: '2019-04-01', sinceSource: 'rep' })).toBe('rep');
    expect(at({})).toBe('first_purchase');
  });

  it('ignores other customers’ lines and carries the risk signals with their numbers', () => {
    const s = summariseTenure({
      customer: customer({ lastContactAt: '2026-06-01T00:00:00.000Z' }),
      lines: [line({ date: '2026-01-01', product: 'P', customerId: 'other' })],
      problems: [problem({ receivedAt: '2026-10-01T00:00:00.000Z', severity: 'high' })],
      coaches: [],
      today: TODAY,
      now: NOW,
      partial: true,
    });
    expect(s.lineCount).toBe(0);
    expect(s.partial).toBe(true);
    expect(s.risk.signals).toEqual([
      { code: 'open_severe_problem', weight: 3, args: ['1', '58'] },
      { code: 'no_contact', weight: 3, args: ['180'] },
      { code: 'problems_ageing', weight: 2, args: ['1', '14', '58'] },
    ]);
    expect(s.risk.level).toBe('high');
    expect(s.risk.nextStep).toBe('resolve_open_problems');
  });

  it('a customer who left and came back is new business again on return', () => {
    const s = summariseTenure({
      customer: customer({ customerSince: '2015-01-01' }),
      lines: [line({ date: '2015-02-01', product: 'P' }), line({ date: '2026-02-01', product: 'P', amount: 300_00 })],
      problems: [],
      coaches: [],
      today: TODAY,
      now: NOW,
    });
    expect(s.last12[0]).toMatchObject({ currency: 'USD', new: 300_00, existing: 0 });
  });

  it('localIsoDate is the local calendar day', () => {
    expect(localIsoDate(new Date(2024, 1, 29, 23, 59))).toBe('2024-02-29');
  });
});
