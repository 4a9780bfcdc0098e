import { describe, expect, it } from 'vitest';
import { partnerTaskFor } from '../../../lib/pods/for-customer';

const now = new Date('2026-11-28T12:00:00Z');

describe('partnerTaskFor', () => {
  it('an ageing problem calls for the detail-oriented partner, before anything else', () => {
    expect(partnerTaskFor({ openProblemsReceivedAt: ['2026-11-10T09:00:00Z'], renewalDate: '2026-12-10', customerSince: '2015-01-01' }, now)).toEqual({
      task: 'contract', reason: 'ageing_problem', days: 18,
    });
  });

  it('a fresh problem is not ageing', () => {
    expect(partnerTaskFor({ openProblemsReceivedAt: ['2026-11-25T09:00:00Z'] }, now)).toBeNull();
  });

  it('a renewal within 60 days calls for the goal-oriented partner', () => {
    expect(partnerTaskFor({ openProblemsReceivedAt: [], renewalDate: '2027-01-10' }, now)).toMatchObject({ task: 'close', reason: 'renewal_near', days: 43 });
    expect(partnerTaskFor({ openProblemsReceivedAt: [], renewalDate: '2026-11-01' }, now)).toBeNull(); // already past
  });

  it('a long customer gone quiet calls for the relationship partner', () => {
    expect(partnerTaskFor({ openProblemsReceivedAt: [], customerSince: '2019-03-01', lastContactAt: '2026-08-01T00:00:00Z' }, now)).toMatchObject({ task: 'maintain', reason: 'long_tenure_quiet', days: 119 });
    expect(partnerTaskFor({ openProblemsReceivedAt: [], customerSince: '2019-03-01' }, now)).toMatchObject({ task: 'maintain', days: -1 });
    expect(partnerTaskFor({ openProblemsReceivedAt: [], customerSince: '2019-03-01', lastContactAt: '2026-11-20T00:00:00Z' }, now)).toBeNull();
    expect(partnerTaskFor({ openProblemsReceivedAt: [], customerSince: '2026-01-01' }, now)).toBeNull(); // not long yet
  });
});
