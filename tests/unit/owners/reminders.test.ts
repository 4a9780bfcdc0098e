import { describe, expect, it } from 'vitest';
import { dueReminders, type ReminderPolicy } from '../../../lib/owners/reminders';
import { BOB, OWNER, T0, at, inStatus, must, newProblem } from './helpers';

// The clock is only ever the `now` passed in: these tests never wait or fake timers.
const policy = (hoursAfterT0: number): ReminderPolicy => ({ now: at(hoursAfterT0), staleAfterHours: 24, confirmationWaitHours: 48 });

describe('dueReminders', () => {
  it('sends nothing while a fresh problem is within every limit', () => {
    expect(dueReminders([newProblem({ dueAt: at(10) })], policy(9))).toEqual([]);
  });

  it('reminds the owner once a problem is past its due time', () => {
    const p = newProblem({ dueAt: at(10) });
    expect(dueReminders([p], policy(10))).toEqual([]); // exactly at the due time is not past it
    const [r, ...rest] = dueReminders([p], policy(11));
    expect(rest).toEqual([]);
    expect(r).toEqual({
      key: `overdue:${p.id}:${at(10)}`,
      kind: 'overdue',
      problemId: p.id,
      toRepId: OWNER,
      since: at(10),
      message: '"Invoice shows wrong VAT" is past its due time.',
    });
  });

  it('reminds when nothing has been recorded for the stale limit, measured from the last event', () => {
    const p = must(newProblem(), { type: 'addUpdate', text: 'Looking into it' }, { now: at(5) });
    expect(dueReminders([p], policy(28)).map((r) => r.kind)).toEqual([]);
    const rs = dueReminders([p], policy(29));
    expect(rs).toMatchObject([{ kind: 'stale', key: `stale:${p.id}:${at(5)}`, since: at(5), message: 'Nothing recorded on "Invoice shows wrong VAT" for 24 hours.' }]);
  });

  it('reminds when a resolved problem has waited too long for the customer', () => {
    const p = must(inStatus('working'), { type: 'markResolved' }, { now: at(10) });
    expect(dueReminders([p], policy(57))).toEqual([]);
    const rs = dueReminders([p], policy(58));
    expect(rs).toMatchObject([{ kind: 'awaiting_confirmation', key: `awaiting_confirmation:${p.id}:${at(10)}`, since: at(10) }]);
    expect(rs[0]?.message).toContain("has waited 48 hours for the customer's confirmation");
  });

  it('does not call a resolved problem overdue or stale: the ball is with the customer', () => {
    const p = must(must(newProblem({ dueAt: at(5) }), { type: 'start' }, { now: at(1) }), { type: 'markResolved' }, { now: at(2) });
    expect(dueReminders([p], policy(30))).toEqual([]);
  });

  it('a problem can be overdue and stale at once, each reminded separately', () => {
    const p = newProblem({ dueAt: at(2) });
    expect(dueReminders([p], policy(30)).map((r) => r.kind)).toEqual(['overdue', 'stale']);
  });

  it('never sends the same reminder twice, and keys are stable run after run', () => {
    const problems = [newProblem({ dueAt: at(2) }), inStatus('waiting_on_customer')];
    const sent = new Set<string>();
    const first = dueReminders(problems, policy(30), sent);
    expect(first.length).toBe(3);
    first.forEach((r) => sent.add(r.key));
    // Same moment, later moment: nothing new while the conditions are the same episodes.
    expect(dueReminders(problems, policy(30), sent)).toEqual([]);
    expect(dueReminders(problems, policy(100), sent)).toEqual([]);
    expect(dueReminders(problems, policy(100)).map((r) => r.key)).toEqual(first.map((r) => r.key));
  });

  it('a new episode gets a new key: new due time, or fresh activity followed by silence', () => {
    let p = newProblem({ dueAt: at(2) });
    const sent = new Set(dueReminders([p], policy(30)).map((r) => r.key));
    p = must(p, { type: 'edit', changes: { dueAt: at(40) } }, { now: at(31) });
    expect(dueReminders([p], policy(41), sent)).toMatchObject([{ kind: 'overdue', since: at(40) }]);
    expect(dueReminders([p], policy(55), sent)).toMatchObject([{ kind: 'overdue' }, { kind: 'stale', since: at(31) }]);
  });

  it('skips closed and deleted problems, and addresses the current owner after a transfer', () => {
    const transferred = must(newProblem({ dueAt: at(2) }), { type: 'transfer', toRepId: BOB, reason: 'Alice moved to the APAC team' });
    const rs = dueReminders([inStatus('closed'), { ...newProblem({ dueAt: at(2) }), deleted: true }, transferred], policy(30));
    expect(rs.every((r) => r.toRepId === BOB && r.problemId === transferred.id)).toBe(true);
    expect(rs.length).toBe(2);
  });

  it('compares instants, not strings, when the log mixes time zones', () => {
    const p = newProblem();
    // 10:00+02:00 is 08:00Z, i.e. one hour before T0; the received event at T0 is the latest.
    const mixed = { ...p, events: [...p.events, { id: 'tz', at: '2026-03-02T10:00:00.000+02:00', byRepId: OWNER, type: 'update' as const, text: 'note' }] };
    expect(dueReminders([mixed], policy(24))).toMatchObject([{ kind: 'stale', since: T0 }]);
  });
});
