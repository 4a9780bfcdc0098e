/**
 * The problem lifecycle as a pure state machine. `applyAction` takes a problem and an action
 * and returns either the next problem (with the events that explain the change appended) or
 * a refusal with a plain-English reason. Nothing here touches a browser API or the clock.
 */
import * as z from 'zod/mini';
import { Problem, type Confirmation, type ProblemEvent } from '../model';
import { ProblemAction, type RefusalCode, type RefusalDetail } from './actions';
import { MIN_TRANSFER_REASON } from './constants';
import { planEdit } from './edit';
import { STATUS_LABEL, TRANSITIONS, plainPath, type StatusStep } from './transitions';

export { ProblemAction, type ProblemActionType, type RefusalCode, type RefusalDetail } from './actions';
export { TRANSITIONS, ACTIVE_STATUSES, WORK_OWED_STATUSES, isLegalEdge, plainPath, type StatusStep, type Transition } from './transitions';
export { MIN_TRANSFER_REASON } from './constants';
export { validateProblemHistory, type HistoryViolation, type HistoryCheck } from './history';

export interface ActionContext {
  /** The rep doing it. */
  actor: string;
  now: string;
  newId: () => string;
  /** Team leads may transfer a problem they do not own (and act on any problem). */
  actorIsLead?: boolean;
}

export type ActionResult = { ok: true; problem: Problem } | { ok: false; reason: string; code: RefusalCode; detail?: RefusalDetail };

const MAX_TRANSFER_REASON = 2000;
const MAX_UPDATE = 20_000;

const refuse = (code: RefusalCode, reason: string, detail?: RefusalDetail): ActionResult =>
  detail ? { ok: false, code, reason, detail } : { ok: false, code, reason };

/** What the step is called in a refusal: "Cannot <verb>: …". */
const STEP_VERB: Record<StatusStep, string> = {
  start: 'start work',
  waitOnCustomer: 'wait on the customer',
  resumeWork: 'resume work',
  markResolved: 'mark it resolved',
  confirmSatisfied: 'close it',
  confirmNotSatisfied: 'reopen it',
};

export function applyAction(problem: Problem, action: ProblemAction, ctx: ActionContext): ActionResult {
  // Typed callers pass valid actions; the sync server passes whatever a client sent.
  const parsed = ProblemAction.safeParse(action);
  if (!parsed.success) return refuse('invalid_action', `That action is not understood: ${z.prettifyError(parsed.error)}`);
  const a = parsed.data;

  if (problem.deleted) return refuse('deleted', 'This problem was deleted; nothing more can be recorded on it.');
  if (problem.status === 'closed') {
    return refuse('closed', 'This problem is closed: the customer confirmed it is solved. If it has come back, log it as a new problem.');
  }

  const isOwner = ctx.actor === problem.ownerRepId;
  const isLead = ctx.actorIsLead === true;
  // Owner, covering reps and leads may work a problem; anyone else covers it first.
  // Cover changes and transfers have their own, more specific rules below.
  const isParticipant = isOwner || isLead || problem.coveringRepIds.includes(ctx.actor);
  if (!isParticipant && a.type !== 'addCover' && a.type !== 'removeCover' && a.type !== 'transfer') {
    return refuse(
      'not_participant',
      'Only the owner, a covering rep or a lead can act on this problem. Add yourself as cover to help without taking it over.',
    );
  }

  const base = () => ({ id: ctx.newId(), at: ctx.now, byRepId: ctx.actor });

  /** Applies a status step from the table, with any events that must precede the status event. */
  const step = (s: StatusStep, before: ProblemEvent[] = [], patch: Partial<Problem> = {}): ActionResult => {
    const t = TRANSITIONS[s];
    if (!t.from.includes(problem.status)) {
      const allowed = t.from.map((f) => STATUS_LABEL[f]).join(' or ');
      return refuse('illegal_transition', `Cannot ${STEP_VERB[s]}: the problem is ${STATUS_LABEL[problem.status]}. That is possible only when it is ${allowed}.`, {
        step: s,
        status: problem.status,
        allowed: [...t.from],
      });
    }
    const statusEvent: ProblemEvent = { ...base(), type: 'status', from: problem.status, to: t.to };
    return commit(problem, ctx.now, [...before, statusEvent], { ...patch, status: t.to });
  };

  switch (a.type) {
    case 'start':
    case 'waitOnCustomer':
    case 'resumeWork':
    case 'markResolved':
      return step(a.type);

    case 'recordConfirmation':
      return confirm(a.confirmation);

    case 'confirmOnCall':
      return confirmOnCall(problem, a, ctx);

    case 'close':
      return refuse(
        'confirmation_required',
        problem.status === 'resolved_awaiting_confirmation'
          ? 'A problem closes only with the customer\'s confirmation. Record the customer\'s confirmation that it is solved to close it.'
          : 'A problem closes only with the customer\'s confirmation. Mark it resolved, then record the customer\'s confirmation.',
        { status: problem.status },
      );

    case 'addUpdate': {
      const text = a.text.trim();
      if (text === '') return refuse('empty_update', 'An update needs some text.');
      if (text.length > MAX_UPDATE) return refuse('update_too_long', `An update can be at most ${MAX_UPDATE} characters.`, { limit: MAX_UPDATE });
      return commit(problem, ctx.now, [{ ...base(), type: 'update', text }], {});
    }

    case 'addCover':
    case 'removeCover': {
      // Covering is how others help; a rep may volunteer or step back themselves.
      if (!isOwner && !isLead && a.repId !== ctx.actor) {
        return refuse('not_allowed', 'Only the owner, a lead, or the rep themselves can change who covers this problem.');
      }
      const covering = problem.coveringRepIds.includes(a.repId);
      if (a.type === 'addCover') {
        if (a.repId === problem.ownerRepId) return refuse('owner_cannot_cover', 'That rep owns this problem; an owner does not also cover it.');
        if (covering) return refuse('already_covering', 'That rep already covers this problem.');
        return commit(problem, ctx.now, [{ ...base(), type: 'cover', repId: a.repId, action: 'add' }], {
          coveringRepIds: [...problem.coveringRepIds, a.repId],
        });
      }
      if (!covering) return refuse('not_covering', 'That rep does not cover this problem.');
      return commit(problem, ctx.now, [{ ...base(), type: 'cover', repId: a.repId, action: 'remove' }], {
        coveringRepIds: problem.coveringRepIds.filter((r) => r !== a.repId),
      });
    }

    case 'edit': {
      const plan = planEdit(problem, a.changes);
      if (!plan.ok) return refuse(plan.code, plan.reason, plan.fields && { fields: plan.fields });
      return commit(problem, ctx.now, [{ ...base(), type: 'update', text: plan.summary }], plan.patch);
    }

    case 'transfer':
      return transfer(a.toRepId, a.reason);
  }

  function confirm(c: Confirmation): ActionResult {
    if (problem.status !== 'resolved_awaiting_confirmation') {
      return refuse(
        'not_resolved',
        `A customer confirmation can be recorded only once the problem is marked resolved; it is ${STATUS_LABEL[problem.status]}.`,
        { status: problem.status },
      );
    }
    const event: ProblemEvent = { ...base(), type: 'confirmation', confirmation: c };
    return c.satisfied
      ? step('confirmSatisfied', [event])
      : step('confirmNotSatisfied', [event], { reopenCount: problem.reopenCount + 1 });
  }

  function transfer(toRepId: string, rawReason: string): ActionResult {
    if (!isOwner && !isLead) {
      return refuse('not_owner', 'Only the owner or a team lead can transfer a problem. Others can help by covering it instead.');
    }
    if (toRepId === problem.ownerRepId) return refuse('same_owner', 'That rep already owns this problem.');
    const reason = rawReason.trim();
    if (reason.length < MIN_TRANSFER_REASON) {
      return refuse(
        'reason_too_short',
        `A transfer needs a written reason of at least ${MIN_TRANSFER_REASON} characters (for example "Owner left the company"), so the hand-off stays visible.`,
        { limit: MIN_TRANSFER_REASON },
      );
    }
    if (reason.length > MAX_TRANSFER_REASON) {
      return refuse('reason_too_long', `A transfer reason can be at most ${MAX_TRANSFER_REASON} characters.`, { limit: MAX_TRANSFER_REASON });
    }
    const events: ProblemEvent[] = [{ ...base(), type: 'transfer', fromRepId: problem.ownerRepId, toRepId, reason }];
    // The new owner cannot also be a covering rep; log the removal so a replay agrees.
    if (problem.coveringRepIds.includes(toRepId)) events.push({ ...base(), type: 'cover', repId: toRepId, action: 'remove' });
    return commit(problem, ctx.now, events, {
      ownerRepId: toRepId,
      coveringRepIds: problem.coveringRepIds.filter((r) => r !== toRepId),
    });
  }
}

