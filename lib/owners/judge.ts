/**
 * The rulebook for one change to a problem, shared by the client and the sync server:
 * `judgeProblem(prev, next, actor)` says whether `actor` may turn the stored problem `prev`
 * (null: there is none yet) into `next`. It does not re-describe the rules: it replays every
 * event of `next` through `applyAction` (lifecycle.ts), the very function the extension calls
 * when a rep clicks, and insists that each act comes out exactly as it was recorded. So the
 * server allows what the client allows and refuses what it refuses, with the same reasons:
 *  - status steps, confirmations and closing: the owner, a covering rep or a lead;
 *  - cover: the owner, a lead, or the rep stepping in or out themself;
 *  - transfers: the owner or a lead, with a written reason (the only way the owner moves);
 *  - a rep signs only their own events; stored events come back unchanged and in order;
 *  - title, detail, severity and due time change only with the "Edited: …" entry an edit
 *    logs, by someone who may work the problem; customer, channel and received-at never;
 *  - only a lead deletes, and a deleted problem stays deleted.
 */
import type { Problem, ProblemEvent } from '../model';
import type { ProblemAction, RefusalCode as ActionCode } from './actions';
import { EDITABLE_FIELDS, EDIT_SUMMARY_PREFIX, planEdit } from './edit';
import { validateProblemHistory } from './history';
import { jsonEqual } from './json-equal';
import { applyAction } from './lifecycle';
import { PLAIN_STEPS, STATUS_LABEL, TRANSITIONS } from './transitions';

export interface JudgeActor {
  repId: string;
  lead: boolean;
}

/** The sync protocol's refusal codes (lib/sync/protocol.ts) this judge answers with. */
export type JudgeCode = 'not_yours' | 'lead_only' | 'owner_change' | 'history_rewrite' | 'invalid_transition' | 'fixed_field' | 'unlogged_edit' | 'tombstone';
export type Judgement = { ok: true } | { ok: false; code: JudgeCode; reason: string };

/** Set when the problem is logged and never changed after (DESIGN §5). */
export const FIXED_FIELDS = ['customerId', 'channel', 'receivedAt'] as const;
const FIXED_LABEL: Record<(typeof FIXED_FIELDS)[number], string> = { customerId: 'customer', channel: 'channel', receivedAt: 'received time' };

const OK: Judgement = { ok: true };
const refuse = (code: JudgeCode, reason: string): Judgement => ({ ok: false, code, reason });

export const isEditEvent = (e: ProblemEvent): boolean => e.type === 'update' && e.text.startsWith(EDIT_SUMMARY_PREFIX);

export function judgeProblem(prev: Problem | null, next: Problem, actor: JudgeActor): Judgement {
  if (prev?.deleted && !next.deleted) {
    return refuse('tombstone', 'This problem was deleted: a deleted problem stays deleted and its id is not used again. Log it as a new problem.');
  }
  if (next.deleted) {
    // A problem disappearing is the hand-off the owner rule exists to prevent; only a lead
    // removes one (a duplicate, a test entry).
    return actor.lead ? OK : refuse('lead_only', 'Only a team lead can delete a problem. Close it with the customer\'s confirmation instead.');
  }
  if (prev) {
    for (const f of FIXED_FIELDS) {
      if (prev[f] !== next[f]) {
        return refuse('fixed_field', `A problem's ${FIXED_LABEL[f]} is set when it is logged and never changes (it is ${prev[f]}; the change says ${next[f]}). Log a new problem instead.`);
      }
    }
  }
  const kept = checkStoredEventsKept(prev, next);
  if (!kept.ok) return kept;
  const before = new Set(prev?.events.map((e) => e.id));
  const signed = checkSignatures(prev, next, before, actor);
  if (!signed.ok) return signed;

  const replayed = replay(prev, next, before, actor);
  if (!replayed.ok) return replayed;
  const end = replayed.problem;
  if (end.ownerRepId !== next.ownerRepId) {
    return refuse('owner_change', `The owner is ${end.ownerRepId} and changes only through a transfer event with a reason, not by an edit (the record names ${next.ownerRepId}).`);
  }
  if (end.status !== next.status) return refuse('invalid_transition', `The record says ${next.status}, but its log says ${end.status}: the status changes only through its logged steps.`);
  if (end.reopenCount !== next.reopenCount) return refuse('invalid_transition', `The record counts ${next.reopenCount} reopens, but its log shows ${end.reopenCount}.`);
  const covering = new Set(next.coveringRepIds);
  if (covering.size !== next.coveringRepIds.length || covering.size !== end.coveringRepIds.length || end.coveringRepIds.some((r) => !covering.has(r))) {
    return refuse('not_yours', 'The covering reps on the record differ from those its log adds and removes: cover changes only through a logged cover step.');
  }
  const edit = judgeEdit(prev, next, before);
  if (!edit.ok) return edit;

  // Belt and braces: the whole log must also pass the history check the client runs.
  const check = validateProblemHistory(next);
  if (!check.ok) return refuse('invalid_transition', check.violations[0]?.message ?? 'The problem history is not valid.');
  return OK;
}

