/**
 * Ordering "my problems" (side panel, popup): what needs the rep first comes first.
 * Overdue before not overdue, then higher severity, then older (received earlier).
 */
import type { Problem, Severity } from '../model';
import { toMs } from './time';
import { WORK_OWED_STATUSES } from './transitions';

const SEVERITY_RANK: Record<Severity, number> = { critical: 3, high: 2, normal: 1, low: 0 };

/**
 * Past its due time while the rep still owes work. A problem awaiting the customer's
 * confirmation is not overdue: the ball is with the customer (reminders chase that separately).
 */
export function isOverdue(problem: Problem, now: string): boolean {
  return problem.dueAt !== undefined && WORK_OWED_STATUSES.includes(problem.status) && toMs(problem.dueAt) < toMs(now);
}

/** A comparator for `Array.prototype.sort`; most urgent first. Ties fall back to id so the order is stable across devices. */
export function compareUrgency(now: string): (a: Problem, b: Problem) => number {
  return (a, b) =>
    Number(isOverdue(b, now)) - Number(isOverdue(a, now)) ||
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    toMs(a.receivedAt) - toMs(b.receivedAt) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A sorted copy; the input is left as it was. */
export function sortByUrgency(problems: readonly Problem[], now: string): Problem[] {
  return [...problems].sort(compareUrgency(now));
}

export interface MyProblems {
  /** Problems the rep owns: theirs to see through. */
  own: Problem[];
  /** Problems the rep helps with while someone else stays owner. */
  covering: Problem[];
}

/** The rep's open (not closed, not deleted) problems, split by role, each list sorted by urgency. */
export function myProblems(problems: readonly Problem[], repId: string, now: string): MyProblems {
  const live = problems.filter((p) => !p.deleted && p.status !== 'closed');
  return {
    own: sortByUrgency(live.filter((p) => p.ownerRepId === repId), now),
    covering: sortByUrgency(live.filter((p) => p.ownerRepId !== repId && p.coveringRepIds.includes(repId)), now),
  };
}
