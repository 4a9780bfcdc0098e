/**
 * Which reminders the owner should get now. Pure: the background calls it from an alarm with
 * the current time and the keys it already sent, then shows notifications for what comes back.
 */
import type { Problem } from '../model';
import { hoursBetween, toMs } from './time';
import { isOverdue } from './urgency';
import { WORK_OWED_STATUSES } from './transitions';

export type ReminderKind = 'overdue' | 'stale' | 'awaiting_confirmation';

export interface Reminder {
  /**
   * Stable identity of this reminder. It names the problem and the moment the condition began
   * (the due time, the last activity, the resolution), so the same condition yields the same
   * key on every run, and a new episode (a new due time, fresh activity then silence) a new one.
   */
  key: string;
  kind: ReminderKind;
  problemId: string;
  /** Reminders go to the owner: owning it means being the one who is reminded. */
  toRepId: string;
  /** When the condition began (ISO). */
  since: string;
  message: string;
}

export interface ReminderPolicy {
  now: string;
  /** Remind when nothing has been recorded on a problem for this many hours. */
  staleAfterHours: number;
  /** Remind when a resolved problem has waited this many hours for the customer's confirmation. */
  confirmationWaitHours: number;
}

/** The latest moment anything was recorded on the problem (any event counts as activity). */
function lastActivityAt(p: Problem): string {
  // Compared as instants, not strings: ISO strings with different offsets do not sort as text.
  let latest = p.receivedAt;
  for (const e of p.events) if (toMs(e.at) > toMs(latest)) latest = e.at;
  return latest;
}

/** When the problem last entered "resolved, awaiting confirmation". */
function resolvedAt(p: Problem): string {
  for (let i = p.events.length - 1; i >= 0; i--) {
    const e = p.events[i];
    if (e?.type === 'status' && e.to === 'resolved_awaiting_confirmation') return e.at;
  }
  return p.updatedAt; // a record without its status event (should not happen); its last change is the best guess
}

const fmtHours = (h: number) => `${Math.floor(h)} hour${Math.floor(h) === 1 ? '' : 's'}`;

export function dueReminders(problems: readonly Problem[], policy: ReminderPolicy, alreadySent: ReadonlySet<string> = new Set()): Reminder[] {
  const { now } = policy;
  const out: Reminder[] = [];
  const add = (r: Reminder) => {
    if (!alreadySent.has(r.key) && !out.some((o) => o.key === r.key)) out.push(r);
  };

  for (const p of problems) {
    if (p.deleted || p.status === 'closed') continue;
    const base = { problemId: p.id, toRepId: p.ownerRepId };

    if (isOverdue(p, now) && p.dueAt !== undefined) {
      add({ ...base, key: `overdue:${p.id}:${p.dueAt}`, kind: 'overdue', since: p.dueAt, message: `"${p.title}" is past its due time.` });
    }

    if (WORK_OWED_STATUSES.includes(p.status)) {
      const last = lastActivityAt(p);
      const idle = hoursBetween(last, now);
      if (idle >= policy.staleAfterHours) {
        add({ ...base, key: `stale:${p.id}:${last}`, kind: 'stale', since: last, message: `Nothing recorded on "${p.title}" for ${fmtHours(idle)}.` });
      }
    }

    if (p.status === 'resolved_awaiting_confirmation') {
      const since = resolvedAt(p);
      const waited = hoursBetween(since, now);
      if (waited >= policy.confirmationWaitHours) {
        add({
          ...base,
          key: `awaiting_confirmation:${p.id}:${since}`,
          kind: 'awaiting_confirmation',
          since,
          message: `"${p.title}" has waited ${fmtHours(waited)} for the customer's confirmation. Ask them whether it is solved.`,
        });
      }
    }
  }
  return out;
}
