/**
 * Problems in the database: every change goes through lib/owners (logProblem, applyAction),
 * inside one transaction, so the owner rule and the lifecycle hold for every surface — the
 * popup and side panel call these directly, the dock through the background.
 */
import type { Problem } from '../model';
import type { OwnerAction, OwnerActionReply } from '../messaging/protocol';
import { applyAction, type ProblemAction } from '../owners/lifecycle';
import { logProblem, type LogProblemInput } from '../owners/log';
import { readReminderSettings, type ReminderSettings } from '../owners/run';
import { newId, nowIso } from '../util/ids';
import type { HoldfastDB } from './database';
import { ensureMe } from './me';
import { touchLastContact } from './notes';

const REFUSED_TRANSFERS_KEY = 'owner.refusedTransfers';
const REMINDER_SETTINGS_KEY = 'owner.reminderSettings';
const REMINDERS_SENT_KEY = 'owner.remindersSent';

export const ACTIVE_PROBLEM_STATUSES = ['open', 'working', 'waiting_on_customer', 'resolved_awaiting_confirmation'] as const;

/** `at`, or `now` when `at` lies ahead of it (a typo, another clock). */
const notAfter = (at: string, now: string) => (Date.parse(at) < Date.parse(now) ? at : now);

/**
 * Log a problem received by me: I own it. Hearing of a problem is contact with the customer:
 * their last contact moves forward to when it was received (never back, never past now).
 */
export async function logProblemAsMe(d: HoldfastDB, input: LogProblemInput, now = nowIso()): Promise<Problem> {
  const me = await ensureMe(d);
  const problem = logProblem(input, { me: me.id, now, newId });
  await d.transaction('rw', d.problems, d.customers, async () => {
    await d.problems.add(problem);
    await touchLastContact(d, problem.customerId, notAfter(problem.receivedAt, now));
  });
  return problem;
}

/**
 * Apply one lifecycle action as me. Refusals change nothing, except that a refused transfer
 * is counted (the measures show transfer attempts; a refusal leaves no event on the problem).
 */
export async function actOnProblem(d: HoldfastDB, problemId: string, action: ProblemAction, now = nowIso()): Promise<OwnerActionReply> {
  const me = await ensureMe(d);
  return d.transaction('rw', d.problems, d.settings, d.customers, async () => {
    const problem = await d.problems.get(problemId);
    if (!problem) return { ok: false, code: 'not_found', reason: 'That problem is not in Holdfast (it may have been removed).' };
    const result = applyAction(problem, action, { actor: me.id, now, newId });
    if (!result.ok) {
      if (action.type === 'transfer') {
        const counts = await refusedTransferAttempts(d);
        counts[me.id] = (counts[me.id] ?? 0) + 1;
        await d.settings.put({ key: REFUSED_TRANSFERS_KEY, value: counts });
      }
      const { code, reason, detail } = result;
      return detail ? { ok: false, code, reason, detail: { ...detail } } : { ok: false, code, reason };
    }
    await d.problems.put(result.problem);
    // The customer's confirmation (satisfied or not, on a call or recorded later) is contact with them.
    if (action.type === 'recordConfirmation') await touchLastContact(d, problem.customerId, notAfter(action.confirmation.at, now));
    if (action.type === 'confirmOnCall') await touchLastContact(d, problem.customerId, now);
    return { ok: true };
  });
}

/** The dock's wire action as a lifecycle action by `meId`, stamped with `now`. */
export function fromOwnerAction(a: OwnerAction, meId: string, now: string): ProblemAction {
  switch (a.type) {
    case 'coverMe':
      return { type: 'addCover', repId: meId };
    case 'addUpdate':
      return { type: 'addUpdate', text: a.text };
    case 'recordConfirmation':
      return {
        type: 'recordConfirmation',
        confirmation: { at: now, by: a.by.trim(), how: a.how, satisfied: a.satisfied, ...(a.comment?.trim() ? { comment: a.comment.trim() } : {}) },
      };
    case 'confirmOnCall':
      return { type: 'confirmOnCall', by: a.by };
    default:
      return { type: a.type };
  }
}

/** What the dock (and the side panel, with the same buttons) asks for. */
export async function actOnProblemWire(d: HoldfastDB, problemId: string, action: OwnerAction, now = nowIso()): Promise<OwnerActionReply> {
  const me = await ensureMe(d);
  if ((action.type === 'recordConfirmation' || action.type === 'confirmOnCall') && action.by.trim() === '') {
    return { ok: false, code: 'no_confirmer', reason: 'Say who at the customer confirmed.' };
  }
  return actOnProblem(d, problemId, fromOwnerAction(action, me.id, now), now);
}

export async function refusedTransferAttempts(d: HoldfastDB): Promise<Record<string, number>> {
  const v = (await d.settings.get(REFUSED_TRANSFERS_KEY))?.value;
  if (typeof v !== 'object' || v === null) return {};
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, number] => typeof e[1] === 'number'));
}

/** Problems not closed or deleted (for reminders and "my problems"). */
export function activeProblems(d: HoldfastDB): Promise<Problem[]> {
  return d.problems
    .where('status')
    .anyOf([...ACTIVE_PROBLEM_STATUSES])
    .filter((p) => !p.deleted)
    .toArray();
}

export async function reminderSettings(d: HoldfastDB): Promise<ReminderSettings> {
  return readReminderSettings((await d.settings.get(REMINDER_SETTINGS_KEY))?.value);
}

export async function saveReminderSettings(d: HoldfastDB, s: ReminderSettings): Promise<void> {
  await d.settings.put({ key: REMINDER_SETTINGS_KEY, value: readReminderSettings(s) });
}

export async function sentReminderKeys(d: HoldfastDB): Promise<string[]> {
  const v = (await d.settings.get(REMINDERS_SENT_KEY))?.value;
  return Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string') : [];
}

export async function saveSentReminderKeys(d: HoldfastDB, keys: string[]): Promise<void> {
  await d.settings.put({ key: REMINDERS_SENT_KEY, value: keys });
}
