import { describe, expect, it } from 'vitest';
import { addDays } from '../../../lib/tenure/calendar';
import { assessRisk, coachesFor, companyKey, indexCoaches, signalArgs, type RiskInput } from '../../../lib/tenure/risk';
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

    it('is quiet with a recent contact, a far renewal or one already past (renewal_passed speaks for that)', () => {
      expect(codes(input({ customer: customer({ renewalDate: '2026-04-14', lastContactAt: '2026-03-01T12:00:00Z' }) }))).toEqual([]);
      expect(codes(input({ customer: customer({ renewalDate: '2026-06-14', lastContactAt: '2026-02-01T12:00:00Z' }) }))).toEqual([]);
      const renewed = [...input().lines, line({ date: '2026-02-20', product: 'Seats' })];
      expect(codes(input({ customer: customer({ renewalDate: '2026-03-01', lastContactAt: '2026-02-01T12:00:00Z' }), lines: renewed }))).toEqual([]);
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

    it('counts severity once: a severe ageing problem is open_severe_problem (3) plus problems_ageing (2), no bump', () => {
      const r = assessRisk(input({ problems: [problem({ receivedAt: '2026-02-01T09:00:00Z', severity: 'critical' })] }));
      expect(r.signals.map((s) => [s.code, s.weight])).toEqual([
        ['open_severe_problem', 3],
        ['problems_ageing', 2],
      ]);
      expect(r).toMatchObject({ score: 5, level: 'medium', nextStep: 'resolve_open_problems' });
    });

    it('weighs three or more ageing problems 3', () => {
      const old = '2026-02-01T09:00:00Z';
      const r = assessRisk(input({ problems: [problem({ receivedAt: old }), problem({ receivedAt: old }), problem({ receivedAt: old })] }));
      expect(r.signals).toEqual([{ code: 'problems_ageing', weight: 3, params: { count: 3, oldestDays: 42, thresholdDays: 14 } }]);
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

    it('counts window edges and refunds, and ignores other customers', () => {
      const edges = [
        line({ date: '2024-03-16', product: 'S', amount: 1000 }), // first day of the earlier year
        line({ date: '2025-03-15', product: 'S', amount: 1000 }), // last day of the earlier year
        line({ date: '2024-03-15', product: 'S', amount: 5000 }), // before both windows
        line({ date: '2025-03-16', product: 'S', amount: 900 }), // first day of the last year
        line({ date: '2025-04-01', product: 'S', amount: -100 }), // a refund in the last year
        line({ date: '2025-06-01', product: 'S', amount: 9999, customerId: 'other' }),
        line({ date: '2025-06-01', product: 'S', amount: 9999, deleted: true }),
        line({ date: '2026-03-16', product: 'S', amount: 9999 }), // scheduled, not yet happened
      ];
      // (Four purchase days over two years, the last a year ago: also purchase_overdue.)
      expect(assessRisk(input({ lines: edges })).signals.filter((x) => x.code === 'revenue_falling')).toEqual([
        { code: 'revenue_falling', weight: 3, params: { currency: 'USD', last12: 800, previous12: 2000, changePercent: -60, otherCurrencies: 0 } },
      ]);
    });

    it('gives way to revenue_stopped when the last 12 months net nothing (a refund only)', () => {
      const stopped = [
        line({ date: '2024-03-16', product: 'S', amount: 1000 }),
        line({ date: '2025-03-15', product: 'S', amount: 1000 }),
        line({ date: '2025-04-01', product: 'S', amount: -500 }), // a refund in the last year
      ];
      expect(assessRisk(input({ lines: stopped })).signals).toEqual([
        { code: 'revenue_stopped', weight: 3, params: { lastPurchase: '2025-03-15', monthsSince: 12 } },
      ]);
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

  describe('revenue stopped', () => {
    const stoppedOn = (date: string, more: RiskInput['lines'] = []) => assessRisk(input({ lines: [line({ date, product: 'S' }), ...more] }));

    it('is raised when nothing came in for 12 months after revenue before, at the window edge', () => {
      const r = stoppedOn('2025-03-15'); // the last day before the 12-month window
      expect(r.signals).toEqual([{ code: 'revenue_stopped', weight: 3, params: { lastPurchase: '2025-03-15', monthsSince: 12 } }]);
      expect(r).toMatchObject({ level: 'medium', nextStep: 'ask_why_stopped' });
      expect(codes(input({ lines: [line({ date: '2025-03-16', product: 'S' })] }))).toEqual([]); // first day of the window
    });

    it('needs revenue before: no lines, or earlier purchases refunded in full, say nothing', () => {
      expect(codes(input({ lines: [] }))).toEqual([]);
      expect(codes(input({ lines: [line({ date: '2023-01-01', product: 'S', amount: 100 }), line({ date: '2023-02-01', product: 'S', amount: -100 })] }))).toEqual([]);
    });

    it('is not raised while another currency still brings revenue', () => {
      const lines = [line({ date: '2023-01-01', product: 'S', currency: 'USD' }), line({ date: '2026-01-01', product: 'S', currency: 'EUR' })];
      expect(codes(input({ lines }))).toEqual([]);
    });

    it('reports the last purchase and whole months since, ignoring later refunds and tombstones', () => {
      const r = stoppedOn('2023-09-10', [line({ date: '2025-01-01', product: 'S', amount: -50 }), line({ date: '2025-12-01', product: 'S', deleted: true })]);
      expect(r.signals[0]).toEqual({ code: 'revenue_stopped', weight: 3, params: { lastPurchase: '2023-09-10', monthsSince: 30 } });
    });
  });

  describe('purchase overdue against the customer’s own cadence', () => {
    /** Three purchases `gap` days apart, the last one `since` days before today. */
    const cadence = (gap: number, since: number) => [2, 1, 0].map((k) => line({ date: addDays(TODAY, -(since + k * gap)), product: 'S' }));
    const overdue = (lines: RiskInput['lines'], options = {}) =>
      assessRisk(input({ lines }), options).signals.filter((s) => s.code === 'purchase_overdue');

    it('is raised at twice the typical interval (2) and weighs 3 at three times', () => {
      expect(overdue(cadence(40, 79))).toEqual([]);
      expect(overdue(cadence(40, 80))).toEqual([
        { code: 'purchase_overdue', weight: 2, params: { daysSinceLastPurchase: 80, typicalIntervalDays: 40, lastPurchase: '2025-12-25', purchaseDays: 3 } },
      ]);
      expect(overdue(cadence(40, 119))[0]).toMatchObject({ weight: 2 });
      expect(overdue(cadence(40, 120))[0]).toMatchObject({ weight: 3, params: { daysSinceLastPurchase: 120 } });
      const r = assessRisk(input({ lines: cadence(40, 120) }));
      expect(r).toMatchObject({ level: 'medium', nextStep: 'check_in_on_reorder' });
    });

    it('needs three purchase days: two say nothing about a rhythm', () => {
      expect(overdue(cadence(40, 200).slice(1))).toEqual([]);
    });

    it('counts several lines on one day as one purchase', () => {
      // Days 220, 160 and 100 before today: a 60-day rhythm, 100 days is not yet overdue.
      // Counting each line would make it 5 purchases 30 days apart, and overdue.
      const lines = [...cadence(60, 100), line({ date: addDays(TODAY, -220), product: 'T' }), line({ date: addDays(TODAY, -220), product: 'U' })];
      expect(overdue(lines)).toEqual([]);
    });

    it('leaves out refunds, tombstones, other customers and lines dated after today', () => {
      const lines = [
        ...cadence(40, 120),
        line({ date: addDays(TODAY, -10), product: 'S', amount: -100 }),
        line({ date: addDays(TODAY, -5), product: 'S', deleted: true }),
        line({ date: addDays(TODAY, -3), product: 'S', customerId: 'other' }),
        line({ date: addDays(TODAY, 10), product: 'S' }),
      ];
      expect(overdue(lines)[0]).toMatchObject({ weight: 3, params: { daysSinceLastPurchase: 120, typicalIntervalDays: 40 } });
    });

    it('reads a burst of orders as a monthly rhythm at the fastest (the interval floor), reporting the real mean', () => {
      expect(overdue(cadence(2, 59))).toEqual([]);
      expect(overdue(cadence(2, 60))[0]).toMatchObject({ weight: 2, params: { typicalIntervalDays: 2, daysSinceLastPurchase: 60 } });
      expect(overdue(cadence(2, 10), { cadenceMinIntervalDays: 1 })[0]).toMatchObject({ weight: 3 });
    });

    it('uses the mean gap, (last − first) / (purchase days − 1)', () => {
      const lines = [0, 30, 130].map((d) => line({ date: addDays('2025-06-01', d), product: 'S' })); // gaps 30 and 100: mean 65
      const [s] = overdue(lines);
      expect(s).toMatchObject({ params: { typicalIntervalDays: 65, lastPurchase: '2025-10-09', daysSinceLastPurchase: 157 }, weight: 2 });
    });

    it('a regular monthly buyer on cadence is low', () => {
      const lines = Array.from({ length: 15 }, (_, i) => line({ date: `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`, product: 'Seats' }));
      expect(assessRisk(input({ lines }))).toEqual({ level: 'low', score: 0, signals: [], nextStep: 'keep_in_touch' });
    });

    it('a monthly buyer silent for a year is high: stopped and overdue are different facts', () => {
      const lines = Array.from({ length: 12 }, (_, i) => line({ date: `2024-${String(i + 1).padStart(2, '0')}-01`, product: 'Seats' }));
      const r = assessRisk(input({ lines }));
      expect(r.signals.map((s) => [s.code, s.weight])).toEqual([
        ['revenue_stopped', 3],
        ['purchase_overdue', 3],
      ]);
      expect(r).toMatchObject({ level: 'high', nextStep: 'ask_why_stopped' });
    });
  });

  describe('renewal passed', () => {
    const passed = (renewalDate: string, lines: RiskInput['lines'] = input().lines) =>
      assessRisk(input({ customer: customer({ renewalDate, lastContactAt: '2026-03-14T12:00:00Z' }), lines }));

    it('is raised when the renewal date passed with no deal since 60 days before it', () => {
      const r = passed('2026-03-01'); // last purchase 2025-06-01
      expect(r.signals).toEqual([{ code: 'renewal_passed', weight: 3, params: { renewalDate: '2026-03-01', daysSinceRenewal: 14, lastPurchase: '2025-06-01' } }]);
      expect(r).toMatchObject({ level: 'medium', nextStep: 'ask_about_renewal' });
      expect(codes(input({ customer: customer({ renewalDate: '2026-03-14', lastContactAt: '2026-03-14T12:00:00Z' }) }))).toEqual(['renewal_passed']); // yesterday
    });

    it('a purchase 60 days before the renewal or later is the renewal deal; 61 days before is not', () => {
      expect(passed('2026-03-01', [line({ date: '2025-12-31', product: 'S' })]).signals).toEqual([]);
      expect(passed('2026-03-01', [line({ date: '2025-12-30', product: 'S' })]).signals.map((s) => s.code)).toEqual(['renewal_passed']);
    });

    it('counts a renewal deal booked ahead (dated after today), not a refund', () => {
      expect(passed('2026-03-01', [line({ date: '2026-04-01', product: 'S' })]).signals).toEqual([]);
      expect(passed('2026-03-01', [line({ date: '2026-02-01', product: 'S', amount: -100 })]).signals.map((s) => s.code)).toEqual(['renewal_passed']);
    });

    it('looks back 365 days: an older renewal date is history', () => {
      expect(passed('2025-03-15', []).signals).toEqual([{ code: 'renewal_passed', weight: 3, params: { renewalDate: '2025-03-15', daysSinceRenewal: 365, lastPurchase: null } }]);
      expect(passed('2025-03-14', []).signals).toEqual([]);
    });
  });

  describe('open severe problem', () => {
    it('is raised by an open high or critical problem at any age, alone worth medium', () => {
      const r = assessRisk(input({ problems: [problem({ receivedAt: '2026-03-14T09:00:00Z', severity: 'high' })] }));
      expect(r.signals).toEqual([{ code: 'open_severe_problem', weight: 3, params: { count: 1, critical: 0, oldestDays: 1 } }]);
      expect(r).toMatchObject({ level: 'medium', nextStep: 'resolve_open_problems' });
    });

    it('counts high and critical problems not yet closed, whatever their status', () => {
      const young = '2026-03-10T09:00:00Z';
      const problems = [
        problem({ receivedAt: young, severity: 'critical', status: 'working' }),
        problem({ receivedAt: '2026-03-12T09:00:00Z', severity: 'high', status: 'resolved_awaiting_confirmation' }),
        problem({ receivedAt: young, severity: 'normal' }),
        problem({ receivedAt: young, severity: 'low' }),
        problem({ receivedAt: young, severity: 'critical', status: 'closed' }),
        problem({ receivedAt: young, severity: 'critical', deleted: true }),
        problem({ receivedAt: young, severity: 'critical', customerId: 'other' }),
      ];
      expect(assessRisk(input({ problems })).signals).toEqual([{ code: 'open_severe_problem', weight: 3, params: { count: 2, critical: 1, oldestDays: 5 } }]);
    });

    it('is not raised by ordinary problems', () => {
      expect(codes(input({ problems: [problem({ receivedAt: '2026-03-14T09:00:00Z', severity: 'normal' })] }))).toEqual([]);
    });
  });

  describe('not enough data', () => {
    const bare = (p: Partial<RiskInput> = {}) => assessRisk(input({ customer: customer(), lines: [line({ date: '2026-01-10', product: 'S' })], ...p }));

    it('is unknown with no contact, under two purchase days, no renewal date and no problems', () => {
      expect(bare()).toEqual({ level: 'unknown', score: 1, signals: [{ code: 'never_contacted', weight: 1, params: {} }], nextStep: 'log_first_contact' });
      expect(bare({ lines: [] }).level).toBe('unknown');
      // Several lines on one day are still one purchase day.
      expect(bare({ lines: [line({ date: '2026-01-10', product: 'S' }), line({ date: '2026-01-10', product: 'T' })] }).level).toBe('unknown');
    });

    it('any one thing to judge by gives a real level', () => {
      expect(bare({ customer: customer({ lastContactAt: '2026-03-01T12:00:00Z' }) }).level).toBe('low');
      expect(bare({ lines: [line({ date: '2025-12-10', product: 'S' }), line({ date: '2026-01-10', product: 'S' })] }).level).toBe('low');
      expect(bare({ customer: customer({ renewalDate: '2026-12-01' }) }).level).toBe('low');
      expect(bare({ problems: [problem({ receivedAt: '2025-01-01T09:00:00Z', status: 'closed' })] }).level).toBe('low');
    });

    it('a deleted problem or a future-dated line is not data to judge by', () => {
      expect(bare({ problems: [problem({ receivedAt: '2025-01-01T09:00:00Z', deleted: true })] }).level).toBe('unknown');
      expect(bare({ lines: [line({ date: '2026-01-10', product: 'S' }), line({ date: '2026-04-10', product: 'S' })] }).level).toBe('unknown');
    });

    it('a score of medium or more is never unknown', () => {
      const r = bare({ coaches: [coach({ employers: [{ company: 'Acme', domain: 'acme.com', to: '2026-01-31' }] })] }); // coach_left 2 + never_contacted 1
      expect(r).toMatchObject({ level: 'medium', score: 3, nextStep: 'find_new_coach' });
    });
  });

  describe('the customers of issue 13, as of 2026-12-03', () => {
    const asOf = { today: '2026-12-03', now: '2026-12-03T12:00:00Z' };

    it('never contacted, one purchase: not enough data', () => {
      const r = assessRisk(input({ ...asOf, customer: customer({ name: 'Initech' }), lines: [line({ date: '2026-06-30', product: 'S' })] }));
      expect(r).toMatchObject({ level: 'unknown', nextStep: 'log_first_contact' });
    });

    it('Hooli, one purchase in 2024-10 and nothing since: not low', () => {
      const hooli = customer({ name: 'Hooli', domains: ['hooli.com'] });
      const r = assessRisk(input({ ...asOf, customer: hooli, lines: [line({ date: '2024-10-15', product: 'S', amount: 48_000_00 })] }));
      expect(r.level).not.toBe('low');
      expect(r).toMatchObject({ level: 'medium', nextStep: 'ask_why_stopped' });
      expect(r.signals.map((s) => s.code)).toEqual(['revenue_stopped', 'never_contacted']);
      expect(r.signals[0]!.params).toEqual({ lastPurchase: '2024-10-15', monthsSince: 25 });
    });

    it('Acme, contacted and buying, with a high-severity problem open: not low', () => {
      const acme = customer({ lastContactAt: '2026-11-20T12:00:00Z' });
      const lines = [line({ date: '2025-11-01', product: 'Seats' }), line({ date: '2026-11-01', product: 'Seats' })];
      const r = assessRisk(input({ ...asOf, customer: acme, lines, problems: [problem({ receivedAt: '2026-11-30T09:00:00Z', severity: 'high' })] }));
      expect(r).toMatchObject({ level: 'medium', nextStep: 'resolve_open_problems', signals: [{ code: 'open_severe_problem' }] });
    });
  });

  it('orders equal weights by urgency: severe problem, passed renewal, stopped revenue', () => {
    const r = assessRisk(
      input({
        customer: customer({ renewalDate: '2026-03-01', lastContactAt: '2026-03-14T12:00:00Z' }),
        lines: [line({ date: '2024-06-01', product: 'S' })],
        problems: [problem({ receivedAt: '2026-03-14T09:00:00Z', severity: 'critical' })],
      }),
    );
    expect(r.signals.map((s) => s.code)).toEqual(['open_severe_problem', 'renewal_passed', 'revenue_stopped']);
    expect(r).toMatchObject({ score: 9, level: 'high', nextStep: 'resolve_open_problems' });
  });

  it('gives each new signal its message arguments in order, dates ISO', () => {
    const args = (i: RiskInput, code: string) => signalArgs(assessRisk(i).signals.find((s) => s.code === code)!);
    expect(args(input({ customer: customer({ renewalDate: '2026-03-01', lastContactAt: '2026-03-14T12:00:00Z' }) }), 'renewal_passed')).toEqual(['2026-03-01', '14']);
    expect(args(input({ problems: [problem({ receivedAt: '2026-03-01T09:00:00Z', severity: 'high' })] }), 'open_severe_problem')).toEqual(['1', '14']);
    expect(args(input({ lines: [line({ date: '2024-06-01', product: 'S' })] }), 'revenue_stopped')).toEqual(['2024-06-01', '21']);
    const lines = [0, 40, 80].map((d) => line({ date: addDays('2025-06-01', d), product: 'S' }));
    expect(args(input({ lines }), 'purchase_overdue')).toEqual(['207', '40', '2025-08-20']);
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