/** The stored log must come back whole: each event unchanged and in its order (new ones may sit between). */
function checkStoredEventsKept(prev: Problem | null, next: Problem): Judgement {
  if (!prev) return OK;
  const at = new Map(next.events.map((e, i) => [e.id, i]));
  let last = -1;
  for (const [i, e] of prev.events.entries()) {
    const j = at.get(e.id);
    const what = j === undefined ? 'is missing' : !jsonEqual(e, next.events[j]) ? 'was changed' : j < last ? 'was moved' : null;
    if (what) {
      return refuse('history_rewrite', `A problem's log only grows: event ${i + 1} (${e.type}, ${e.at}) ${what}. Record a new event instead of editing or removing one.`);
    }
    last = j!;
  }
  return OK;
}

/** A rep records only their own acts; a lead may log a problem received by someone else. */
function checkSignatures(prev: Problem | null, next: Problem, before: ReadonlySet<string>, actor: JudgeActor): Judgement {
  for (const [i, e] of next.events.entries()) {
    if (before.has(e.id)) continue;
    if (i === 0 && !prev && e.type === 'received') {
      if (e.byRepId !== actor.repId && !actor.lead) {
        return refuse('not_yours', `A problem belongs to the rep who received it: this one says ${e.byRepId} received it, and you are ${actor.repId}. Log the problems you receive yourself.`);
      }
      continue;
    }
    if (e.byRepId !== actor.repId) {
      return refuse('not_yours', `Event ${e.id} (${e.type}) is signed by ${e.byRepId}, but you are ${actor.repId}: a rep records only their own actions.`);
    }
  }
  return OK;
}

type Replay = { ok: true; problem: Problem } | { ok: false; code: JudgeCode; reason: string };

/**
 * Rebuilds the problem from its log through applyAction. Events already stored were judged
 * when they arrived, so they replay with a lead's rights (only the lifecycle is re-checked,
 * in case new events were merged in before them); new ones with the actor's own rights.
 * When the new events only follow the stored ones (the usual push), the stored problem is
 * where the replay starts: it was judged when stored, and a long log is not replayed again.
 */
function replay(prev: Problem | null, next: Problem, before: ReadonlySet<string>, actor: JudgeActor): Replay {
  const events = next.events;
  const first = events[0];
  if (first?.type !== 'received') return { ok: false, code: 'invalid_transition', reason: 'The log must begin with the event of the problem being received.' };
  const appended = prev !== null && prev.events.length > 0 && prev.events.every((e, k) => events[k]?.id === e.id);
  // The replayed state carries no events: applyAction decides on status, owner, cover and
  // reopens alone, and re-parsing a long log at every step would make a replay quadratic.
  let state: Problem = appended
    ? { ...prev, events: [] }
    : { ...next, ownerRepId: first.byRepId, coveringRepIds: [], status: 'open', reopenCount: 0, events: [], updatedAt: first.at };
  let i = appended ? prev.events.length : 1;
  while (i < events.length) {
    const e = events[i]!;
    const plan = actionFor(state, e);
    if ('code' in plan) return { ok: false, ...plan };
    const ids = events.slice(i).map((x) => x.id);
    let n = 0;
    const r = applyAction(state, plan, {
      actor: e.byRepId,
      actorIsLead: before.has(e.id) || actor.lead,
      now: e.at,
      newId: () => ids[n++] ?? '',
    });
    if (!r.ok) return { ok: false, code: codeOf(r.code), reason: r.reason };
    const made = r.problem.events;
    if (!jsonEqual(made, events.slice(i, i + made.length))) {
      const want = made.map((m) => m.type).join(' + ');
      return { ok: false, code: 'invalid_transition', reason: `Event ${e.id} (${e.type}) is not recorded the way the app records that act (${want}).` };
    }
    state = { ...r.problem, events: [] };
    i += made.length;
  }
  return { ok: true, problem: state };
}

