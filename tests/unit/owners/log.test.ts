import { describe, expect, it } from 'vitest';
import { Problem } from '../../../lib/model';
import { InvalidProblemInput, logProblem } from '../../../lib/owners/log';
import { validateProblemHistory } from '../../../lib/owners/lifecycle';
import { OWNER, T0, at, baseInput, idGen } from './helpers';

describe('logProblem', () => {
  it('makes the rep who logs it the owner, open, with a received event', () => {
    const p = logProblem(baseInput, { me: OWNER, now: T0, newId: idGen() });
    expect(p).toMatchObject({
      id: 'id-1',
      ownerRepId: OWNER,
      status: 'open',
      reopenCount: 0,
      coveringRepIds: [],
      receivedAt: T0,
      updatedAt: T0,
      severity: 'normal',
    });
    expect(p.events).toEqual([{ id: 'id-2', at: T0, byRepId: OWNER, type: 'received' }]);
    expect(Problem.safeParse(p).success).toBe(true);
    expect(validateProblemHistory(p)).toEqual({ ok: true });
  });

  it('defaults severity to normal and keeps an earlier receivedAt and a due time', () => {
    const { severity: _s, ...noSeverity } = baseInput;
    const p = logProblem({ ...noSeverity, receivedAt: at(-2), dueAt: at(24), detail: 'VAT 19% instead of 7%' }, { me: OWNER, now: T0, newId: idGen() });
    expect(p.severity).toBe('normal');
    expect(p.receivedAt).toBe(at(-2));
    expect(p.dueAt).toBe(at(24));
    expect(p.detail).toBe('VAT 19% instead of 7%');
    // The received event records when it was logged, which may be after the customer called.
    expect(p.events[0]?.at).toBe(T0);
  });

  it('leaves out optional fields that were not given', () => {
    const p = logProblem(baseInput, { me: OWNER, now: T0, newId: idGen() });
    expect('dueAt' in p).toBe(false);
    expect('detail' in p).toBe(false);
  });

  it('trims the title and refuses an empty one with a readable error', () => {
    expect(logProblem({ ...baseInput, title: '  Late delivery  ' }, { me: OWNER, now: T0, newId: idGen() }).title).toBe('Late delivery');
    expect(() => logProblem({ ...baseInput, title: '   ' }, { me: OWNER, now: T0, newId: idGen() })).toThrow(InvalidProblemInput);
    expect(() => logProblem({ ...baseInput, title: '' }, { me: OWNER, now: T0, newId: idGen() })).toThrow(/could not be logged/);
  });

  it('does not let the input choose the owner', () => {
    expect(() => logProblem({ ...baseInput, ownerRepId: 'rep-mallory' }, { me: OWNER, now: T0, newId: idGen() })).toThrow(InvalidProblemInput);
  });

  it('refuses unknown input shapes and a bad clock', () => {
    expect(() => logProblem(null, { me: OWNER, now: T0, newId: idGen() })).toThrow(InvalidProblemInput);
    expect(() => logProblem({ ...baseInput, channel: 'pigeon' }, { me: OWNER, now: T0, newId: idGen() })).toThrow(InvalidProblemInput);
    expect(() => logProblem(baseInput, { me: OWNER, now: 'yesterday', newId: idGen() })).toThrow(InvalidProblemInput);
    expect(() => logProblem(baseInput, { me: '', now: T0, newId: idGen() })).toThrow(InvalidProblemInput);
  });
});
