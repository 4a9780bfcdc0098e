// Shared fixtures: a controlled clock, deterministic ids, and a way to drive a problem
// through actions in one line. No real timers anywhere.
import { expect } from 'vitest';
import type { Confirmation, Problem, ProblemStatus } from '../../../lib/model';
import { applyAction, type ActionContext, type ProblemAction } from '../../../lib/owners/lifecycle';
import { logProblem, type LogProblemInput } from '../../../lib/owners/log';

export const T0 = '2026-03-02T09:00:00.000Z';

/** ISO time `hours` after T0. */
export const at = (hours: number): string => new Date(Date.parse(T0) + hours * 3_600_000).toISOString();

export function idGen(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

export const OWNER = 'rep-alice';
export const BOB = 'rep-bob';
export const CAROL = 'rep-carol';
export const LEAD = 'rep-lead';

export const baseInput: LogProblemInput = {
  customerId: 'cust-1',
  title: 'Invoice shows wrong VAT',
  channel: 'email',
  severity: 'normal',
};

export function newProblem(overrides: Partial<LogProblemInput> = {}, when = T0, me = OWNER): Problem {
  return logProblem({ ...baseInput, ...overrides }, { me, now: when, newId: idGen(`p${when}`) });
}

export const satisfied = (when = at(50)): Confirmation => ({ at: when, by: 'Dana at Acme', how: 'phone', satisfied: true });
export const notSatisfied = (when = at(50)): Confirmation => ({
  at: when,
  by: 'Dana at Acme',
  how: 'email',
  satisfied: false,
  comment: 'Still wrong on the March invoice',
});

/** Applies one action and fails the test with the refusal reason if it is refused. */
// One generator for every `must` call, so events of one problem never share an id.
const defaultId = idGen('ev');

export function must(problem: Problem, action: ProblemAction, ctx: Partial<ActionContext> = {}): Problem {
  const r = applyAction(problem, action, { actor: OWNER, now: at(1), newId: defaultId, ...ctx });
  if (!r.ok) expect.fail(`${action.type} refused: ${r.code}: ${r.reason}`);
  return r.problem;
}

/** Applies several actions by the owner, one hour apart starting at `startHour`. */
export function drive(problem: Problem, actions: ProblemAction[], startHour = 1): Problem {
  return actions.reduce((p, a, i) => must(p, a, { now: at(startHour + i) }), problem);
}

/** A problem brought to the given status through legal actions only. */
export function inStatus(status: ProblemStatus): Problem {
  const paths: Record<ProblemStatus, ProblemAction[]> = {
    open: [],
    working: [{ type: 'start' }],
    waiting_on_customer: [{ type: 'start' }, { type: 'waitOnCustomer' }],
    resolved_awaiting_confirmation: [{ type: 'start' }, { type: 'markResolved' }],
    closed: [{ type: 'start' }, { type: 'markResolved' }, { type: 'recordConfirmation', confirmation: satisfied(at(3)) }],
  };
  const p = drive(newProblem(), paths[status]);
  expect(p.status).toBe(status);
  return p;
}
