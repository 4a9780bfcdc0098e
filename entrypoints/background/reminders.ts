import { browser } from 'wxt/browser';
import { activeProblems, db, ensureMe, reminderSettings, saveSentReminderKeys, sentReminderKeys, type HoldfastDB } from '@/lib/db';
import type { Reminder } from '@/lib/owners/reminders';
import { notificationIdFor, planReminderRun, problemIdOfNotification } from '@/lib/owners/run';
import { hoursBetween } from '@/lib/owners/time';
import { nowIso } from '@/lib/util/ids';
import { t } from '@/lib/i18n';
import { openProblem } from './open-ui';

export const REMINDER_ALARM = 'holdfast-reminders';
/** How often the background looks (minutes). */
export const REMINDER_PERIOD_MIN = 5;

export type Notify = (id: string, title: string, message: string) => Promise<unknown>;

const defaultNotify: Notify = (id, title, message) =>
  browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });

/** The reminder in the UI language (lib/owners words it in English for logs and the server). */
export function reminderText(r: Reminder, title: string, now: string): string {
  const hours = String(Math.max(0, Math.floor(hoursBetween(r.since, now))));
  switch (r.kind) {
    case 'overdue':
      return t('owner_remindOverdue', title) || r.message;
    case 'stale':
      return t('owner_remindStale', title, hours) || r.message;
    case 'awaiting_confirmation':
      return t('owner_remindConfirm', title, hours) || r.message;
  }
}

/** One run: notify me of what is newly due, remember it so it is not repeated. Returns what was shown. */
export async function runReminders(d: HoldfastDB, now = nowIso(), notify: Notify = defaultNotify): Promise<Reminder[]> {
  const me = await ensureMe(d);
  const [problems, settings, sent] = await Promise.all([activeProblems(d), reminderSettings(d), sentReminderKeys(d)]);
  const run = planReminderRun(problems, me.id, settings, now, sent);
  const titles = new Map(problems.map((p) => [p.id, p.title]));
  for (const r of run.show) {
    await notify(notificationIdFor(r), t('extName'), reminderText(r, titles.get(r.problemId) ?? '', now)).catch((err: unknown) =>
      console.warn('[holdfast] notification failed', err),
    );
  }
  await saveSentReminderKeys(d, run.sent);
  return run.show;
}

export function registerReminders(): void {
  const ensureAlarm = async () => {
    if (!(await browser.alarms.get(REMINDER_ALARM))) {
      await browser.alarms.create(REMINDER_ALARM, { periodInMinutes: REMINDER_PERIOD_MIN, delayInMinutes: 1 });
    }
  };
  browser.runtime.onInstalled.addListener(() => void ensureAlarm());
  browser.runtime.onStartup.addListener(() => void ensureAlarm());
  void ensureAlarm();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM) void runReminders(db()).catch((err: unknown) => console.error('[holdfast] reminders failed', err));
  });
  browser.notifications.onClicked.addListener((id) => {
    const problemId = problemIdOfNotification(id);
    if (!problemId) return;
    void browser.notifications.clear(id);
    void openProblem(problemId);
  });
}
