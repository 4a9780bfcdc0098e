/**
 * A customer's problems for one `lookupSubject` answer, in one read: the tenure risk needs
 * up to PROBLEM_LIMIT of them (lib/db/tenure-query.ts) and the issue-owner panel the open
 * ones. The open ones are taken from that read while it holds the customer's whole list; only
 * a customer with more problems than the limit costs a second, compound-index read for the
 * open ones, so they are exact either way.
 */
import type { Problem } from '../model';
import type { HoldfastDB } from './database';
import { ACTIVE_PROBLEM_STATUSES } from './problems';
import { PROBLEM_LIMIT } from './tenure-query';

const OPEN: ReadonlySet<string> = new Set(ACTIVE_PROBLEM_STATUSES);

export async function customerProblems(d: HoldfastDB, customerId: string): Promise<{ all: Problem[]; open: Problem[] }> {
  const all = await d.problems.where('customerId').equals(customerId).limit(PROBLEM_LIMIT + 1).toArray();
  if (all.length <= PROBLEM_LIMIT) return { all, open: all.filter((p) => OPEN.has(p.status) && !p.deleted) };
  const open = await d.problems
    .where('[customerId+status]')
    .anyOf(ACTIVE_PROBLEM_STATUSES.map((s) => [customerId, s]))
    .filter((p) => !p.deleted)
    .toArray();
  return { all: all.slice(0, PROBLEM_LIMIT), open };
}