/**
 * "Customer confirmed on this call": the plain steps still needed to reach "resolved" (start,
 * mark resolved: read off the table), then the satisfied confirmation by phone, each through
 * applyAction. So the log holds exactly the events those clicks would have made, one by one,
 * and the rulebook that replays every event (judge.ts) and the history check accept it as
 * they stand; a refusal of any step refuses the whole act and changes nothing.
 */
function confirmOnCall(problem: Problem, a: Extract<ProblemAction, { type: 'confirmOnCall' }>, ctx: ActionContext): ActionResult {
  const by = a.by.trim();
  if (by === '') return refuse('no_confirmer', 'Say who at the customer confirmed on the call that it is solved.');
  const steps = plainPath(problem.status, 'resolved_awaiting_confirmation');
  if (!steps) {
    return refuse('illegal_transition', `Cannot close it: the problem is ${STATUS_LABEL[problem.status]}.`, { step: 'confirmSatisfied', status: problem.status });
  }
  const comment = a.comment?.trim();
  const confirmation: Confirmation = { at: ctx.now, by, how: 'phone', satisfied: true, ...(comment ? { comment } : {}) };
  const acts: ProblemAction[] = [...steps.map((type) => ({ type }) as ProblemAction), { type: 'recordConfirmation', confirmation }];
  let current = problem;
  for (const act of acts) {
    const r = applyAction(current, act, ctx);
    if (!r.ok) return r;
    current = r.problem;
  }
  return { ok: true, problem: current };
}

/** Appends events, applies the patch, and re-checks the record so a bad `now` or id cannot slip in. */
function commit(problem: Problem, now: string, events: ProblemEvent[], patch: Partial<Problem>): ActionResult {
  const next: Record<string, unknown> = { ...problem, ...patch, updatedAt: now, events: [...problem.events, ...events] };
  // Cleared optional fields are removed, not stored as `undefined`.
  for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
  const checked = Problem.safeParse(next);
  if (!checked.success) return refuse('invalid_result', `The change would produce an invalid record: ${z.prettifyError(checked.error)}`);
  return { ok: true, problem: checked.data };
}
