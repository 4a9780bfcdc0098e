/**
 * The glue between the pure rules and the browser, kept pure so it is tested with a
 * controlled clock: one reminder run, the context-menu hand-off to the popup, and the small
 * facts the problem lists show (age, next status steps).
 */
import type { Problem, ProblemStatus } from '../model';
import { dueReminders, type Reminder, type ReminderPolicy } from './reminders';
import { TRANSITIONS, type StatusStep } from './transitions';
import { toMs } from './time';

// Reminder runs -------------------------------------------------------------------------------

export interface ReminderSettings {
  /** Remind the owner when nothing has been recorded for this many hours. */
  staleAfterHours: number;
  /** Remind the owner when a resolved problem has waited this long for the customer. */
  confirmationWaitHours: number;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { staleAfterHours: 24, confirmationWaitHours: 48 };
/** Bounds for the settings form: at least an hour, at most a month. */
export const REMINDER_HOURS_MIN = 1;
export const REMINDER_HOURS_MAX = 24 * 30;

const hoursOr = (v: unknown, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) && v >= REMINDER_HOURS_MIN && v <= REMINDER_HOURS_MAX ? v : fallback;

/** Reads stored settings of any shape; a missing or bad value falls back to its default. */
export function readReminderSettings(stored: unknown): ReminderSettings {
  const o = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  return {
    staleAfterHours: hoursOr(o.staleAfterHours, DEFAULT_REMINDER_SETTINGS.staleAfterHours),
    confirmationWaitHours: hoursOr(o.confirmationWaitHours, DEFAULT_REMINDER_SETTINGS.confirmationWaitHours),
  };
}

export interface ReminderRun {
  /** Reminders to show now, to this rep only. */
  show: Reminder[];
  /** The sent keys to remember: still-live ones plus those shown now (closed problems are forgotten). */
  sent: string[];
}

/**
 * One alarm tick: which of `me`'s reminders are new, and the pruned record of sent keys.
 * Reminders go to the owner (lib/owners/reminders), so other reps' problems are skipped here.
 */
export function planReminderRun(problems: readonly Problem[], me: string, settings: ReminderSettings, now: string, alreadySent: readonly string[]): ReminderRun {
  const mine = problems.filter((p) => p.ownerRepId === me);
  const policy: ReminderPolicy = { now, ...settings };
  const show = dueReminders(mine, policy, new Set(alreadySent));
  const live = new Set(problems.filter((p) => !p.deleted && p.status !== 'closed').map((p) => p.id));
  const kept = alreadySent.filter((k) => live.has(problemIdOfKey(k, live) ?? ''));
  return { show, sent: [...new Set([...kept, ...show.map((r) => r.key)])] };
}

/**
 * The problem a reminder key (`kind:problemId:since`) names, among `known` ids. Ids may hold
 * colons (any string is a valid id) and so may the time, so each split point is tried.
 */
function problemIdOfKey(key: string, known: ReadonlySet<string>): string | null {
  const rest = key.slice(key.indexOf(':') + 1);
  for (let i = rest.indexOf(':'); i >= 0; i = rest.indexOf(':', i + 1)) {
    if (known.has(rest.slice(0, i))) return rest.slice(0, i);
  }
  return null;
}

const NOTE_PREFIX = 'holdfast-problem:';

/** The notification id for a reminder: names the problem, so a click can open it. */
export const notificationIdFor = (r: Pick<Reminder, 'problemId' | 'kind'>): string => `${NOTE_PREFIX}${r.kind}:${r.problemId}`;

/** The problem a notification is about, or null when it is not one of ours. */
export function problemIdOfNotification(id: string): string | null {
  if (!id.startsWith(NOTE_PREFIX)) return null;
  const rest = id.slice(NOTE_PREFIX.length);
  const colon = rest.indexOf(':');
  const problemId = colon < 0 ? '' : rest.slice(colon + 1);
  return problemId === '' ? null : problemId;
}

// Context-menu hand-off -----------------------------------------------------------------------

/** What the context menu leaves for the popup: the selected text becomes the problem's detail. */
export interface PendingDetail {
  detail: string;
  at: string;
}

/** A pending detail older than this is stale (the popup never opened); it is dropped, not used. */
export const PENDING_TTL_MS = 5 * 60_000;
const MAX_DETAIL = 20_000;

/** The selection as a detail: whitespace tidied, cut to what a problem can hold; null when empty. */
export function pendingFromSelection(selection: string | undefined, now: string): PendingDetail | null {
  const detail = (selection ?? '').replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim().slice(0, MAX_DETAIL);
  return detail === '' ? null : { detail, at: now };
}

/** The pending detail to prefill, if what storage holds is one and still fresh. */
export function freshPending(stored: unknown, now: string): PendingDetail | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { detail, at } = stored as Record<string, unknown>;
  if (typeof detail !== 'string' || typeof at !== 'string' || detail === '') return null;
  const age = toMs(now) - Date.parse(at);
  return Number.isNaN(age) || age < 0 || age > PENDING_TTL_MS ? null : { detail, at };
}

// Facts for the lists -------------------------------------------------------------------------

/** Whole days and remaining hours from `fromIso` to `now` (never negative). */
export function ageParts(fromIso: string, now: string): { days: number; hours: number } {
  const h = Math.max(0, Math.floor((toMs(now) - toMs(fromIso)) / 3_600_000));
  return { days: Math.floor(h / 24), hours: h % 24 };
}

/** The plain status steps (no confirmation) the lifecycle allows from `status`, in table order. */
export type PlainStep = Exclude<StatusStep, 'confirmSatisfied' | 'confirmNotSatisfied'>;
export function statusStepsFrom(status: ProblemStatus): PlainStep[] {
  const steps: PlainStep[] = ['start', 'waitOnCustomer', 'resumeWork', 'markResolved'];
  return steps.filter((s) => TRANSITIONS[s].from.includes(status));
}
