// Small builders for tenure tests: valid records with only the fields a test cares about.
import type { Coach, Customer, Problem, RevenueLine } from '../../../lib/model';

const UPDATED = '2026-01-01T00:00:00.000Z';
let seq = 0;

export function line(p: Partial<RevenueLine> & Pick<RevenueLine, 'date' | 'product'>): RevenueLine {
  seq++;
  return {
    id: `l${String(seq).padStart(6, '0')}`,
    updatedAt: UPDATED,
    customerId: 'c1',
    amount: 100_00,
    currency: 'USD',
    ...p,
  };
}

export function customer(p: Partial<Customer> = {}): Customer {
  return { id: 'c1', updatedAt: UPDATED, name: 'Acme', domains: ['acme.com'], crmRefs: [], ...p };
}

export function problem(p: Partial<Problem> & Pick<Problem, 'receivedAt'>): Problem {
  seq++;
  return {
    id: `p${seq}`,
    updatedAt: UPDATED,
    customerId: 'c1',
    title: 'Invoice wrong',
    severity: 'normal',
    channel: 'email',
    ownerRepId: 'r1',
    coveringRepIds: [],
    status: 'open',
    reopenCount: 0,
    events: [],
    ...p,
  };
}

export function coach(p: Partial<Coach> & Pick<Coach, 'employers'>): Coach {
  seq++;
  return { id: `k${seq}`, updatedAt: UPDATED, contactId: `ct${seq}`, referrals: [], gifts: [], ...p };
}
