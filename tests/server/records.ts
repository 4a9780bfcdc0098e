/** Valid records of every synced table, built the way the extension builds them. */
import type { Coach, Contact, Customer, Note, Pod, Problem, Rep, RevenueLine } from '../../lib/model';
import { applyAction, logProblem, type ActionContext } from '../../lib/owners';
import type { ProblemAction } from '../../lib/owners/actions';
import { newId } from '../../lib/util/ids';

export const T0 = '2026-03-01T09:00:00.000Z';

let clock = Date.parse(T0);
/** Increasing timestamps, so events and updates are in order. */
export function tick(): string {
  clock += 1000;
  return new Date(clock).toISOString();
}

export function customer(patch: Partial<Customer> = {}): Customer {
  return { id: newId(), updatedAt: tick(), name: 'Globex', domains: ['globex.test'], crmRefs: [], ...patch };
}

export function contact(patch: Partial<Contact> = {}): Contact {
  return { id: newId(), updatedAt: tick(), name: 'Hank Scorpio', emails: ['hank@globex.test'], ...patch };
}

export function revenueLine(customerId: string, patch: Partial<RevenueLine> = {}): RevenueLine {
  return { id: newId(), updatedAt: tick(), customerId, date: '2026-02-01', amount: 120_000, currency: 'EUR', product: 'Widgets', ...patch };
}

export function coach(contactId: string, patch: Partial<Coach> = {}): Coach {
  return { id: newId(), updatedAt: tick(), contactId, employers: [{ company: 'Globex' }], referrals: [], gifts: [], ...patch };
}

export function note(authorRepId: string, patch: Partial<Note> = {}): Note {
  return { id: newId(), updatedAt: tick(), customerId: 'cust-1', text: 'Prefers calls before 10.', authorRepId, visibility: 'team', ...patch };
}

export function rep(id: string, patch: Partial<Rep> = {}): Rep {
  return { id, updatedAt: tick(), name: 'Someone', ...patch };
}

export function pod(memberIds: string[], patch: Partial<Pod> = {}): Pod {
  return { id: newId(), updatedAt: tick(), name: 'Pod North', memberIds, ...patch };
}

/** A problem logged by `me`, as the popup's quick-log makes it. */
export function problem(me: string, customerId = 'cust-1'): Problem {
  return logProblem({ customerId, title: 'Invoice shows the wrong VAT', channel: 'email' }, { me, now: tick(), newId });
}

/** The problem after `actor` does `action` through the lifecycle (lib/owners), as the extension would. */
export function act(p: Problem, action: ProblemAction, actor: string, opts: Partial<ActionContext> = {}): Problem {
  const r = applyAction(p, action, { actor, now: tick(), newId, ...opts });
  if (!r.ok) throw new Error(`test setup: ${action.type} refused: ${r.reason}`);
  return r.problem;
}

/** A satisfied customer confirmation. */
export const satisfied = () => ({ at: tick(), by: 'Pat at Globex', how: 'phone' as const, satisfied: true });
