/**
 * The issue-owner invariants (DESIGN §1, §5) enforced on every pushed problem, because a
 * client could edit the record directly instead of going through lib/owners' applyAction:
 *  - the log only grows: the stored events must come back unchanged, new ones after them;
 *  - a rep records only their own acts (every new event is signed by the pusher);
 *  - the owner is the rep who received the problem and changes only by a transfer event,
 *    made by the owner of the moment or a lead;
 *  - the whole history passes the lifecycle check (closing needs the customer's "solved").
 */
import type { Problem } from '../../lib/model';
import { validateProblemHistory } from '../../lib/owners/history';
import { jsonEqual } from './equal';
import { ALLOW, refuse, type Actor, type Verdict } from './verdict';

export function checkProblemPut(next: Problem, prev: Problem | null, actor: Actor): Verdict {
  if (next.deleted) return checkProblemDelete(actor);

  const prevEvents = prev?.events ?? [];
  const changed = prevEvents.findIndex((e, i) => !jsonEqual(e, next.events[i]));
  if (changed >= 0) {
    const e = prevEvents[changed]!;
    const what = next.events.length <= changed ? 'is missing' : 'was changed';
    return refuse(
      'history_rewrite',
      `A problem's log only grows: event ${changed + 1} (${e.type}, ${e.at}) ${what}. Record a new event instead of editing or removing one.`,
    );
  }
  const appended = next.events.slice(prevEvents.length);

  // The first receiver owns it; a lead may log a problem on behalf of the rep who received it.
  const received = prev ? undefined : next.events[0];
  if (received?.type === 'received' && received.byRepId !== actor.repId && !actor.lead) {
    return refuse(
      'not_yours',
      `A problem belongs to the rep who received it: this one says ${received.byRepId} received it, and you are ${actor.repId}. Log the problems you receive yourself.`,
    );
  }
  for (const e of appended) {
    if (e === received) continue;
    if (e.byRepId !== actor.repId) {
      return refuse('not_yours', `Event ${e.id} (${e.type}) is signed by ${e.byRepId}, but you are ${actor.repId}: a rep records only their own actions.`);
    }
  }

  let owner = prev ? prev.ownerRepId : received?.byRepId;
  for (const e of appended) {
    if (e.type !== 'transfer') continue;
    if (e.fromRepId !== owner) {
      return refuse('owner_change', `The transfer ${e.id} hands the problem over from ${e.fromRepId}, but its owner is ${owner ?? 'nobody'}.`);
    }
    if (owner !== actor.repId && !actor.lead) {
      return refuse('owner_change', `Only the owner (${owner}) or a team lead can transfer this problem. Others help by covering it.`);
    }
    owner = e.toRepId;
  }
  if (owner !== undefined && next.ownerRepId !== owner) {
    return refuse(
      'owner_change',
      `The owner is ${owner} and changes only through a transfer event with a reason, not by an edit (the record names ${next.ownerRepId}).`,
    );
  }

  const check = validateProblemHistory(next);
  if (!check.ok) {
    const [first, ...rest] = check.violations;
    const more = rest.length ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''} with the log)` : '';
    return refuse('invalid_transition', `${first?.message ?? 'The problem history is not valid.'}${more}`);
  }
  return ALLOW;
}

export function checkProblemDelete(actor: Actor): Verdict {
  // A problem disappearing is the hand-off the owner rule exists to prevent; only a lead may
  // remove one (a duplicate, a test entry).
  return actor.lead ? ALLOW : refuse('lead_only', 'Only a team lead can delete a problem. Close it with the customer\'s confirmation instead.');
}
