import { describe, expect, it } from 'vitest';
import { assessRisk, coachesFor, companyKey, indexCoaches, type RiskInput } from '../../../lib/tenure/risk';
import { coach, customer, line, problem } from './fixtures';

const TODAY = '2026-03-15';
const NOW = '2026-03-15T12:00:00Z';

/** A healthy customer: contacted yesterday, steady revenue, no problems, no coaches. */
function input(p: Partial<RiskInput> = {}): RiskInput {
  return {
    customer: customer({ lastContactAt: '2026-03-14T12:00:00Z' }),
    lines: [line({ date: '2024-06-01', product: 'Seats' }), line({ date: '2025-06-01', product: 'Seats' })],
    problems: [],
    coaches: [],
    today: TODAY,
    now: NOW,
    ...p,
  };
}
const codes = (i: RiskInput) => assessRisk(i).signals.map((s) => s.code);

describe('retention risk', () => {
  it('is low with nothing to say, and suggests keeping in touch', () => {
    expect(assessRisk(input())).toEqual({ level: 'low', score: 0, signals: [], nextStep: 'keep_in_touch' });
  });

  describe('contact', () => {
    it('raises no_contact at the threshold and weighs twice the threshold more', () => {
      const at = (iso: string) => assessRisk(input({ customer: customer({ lastContactAt: iso }) })).signals;
      expect(at('2026-01-15T13:00:00Z')).toEqual([]); // 59 days
      expect(at('2026-01-14T12:00:00Z')).toEqual([{ code: 'no_contact', weight: 2, params: { days: 60, thresholdDays: 60 } }]);
      expect(at('2025-11-15T12:00:00Z')[0]).toMatchObject({ code: 'no_contact', weight: 3, params: { days: 120 } });
    });

    it('flags a customer never contacted, weakly, and suggests logging a first contact', () => {
      const r = assessRisk(input({ customer: customer() }));
      expect(r).toMatchObject({ level: 'low', score: 1, nextStep: 'log_first_contact', signals: [{ code: 'never_contacted', weight: 1, params: {} }] });
    });

    it('honours a custom threshold', () => {
      const r = assessRisk(input({ customer: customer({ lastContactAt: '2026-03-01T12:00:00Z' }) }), { noContactDays: 10 });
      expect(r.signals[0]).toMatchObject({ code: 'no_contact', params: { days: 14, thresholdDays: 10 } });
    });
  });

  describe('renewal', () => {
    it('renewal near without recent contact is the strongest step', () => {
      const c = customer({ renewalDate: '2026-04-14', lastContactAt: '2026-02-01T12:00:00Z' }); // 30 days to go, 42 since contact
      const r = assessRisk(input({ customer: c }));
      expect(r.signals).toEqual([{ code: 'renewal_near_no_contact', weight: 3, params: { daysToRenewal: 30, renewalDate: '2026-04-14', contactWindowDays: 30 } }]);
      expect(r).toMatchObject({ level: 'medium', nextStep: 'call_before_renewal' });
    });

    it('is quiet with a recent contact, a far renewal or one already past', () => {
      expect(codes(input({ customer: customer({ renewalDate: '2026-04-14', lastContactAt: '2026-03-01T12:00:00Z' }) }))).toEqual([]);
      expect(codes(input({ customer: customer({ renewalDate: '2026-06-14', lastContactAt: '2026-02-01T12:00:00Z' }) }))).toEqual([]);
      expect(codes(input({ customer: customer({ renewalDate: '2026-03-01', lastContactAt: '2026-02-01T12:00:00Z' }) }))).toEqual([]);
    });

    it('counts a renewal today and one never contacted', () => {
      const r = assessRisk(input({ customer: customer({ renewalDate: TODAY }) }));
      expect(r.signals.map((s) => s.code)).toEqual(['renewal_near_no_contact', 'never_contacted']);
      expect(r.signals[0]!.params).toMatchObject({ daysToRenewal: 0 });
    });
  });

  describe('problems', () => {
    it('flags open problems older than the threshold or overdue, not closed ones', () => {
      const problems = [
        problem({ receivedAt: '2026-02-01T09:00:00Z' }), // 42 days, open
        problem({ receivedAt: '2026-03-10T09:00:00Z', dueAt: '2026-03-12T09:00:00Z' }), // young but overdue
        problem({ receivedAt: '2026-03-10T09:00:00Z' }), // young
        problem({ receivedAt: '2025-01-01T09:00:00Z', status: 'closed' }),
        problem({ receivedAt: '2025-01-01T09:00:00Z', deleted: true }),
        problem({ receivedAt: '2025-01-01T09:00:00Z', customerId: 'someone-else' }),
      ];
      const r = assessRisk(input({ problems }));
      expect(r.signals).toEqual([{ code: 'problems_ageing', weight: 2, params: { count: 2, oldestDays: 42, thresholdDays: 14 } }]);
      expect(r.nextStep).toBe('resolve_open_problems');
    });

    it('weighs severe ageing problems more', () => {
      const r = assessRisk(input({ problems: [problem({ receivedAt: '2026-02-01T09:00:00Z', severity: 'critical' })] }));
      expect(r.signals[0]).toMatchObject({ code: 'problems_ageing', weight: 3 });
    });

    it('flags reopened problems while open or recently active, not old closed history', () => {
      const problems = [
        problem({ receivedAt: '2026-03-10T09:00:00Z', reopenCount: 2 }),
        problem({
          receivedAt: '2025-01-01T09:00:00Z',
          status: 'closed',
          reopenCount: 1,
          events: [{ id: 'e1', type: 'update', at: '2025-12-01T09:00:00Z', byRepId: 'r1', text: 'fixed again' }],
        }),
        problem({ receivedAt: '2023-01-01T09:00:00Z', status: 'closed', reopenCount: 5 }),
      ];
      const r = assessRisk(input({ problems }));
      expect(r.signals).toEqual([{ code: 'problems_reopened', weight: 2, params: { count: 2, reopens: 3 } }]);
      expect(r.nextStep).toBe('review_reopened_problems');
    });
  });

  describe('revenue falling', () => {
    const lines = [
      line({ date: '2024-06-01', product: 'Seats', amount: 1000, currency: 'USD' }),
      line({ date: '2025-06-01', product: 'Seats', amount: 700, currency: 'USD' }), // −30%
      line({ date: '2024-06-01', product: 'Seats', amount: 1000, currency: 'EUR' }),
      line({ date: '2025-06-01', product: 'Seats', amount: 400, currency: 'EUR' }), // −60%
      line({ date: '2024-06-01', product: 'Seats', amount: 1000, currency: 'CNY' }),
      line({ date: '2025-06-01', product: 'Seats', amount: 5000, currency: 'CNY' }), // rising
    ];

    it('compares the last 12 months with the 12 before, per currency, reporting the worst', () => {
      const r = assessRisk(input({ lines }));
      expect(r.signals).toEqual([
        { code: 'revenue_falling', weight: 3, params: { currency: 'EUR', last12: 400, previous12: 1000, changePercent: -60, otherCurrencies: 1 } },
      ]);
      expect(r.nextStep).toBe('schedule_business_review');
    });

    it('is not fooled by a rise in another currency (no sum across currencies)', () => {
      const usdOnly = lines.filter((l) => l.currency !== 'EUR');
      expect(assessRisk(input({ lines: usdOnly })).signals[0]).toMatchObject({ weight: 2, params: { currency: 'USD', changePercent: -30, otherCurrencies: 0 } });
    });

    it('needs a real drop and an earlier year to drop from', () => {
      const small = [line({ date: '2024-06-01', product: 'S', amount: 1000 }), line({ date: '2025-06-01', product: 'S', amount: 900 })];
      expect(codes(input({ lines: small }))).toEqual([]);
      expect(codes(input({ lines: [line({ date: '2025-06-01', product: 'S', amount: 900 })] }))).toEqual([]);
    });

    it('counts revenue that stopped, refunds, window edges, and ignores other customers', () => {
      const stopped = [
        line({ date: '2024-03-16', product: 'S', amount: 1000 }), // first day of the earlier year
        line({ date: '2025-03-15', product: 'S', amount: 1000 }), // last day of the earlier year
        line({ date: '2025-04-01', product: 'S', amount: -500 }), // a refund in the last year
        line({ date: '2025-06-01', product: 'S', amount: 9999, customerId: 'other' }),
      ];
      expect(assessRisk(input({ lines: stopped })).signals[0]).toMatchObject({
        code: 'revenue_falling',
        weight: 3,
        params: { last12: -500, previous12: 2000, changePercent: -125 },
      });
    });
  });

  describe('coaches', () => {
    it('flags a coach who left the customer within the lookback', () => {
      const k = coach({
        employers: [
          { company: 'Acme Inc.', domain: 'acme.com', from: '2019-01-01', to: '2026-01-31' },
          { company: 'Globex', domain: 'globex.com', from: '2026-02-01' },
        ],
      });
      const r = assessRisk(input({ coaches: [k] }));
      expect(r.signals).toEqual([{ code: 'coach_left', weight: 2, params: { count: 1, coachId: k.id, contactId: k.contactId, leftOn: '2026-01-31' } }]);
      expect(r.nextStep).toBe('find_new_coach');
    });

    it('matches by company name when the domain is missing', () => {
      const k = coach({ employers: [{ company: 'ACME, Inc', to: '2025-12-31' }] });
      expect(codes(input({ coaches: [k] }))).toEqual(['coach_left']);
    });

    it('is quiet while the coach is still there, left long ago, or never worked there', () => {
      const still = coach({ employers: [{ company: 'Acme', domain: 'acme.com', from: '2019-01-01' }] });
      const back = coach({ employers: [{ company: 'Acme', to: '2020-01-01' }, { company: 'Acme', from: '2022-01-01' }] });
      const longAgo = coach({ employers: [{ company: 'Acme', domain: 'acme.com', to: '2024-01-01' }] });
      const stranger = coach({ employers: [{ company: 'Initech', domain: 'initech.com', to: '2026-01-01' }] });
      const future = coach({ employers: [{ company: 'Acme', domain: 'acme.com', to: '2026-06-30' }] }); // leaving, not yet gone
      expect(codes(input({ coaches: [still, back, longAgo, stranger, future] }))).toEqual([]);
    });

    it('indexes coaches so a book matches without comparing every pair', () => {
      const a = coach({ employers: [{ company: 'Acme Corp', to: '2026-01-01' }] });
      const b = coach({ employers: [{ company: 'Other', domain: 'acme.com' }] });
      const c = coach({ employers: [{ company: 'Initech' }] });
      const index = indexCoaches([a, b, c]);
      expect(new Set(coachesFor(customer(), index))).toEqual(new Set([a, b]));
      expect(companyKey('  ACME,  Inc. ')).toBe('acme');
    });
  });

  it('sums signals into a high level, strongest first, one next step', () => {
    const r = assessRisk(
      input({
        customer: customer({ lastContactAt: '2025-10-01T12:00:00Z', renewalDate: '2026-04-01' }),
        problems: [problem({ receivedAt: '2026-01-01T09:00:00Z' })],
      }),
    );
    expect(r.signals.map((s) => [s.code, s.weight])).toEqual([
      ['renewal_near_no_contact', 3],
      ['no_contact', 3],
      ['problems_ageing', 2],
    ]);
    expect(r).toMatchObject({ score: 8, level: 'high', nextStep: 'call_before_renewal' });
  });
});
