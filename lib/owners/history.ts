/**
 * Replays a problem's event log and checks the invariants the log exists to prove (DESIGN §5,
 * §6): the sync server runs this on every pushed problem, so a client that edits the record
 * directly instead of going through `applyAction` is caught.
 */
import type { Problem, ProblemStatus } from '../model';
import { MIN_TRANSFER_REASON } from './constants';
import { isLegalEdge } from './transitions';

export type HistoryViolationCode =
  | 'no_received_event'
  | 'duplicate_received'
  | 'duplicate_event_id'
  | 'transfer_from_non_owner'
  | 'transfer_to_self'
  | 'transfer_without_reason'
  | 'owner_changed_without_transfer'
  | 'status_from_mismatch'
  | 'illegal_status_edge'
  | 'closed_without_confirmation'
  | 'reopened_without_confirmation'
  | 'confirmation_while_not_resolved'
  | 'event_after_close'
  | 'status_mismatch'
  | 'reopen_count_mismatch'
  | 'cover_mismatch'
  | 'owner_covers';

export interface HistoryViolation {
  code: HistoryViolationCode;
  message: string;
  /** The offending event, when one event is to blame. */
  eventId?: string;
}

export type HistoryCheck = { ok: true } | { ok: false; violations: HistoryViolation[] };

export function validateProblemHistory(problem: Problem): HistoryCheck {
  const violations: HistoryViolation[] = [];
  const flag = (code: HistoryViolationCode, message: string, eventId?: string) =>
    violations.push(eventId === undefined ? { code, message } : { code, message, eventId });

  const first = problem.events[0];
  if (first?.type !== 'received') {
    flag('no_received_event', 'The log must begin with the event of the problem being received.');
    return { ok: false, violations };
  }

  let owner = first.byRepId;
  let status: ProblemStatus = 'open';
  let reopens = 0;
  const covering = new Set<string>();
  const seenIds = new Set<string>();
  // The customer's latest word since the problem was last marked resolved, if any.
  let verdict: boolean | undefined;

  for (const [i, e] of problem.events.entries()) {
    if (seenIds.has(e.id)) flag('duplicate_event_id', `Event id ${e.id} appears more than once.`, e.id);
    seenIds.add(e.id);
    if (status === 'closed') flag('event_after_close', 'Nothing may be recorded after a problem is closed.', e.id);

    switch (e.type) {
      case 'received':
        if (i > 0) flag('duplicate_received', 'A problem is received once; a second "received" event is not allowed.', e.id);
        break;
      case 'transfer':
        if (e.fromRepId !== owner) flag('transfer_from_non_owner', `The transfer names ${e.fromRepId} as owner, but the owner then was ${owner}.`, e.id);
        if (e.toRepId === owner) flag('transfer_to_self', 'A transfer must move the problem to a different rep.', e.id);
        if (e.reason.trim().length < MIN_TRANSFER_REASON) flag('transfer_without_reason', 'A transfer needs a written reason.', e.id);
        owner = e.toRepId;
        covering.delete(owner);
        break;
      case 'cover':
        if (e.action === 'add') covering.add(e.repId);
        else covering.delete(e.repId);
        break;
      case 'confirmation':
        if (status !== 'resolved_awaiting_confirmation') {
          flag('confirmation_while_not_resolved', 'A customer confirmation was recorded while the problem was not awaiting one.', e.id);
        }
        verdict = e.confirmation.satisfied;
        break;
      case 'status':
        if (e.from !== status) flag('status_from_mismatch', `The event says the status was ${e.from}, but it was ${status}.`, e.id);
        if (!isLegalEdge(e.from, e.to)) flag('illegal_status_edge', `The lifecycle has no step from ${e.from} to ${e.to}.`, e.id);
        if (e.to === 'closed' && verdict !== true) {
          flag('closed_without_confirmation', 'The problem was closed without the customer confirming it is solved.', e.id);
        }
        if (e.from === 'resolved_awaiting_confirmation' && e.to === 'working') {
          if (verdict !== false) flag('reopened_without_confirmation', 'A resolved problem went back to work without the customer saying it is not solved.', e.id);
          reopens += 1;
        }
        status = e.to;
        // Each resolution needs its own confirmation; an old one does not carry over.
        if (status === 'resolved_awaiting_confirmation' || status === 'working') verdict = undefined;
        break;
      case 'update':
        break;
    }
  }

  if (owner !== problem.ownerRepId) {
    flag('owner_changed_without_transfer', `The record names ${problem.ownerRepId} as owner, but the log (received and transfers) says ${owner}.`);
  }
  if (status !== problem.status) flag('status_mismatch', `The record says ${problem.status}, but the log says ${status}.`);
  if (reopens !== problem.reopenCount) flag('reopen_count_mismatch', `The record counts ${problem.reopenCount} reopens, but the log shows ${reopens}.`);
  const recorded = new Set(problem.coveringRepIds);
  if (recorded.size !== covering.size || [...covering].some((r) => !recorded.has(r))) {
    flag('cover_mismatch', 'The covering reps on the record differ from those the log adds and removes.');
  }
  if (recorded.has(problem.ownerRepId)) flag('owner_covers', 'The owner is also listed as covering.');

  return violations.length === 0 ? { ok: true } : { ok: false, violations };
}
