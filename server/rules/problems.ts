/**
 * Problems are judged by the one rulebook the client also runs (lib/owners/judge.ts): the
 * server adds nothing of its own and leaves nothing out. A pushed copy that lacks events the
 * server already has is first merged with them (lib/owners/merge.ts), so concurrent work by
 * two reps is kept instead of refused.
 */
import type { Problem } from '../../lib/model';
import { judgeProblem } from '../../lib/owners/judge';
import { mergeProblem } from '../../lib/owners/merge';
import type { Actor, Verdict } from './verdict';

/** `prev` is the stored problem (a tombstone included), or null when the server has none. */
export function checkProblemPut(next: Problem, prev: Problem | null, actor: Actor): Verdict {
  return judgeProblem(prev, next, actor);
}

export function checkProblemDelete(actor: Actor): Verdict {
  return actor.lead ? { ok: true } : { ok: false, code: 'lead_only', reason: 'Only a team lead can delete a problem. Close it with the customer\'s confirmation instead.' };
}

/** The problem to judge and store: the pushed copy merged with the stored log. */
export function mergeProblemPut(next: Problem, prev: Problem | null): { ok: true; problem: Problem } | Extract<Verdict, { ok: false }> {
  if (!prev || prev.deleted || next.deleted) return { ok: true, problem: next };
  return mergeProblem(prev, next);
}
