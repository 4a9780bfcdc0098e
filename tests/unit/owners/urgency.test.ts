import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../lib/model';
import { isOverdue, myProblems, sortByUrgency } from '../../../lib/owners/urgency';
import { BOB, CAROL, OWNER, T0, at, inStatus, must, newProblem } from './helpers';

const make = (title: string, over: Partial<Problem>): Problem => ({ ...newProblem({ title }), id: title, ...over });

describe('urgency', () => {
  const now = at(100);

  it('puts overdue first, then higher severity, then older', () => {
    const problems = [
      make('new-normal', { receivedAt: at(90), severity: 'normal' }),
      make('old-normal', { receivedAt: at(10), severity: 'normal' }),
      make('critical', { receivedAt: at(95), severity: 'critical' }),
      make('overdue-low', { receivedAt: at(99), severity: 'low', dueAt: at(99.5) }),
      make('overdue-high', { receivedAt: at(98), severity: 'high', dueAt: at(99) }),
      make('due-later-high', { receivedAt: at(50), severity: 'high', dueAt: at(200) }),
    ];
    expect(sortByUrgency(problems, now).map((p) => p.id)).toEqual(['overdue-high', 'overdue-low', 'critical', 'due-later-high', 'old-normal', 'new-normal']);
    expect(problems[0]?.id).toBe('new-normal'); // the input is not reordered
  });

  it('breaks exact ties by id so every device shows the same order', () => {
    const ps = [make('b', { receivedAt: T0 }), make('a', { receivedAt: T0 })];
    expect(sortByUrgency(ps, now).map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('counts a problem as overdue only while work is owed', () => {
    expect(isOverdue(make('x', { dueAt: at(1), status: 'working' }), now)).toBe(true);
    expect(isOverdue(make('x', { dueAt: at(1), status: 'waiting_on_customer' }), now)).toBe(true);
    expect(isOverdue(make('x', { dueAt: at(1), status: 'resolved_awaiting_confirmation' }), now)).toBe(false);
    expect(isOverdue(make('x', { dueAt: at(100), status: 'working' }), now)).toBe(false);
    expect(isOverdue(make('x', {}), now)).toBe(false);
  });

  it('splits own from covering, and leaves out closed, deleted and unrelated problems', () => {
    const mine = make('mine', { severity: 'low' });
    const mineUrgent = make('mine-urgent', { severity: 'critical' });
    const covering = { ...make('covering', {}), ownerRepId: BOB, coveringRepIds: [OWNER] };
    const others = { ...make('others', {}), ownerRepId: CAROL };
    const closed = { ...inStatus('closed'), id: 'closed' };
    const deleted = make('deleted', { deleted: true });
    const r = myProblems([mine, covering, others, closed, deleted, mineUrgent], OWNER, now);
    expect(r.own.map((p) => p.id)).toEqual(['mine-urgent', 'mine']);
    expect(r.covering.map((p) => p.id)).toEqual(['covering']);
    expect(myProblems([mine, covering], BOB, now)).toMatchObject({ own: [{ id: 'covering' }], covering: [] });
  });

  it('follows ownership through a transfer', () => {
    const p = must(newProblem(), { type: 'transfer', toRepId: BOB, reason: 'Alice moved to the APAC team' });
    expect(myProblems([p], OWNER, now).own).toEqual([]);
    expect(myProblems([p], BOB, now).own).toHaveLength(1);
  });
});
