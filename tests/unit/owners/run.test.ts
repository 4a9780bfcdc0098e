// The glue rules of lib/owners/run.ts with a controlled clock: reminder runs, the
// context-menu hand-off, ages and the steps the buttons offer.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REMINDER_SETTINGS,
  ageParts,
  freshPending,
  notificationIdFor,
  pendingFromSelection,
  planReminderRun,
  problemIdOfNotification,
  readReminderSettings,
  statusStepsFrom,
} from '../../../lib/owners/run';
import { BOB, OWNER, T0, at, drive, must, newProblem } from './helpers';

const settings = { staleAfterHours: 24, confirmationWaitHours: 48 };

describe('planReminderRun', () => {
  it('reminds the owner of an overdue problem once, not on every tick', () => {
    const p = newProblem({ dueAt: at(10) });
    const first = planReminderRun([p], OWNER, settings, at(11), []);
    expect(first.show.map((r) => r.kind)).toEqual(['overdue']);
    const second = planReminderRun([p], OWNER, settings, at(11.1), first.sent);
    expect(second.show).toEqual([]);
    expect(second.sent).toEqual(first.sent);
  });

  it('is silent before the due time and before the stale limit', () => {
    const p = newProblem({ dueAt: at(10) });
    expect(planReminderRun([p], OWNER, settings, at(9), []).show).toEqual([]);
  });

  it('reminds of silence after the configured hours, and again after fresh activity then silence', () => {
    const p = newProblem();
    expect(planReminderRun([p], OWNER, { ...settings, staleAfterHours: 4 }, at(3.9), []).show).toEqual([]);
    const run = planReminderRun([p], OWNER, { ...settings, staleAfterHours: 4 }, at(4), []);
    expect(run.show.map((r) => r.kind)).toEqual(['stale']);
    const updated = must(p, { type: 'addUpdate', text: 'Called back' }, { now: at(5) });
    const later = planReminderRun([updated], OWNER, { ...settings, staleAfterHours: 4 }, at(9), run.sent);
    expect(later.show.map((r) => r.kind)).toEqual(['stale']);
    expect(later.show[0]?.key).not.toBe(run.show[0]?.key);
  });

  it('reminds when a resolved problem waits too long for the customer', () => {
    const p = drive(newProblem(), [{ type: 'start' }, { type: 'markResolved' }]);
    expect(planReminderRun([p], OWNER, settings, at(2 + 47), []).show).toEqual([]);
    expect(planReminderRun([p], OWNER, settings, at(2 + 48), []).show.map((r) => r.kind)).toEqual(['awaiting_confirmation']);
  });

  it('reminds only me: another rep owns their own reminders', () => {
    const theirs = newProblem({ dueAt: at(1) }, T0, BOB);
    expect(planReminderRun([theirs], OWNER, settings, at(30), []).show).toEqual([]);
    expect(planReminderRun([theirs], BOB, settings, at(30), []).show.length).toBeGreaterThan(0);
  });

  it('forgets the sent keys of problems that are closed or gone', () => {
    const p = newProblem({ dueAt: at(1) });
    const run = planReminderRun([p], OWNER, settings, at(2), ['overdue:gone-problem:2026-01-01T00:00:00.000Z']);
    expect(run.sent).toEqual([`overdue:${p.id}:${at(1)}`]);
  });
});

describe('reminder settings', () => {
  it('falls back to the defaults for missing or out-of-range values', () => {
    expect(readReminderSettings(undefined)).toEqual(DEFAULT_REMINDER_SETTINGS);
    expect(readReminderSettings({ staleAfterHours: 0, confirmationWaitHours: 'x' })).toEqual(DEFAULT_REMINDER_SETTINGS);
    expect(readReminderSettings({ staleAfterHours: 8, confirmationWaitHours: 72 })).toEqual({ staleAfterHours: 8, confirmationWaitHours: 72 });
  });
});

describe('notification ids', () => {
  it('name the problem so a click can open it', () => {
    const id = notificationIdFor({ kind: 'stale', problemId: '0190-abc' });
    expect(problemIdOfNotification(id)).toBe('0190-abc');
    expect(problemIdOfNotification('someone-else:1')).toBeNull();
    expect(problemIdOfNotification('holdfast-problem:stale:')).toBeNull();
  });
});

describe('the context-menu hand-off', () => {
  it('turns the selection into a tidy detail, or nothing when empty', () => {
    expect(pendingFromSelection('  Order  4411\n\n   arrived damaged ', T0)).toEqual({ detail: 'Order 4411\narrived damaged', at: T0 });
    expect(pendingFromSelection('   ', T0)).toBeNull();
    expect(pendingFromSelection(undefined, T0)).toBeNull();
    expect(pendingFromSelection('x'.repeat(30_000), T0)?.detail.length).toBe(20_000);
  });

  it('uses a pending detail only while it is fresh', () => {
    const p = pendingFromSelection('Broken', T0);
    expect(freshPending(p, at(0.05))).toEqual(p);
    expect(freshPending(p, at(0.1))).toBeNull(); // six minutes: stale
    expect(freshPending({ detail: 3, at: T0 }, T0)).toBeNull();
    expect(freshPending(null, T0)).toBeNull();
  });
});

describe('list facts', () => {
  it('gives the age in days and hours, never negative', () => {
    expect(ageParts(T0, at(50.5))).toEqual({ days: 2, hours: 2 });
    expect(ageParts(at(5), T0)).toEqual({ days: 0, hours: 0 });
  });

  it('offers the status steps the lifecycle allows', () => {
    expect(statusStepsFrom('open')).toEqual(['start']);
    expect(statusStepsFrom('working')).toEqual(['waitOnCustomer', 'markResolved']);
    expect(statusStepsFrom('waiting_on_customer')).toEqual(['resumeWork', 'markResolved']);
    expect(statusStepsFrom('resolved_awaiting_confirmation')).toEqual([]);
    expect(statusStepsFrom('closed')).toEqual([]);
  });
});
