import { describe, expect, it } from 'vitest';
import { measureOwnership } from '../../../lib/owners/measures';
import { median } from '../../../lib/owners/time';
import { BOB, CAROL, OWNER, at, must, newProblem, notSatisfied, satisfied } from './helpers';
import type { Problem } from '../../../lib/model';

/** A problem received at hour `h0` by `owner`, driven through `steps` = [hour, action] pairs. */
function story(h0: number, owner: string, steps: [number, Parameters<typeof must>[1]][]): Problem {
  const p = newProblem({}, at(h0), owner);
  return steps.reduce((acc, [h, a]) => must(acc, a, { now: at(h), actor: acc.ownerRepId }), p);
}

describe('measureOwnership', () => {
  // Alice: first update after 2h, closed after 10h; second: update after 4h, one reopen, closed after 30h.
  const a1 = story(0, OWNER, [
    [1, { type: 'start' }],
    [2, { type: 'addUpdate', text: 'On it' }],
    [9, { type: 'markResolved' }],
    [10, { type: 'recordConfirmation', confirmation: satisfied(at(10)) }],
  ]);
  const a2 = story(0, OWNER, [
    [4, { type: 'addUpdate', text: 'Asked billing' }],
    [5, { type: 'start' }],
    [6, { type: 'markResolved' }],
    [7, { type: 'recordConfirmation', confirmation: notSatisfied(at(7)) }],
    [20, { type: 'markResolved' }],
    [30, { type: 'recordConfirmation', confirmation: satisfied(at(30)) }],
  ]);
  // Alice logged it, then handed it to Bob; no update yet, still open.
  const b1 = story(0, OWNER, [[3, { type: 'transfer', toRepId: BOB, reason: 'Bob handles this region' }]]);
  // Carol: status changes are not written updates; first update after 9h.
  const c1 = story(0, CAROL, [
    [1, { type: 'start' }],
    [9, { type: 'addUpdate', text: 'Replacement shipped' }],
  ]);
  const gone = { ...story(0, CAROL, [[1, { type: 'addUpdate', text: 'x' }]]), deleted: true };

  const report = measureOwnership([a1, a2, b1, c1, gone], { refusedTransferAttempts: { [CAROL]: 2, 'rep-dave': 1 } });

  it('per rep: first-update and confirmed-close medians, reopens, transfers', () => {
    expect(report.perRep[OWNER]).toEqual({
      problems: 2,
      closed: 2,
      medianHoursToFirstUpdate: 3, // median of 2 and 4
      withoutUpdate: 0,
      medianHoursToConfirmedClose: 20, // median of 10 and 30
      reopens: 1,
      transfersOut: 1,
      transfersIn: 0,
      refusedTransferAttempts: 0,
    });
    expect(report.perRep[BOB]).toEqual({
      problems: 1,
      closed: 0,
      medianHoursToFirstUpdate: null,
      withoutUpdate: 1,
      medianHoursToConfirmedClose: null,
      reopens: 0,
      transfersOut: 0,
      transfersIn: 1,
      refusedTransferAttempts: 0,
    });
    expect(report.perRep[CAROL]).toMatchObject({ problems: 1, medianHoursToFirstUpdate: 9, closed: 0, refusedTransferAttempts: 2 });
  });

  it('lists a rep who only tried (and failed) to transfer', () => {
    expect(report.perRep['rep-dave']).toMatchObject({ problems: 0, refusedTransferAttempts: 1, medianHoursToFirstUpdate: null });
  });

  it('team: everything not deleted, pooled', () => {
    expect(report.team).toEqual({
      problems: 4,
      closed: 2,
      medianHoursToFirstUpdate: 4, // median of 2, 4, 9
      withoutUpdate: 1,
      medianHoursToConfirmedClose: 20,
      reopens: 1,
      transfersOut: 1,
      transfersIn: 1,
      refusedTransferAttempts: 3,
    });
  });

  it('is empty but well-formed with no problems', () => {
    expect(measureOwnership([])).toEqual({
      team: {
        problems: 0,
        closed: 0,
        medianHoursToFirstUpdate: null,
        withoutUpdate: 0,
        medianHoursToConfirmedClose: null,
        reopens: 0,
        transfersOut: 0,
        transfersIn: 0,
        refusedTransferAttempts: 0,
      },
      perRep: {},
    });
  });

  it('measures from receivedAt, which may precede logging', () => {
    const p = must(newProblem({ receivedAt: at(-6) }, at(0)), { type: 'addUpdate', text: 'Called back' }, { now: at(2) });
    expect(measureOwnership([p]).team.medianHoursToFirstUpdate).toBe(8);
  });
});

describe('median', () => {
  it('handles odd, even, unsorted and empty lists', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });
});
