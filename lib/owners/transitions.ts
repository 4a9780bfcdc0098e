/**
 * The problem lifecycle as data (DESIGN §5):
 *
 *   open ──start──> working ──waitOnCustomer──> waiting_on_customer
 *                    ^  │  <──resumeWork────────────┘       │
 *                    │  └──markResolved──┐      ┌──markResolved
 *                    │                   v      v
 *                    │        resolved_awaiting_confirmation
 *                    │                   │            │
 *                    └──customer says "not yet"       └──customer says "solved"──> closed
 *                       (a reopen: reopenCount + 1)
 *
 * Kept as a table rather than scattered `if`s so that the client (applyAction), the sync
 * server (validateProblemHistory) and the docs all read the same edges.
 */
import type { ProblemStatus } from '../model';

/** Status-changing steps. Confirmation outcomes are steps of their own so the table stays total. */
export type StatusStep =
  | 'start'
  | 'waitOnCustomer'
  | 'resumeWork'
  | 'markResolved'
  | 'confirmSatisfied'
  | 'confirmNotSatisfied';

export interface Transition {
  readonly from: readonly ProblemStatus[];
  readonly to: ProblemStatus;
  /** Why the edge exists, and shown (in part) when it is refused. */
  readonly doc: string;
}

export const TRANSITIONS: Readonly<Record<StatusStep, Transition>> = {
  start: {
    from: ['open'],
    to: 'working',
    doc: 'The owner starts work on a newly logged problem.',
  },
  waitOnCustomer: {
    from: ['working'],
    to: 'waiting_on_customer',
    doc: 'Work is blocked on something the customer must send or do.',
  },
  resumeWork: {
    from: ['waiting_on_customer'],
    to: 'working',
    doc: 'The customer answered; work continues.',
  },
  markResolved: {
    // Not from `open`: a problem nobody started cannot honestly be called solved.
    from: ['working', 'waiting_on_customer'],
    to: 'resolved_awaiting_confirmation',
    doc: 'The rep believes it is solved; only the customer can say it is.',
  },
  confirmSatisfied: {
    from: ['resolved_awaiting_confirmation'],
    to: 'closed',
    doc: 'The customer confirmed the problem is solved: the only way to close.',
  },
  confirmNotSatisfied: {
    from: ['resolved_awaiting_confirmation'],
    to: 'working',
    doc: 'The customer says it is not solved: the problem reopens and the reopen is counted.',
  },
};

/** Statuses in which the problem can still change at all. `closed` is terminal. */
export const ACTIVE_STATUSES: readonly ProblemStatus[] = ['open', 'working', 'waiting_on_customer', 'resolved_awaiting_confirmation'];

/** Statuses in which work is still owed by the rep (used for overdue and staleness). */
export const WORK_OWED_STATUSES: readonly ProblemStatus[] = ['open', 'working', 'waiting_on_customer'];

/** Plain-English names for statuses, for refusal messages. */
export const STATUS_LABEL: Readonly<Record<ProblemStatus, string>> = {
  open: 'open',
  working: 'being worked on',
  waiting_on_customer: 'waiting on the customer',
  resolved_awaiting_confirmation: 'resolved and awaiting the customer\'s confirmation',
  closed: 'closed',
};

/** True when some step in the table goes from `from` to `to`. */
export function isLegalEdge(from: ProblemStatus, to: ProblemStatus): boolean {
  return Object.values(TRANSITIONS).some((t) => t.to === to && t.from.includes(from));
}

/** The steps a rep takes with one click each (the confirmation outcomes come with a confirmation). */
export const PLAIN_STEPS: readonly StatusStep[] = ['start', 'waitOnCustomer', 'resumeWork', 'markResolved'];

/**
 * The fewest plain steps that take a problem from `from` to `to`, read off the table (so a
 * change to the lifecycle carries over); [] when already there, null when no path exists.
 */
export function plainPath(from: ProblemStatus, to: ProblemStatus): StatusStep[] | null {
  const paths = new Map<ProblemStatus, StatusStep[]>([[from, []]]);
  const queue: ProblemStatus[] = [from];
  for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
    if (s === to) return paths.get(s)!;
    for (const step of PLAIN_STEPS) {
      const t = TRANSITIONS[step];
      if (t.from.includes(s) && !paths.has(t.to)) {
        paths.set(t.to, [...paths.get(s)!, step]);
        queue.push(t.to);
      }
    }
  }
  return null;
}