/** The act that recorded event `e` on `state`, or why no act records it. */
function actionFor(state: Problem, e: ProblemEvent): ProblemAction | { code: JudgeCode; reason: string } {
  switch (e.type) {
    case 'received':
      return { code: 'invalid_transition', reason: 'A problem is received once; a second "received" event is not allowed.' };
    case 'update':
      return { type: 'addUpdate', text: e.text };
    case 'cover':
      return { type: e.action === 'add' ? 'addCover' : 'removeCover', repId: e.repId };
    case 'confirmation':
      return { type: 'recordConfirmation', confirmation: e.confirmation };
    case 'transfer':
      if (e.fromRepId !== state.ownerRepId) {
        return { code: 'owner_change', reason: `The transfer ${e.id} hands the problem over from ${e.fromRepId}, but its owner is ${state.ownerRepId}.` };
      }
      return { type: 'transfer', toRepId: e.toRepId, reason: e.reason };
    case 'status': {
      if (e.from !== state.status) {
        return { code: 'invalid_transition', reason: `The event says the status was ${STATUS_LABEL[e.from]}, but it was ${STATUS_LABEL[state.status]}.` };
      }
      const step = PLAIN_STEPS.find((s) => TRANSITIONS[s].to === e.to && TRANSITIONS[s].from.includes(e.from));
      if (step) return { type: step } as ProblemAction;
      if (e.to === 'closed') return { code: 'invalid_transition', reason: 'The problem was closed without the customer confirming it is solved. Record the customer\'s confirmation to close it.' };
      if (e.to === 'working') return { code: 'invalid_transition', reason: 'A resolved problem went back to work without the customer saying it is not solved.' };
      return { code: 'invalid_transition', reason: `The lifecycle has no step from ${STATUS_LABEL[e.from]} to ${STATUS_LABEL[e.to]}.` };
    }
  }
}

/** The sync code for a lifecycle refusal: who-may refusals, owner moves, and the rest. */
function codeOf(code: ActionCode): JudgeCode {
  switch (code) {
    case 'not_participant':
    case 'not_allowed':
      return 'not_yours';
    case 'not_owner':
    case 'same_owner':
    case 'owner_change_refused':
    case 'reason_too_short':
    case 'reason_too_long':
      return 'owner_change';
    case 'deleted':
      return 'tombstone';
    default:
      return 'invalid_transition';
  }
}

/**
 * Title, detail, severity and due time change only by an edit, and an edit always logs its
 * "Edited: …" entry (which replay() has already let through only for someone who may work
 * the problem). The new values must be ones the edit form accepts.
 */
function judgeEdit(prev: Problem | null, next: Problem, before: ReadonlySet<string>): Judgement {
  if (!prev) return OK;
  const changes: Record<string, unknown> = {};
  for (const f of EDITABLE_FIELDS) if (!jsonEqual(prev[f], next[f])) changes[f] = next[f] ?? null;
  const fields = Object.keys(changes);
  if (fields.length === 0) return OK;
  if (!next.events.some((e) => !before.has(e.id) && isEditEvent(e))) {
    return refuse('unlogged_edit', `The ${fields.join(', ')} changed without the "Edited" entry an edit logs: a problem's fields change only through an edit, which its log records.`);
  }
  const plan = planEdit(prev, changes);
  return plan.ok ? OK : refuse('invalid_transition', plan.reason);
}
