// "Customer confirmed on this call" (issue 15, point 4): one act from any open status that is
// recorded as the steps the lifecycle requires, so the one rulebook accepts it unchanged.
import { describe, expect, it } from 'vitest';
import type { Problem, ProblemStatus } from '../../../lib/model';
import { applyAction, plainPath, validateProblemHistory, type ProblemAction } from '../../../lib/owners/lifecycle';
import { judgeProblem } from '../../../lib/owners/judge';
import { at, BOB, CAROL, drive, idGen, inStatus, LEAD, must, OWNER } from './helpers';

const OPEN_STATES: ProblemStatus[] = ['open', 'working', 'waiting_on_customer', 'resolved_awaiting_confirmation'];
const onCall = (by = 'Dana Fox'): ProblemAction => ({ type: 'confirmOnCall', by });
const edges = (p: Problem, from = 0) => p.events.slice(from).map((e) => (e.type === 'status' ? `${e.from}>${e.to}` : e.type));

describe('confirmOnCall', () => {
  it.each(OPEN_STATES)('closes a problem that is %s in one act, with the steps it still needs and the confirmation by phone', (status) => {
    const before = inStatus(status);
    const r = applyAction(before, onCall(' Dana Fox '), { actor: OWNER, now: at(40), newId: idGen(`c-${status}`) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.problem;
    expect(p.status).toBe('closed');
    expect(p.updatedAt).toBe(at(40));
    const want = {
      open: ['open>working', 'working>resolved_awaiting_confirmation'],
      working: ['working>resolved_awaiting_confirmation'],
      waiting_on_customer: ['waiting_on_customer>resolved_awaiting_confirmation'],
      resolved_awaiting_confirmation: [],
    }[status as Exclude<ProblemStatus, 'closed'>];
    expect(edges(p, before.events.length)).toEqual([...want, 'confirmation', 'resolved_awaiting_confirmation>closed']);
    const confirmation = p.events.find((e) => e.type === 'confirmation');
    expect(confirmation).toMatchObject({ at: at(40), byRepId: OWNER, confirmation: { at: at(40), by: 'Dana Fox', how: 'phone', satisfied: true } });
    // The rulebook is unchanged and accepts it: the history check and the server's judge.
    expect(validateProblemHistory(p)).toEqual({ ok: true });
    expect(judgeProblem(before, p, { repId: OWNER, lead: false })).toEqual({ ok: true });
    expect(judgeProblem(null, p, { repId: OWNER, lead: false })).toEqual({ ok: true });
  });

  it('records exactly what the separate clicks would have recorded', () => {
    const ids = () => idGen('same');
    const one = must(inStatus('open'), { type: 'confirmOnCall', by: 'Dana Fox', comment: 'Fixed while we talked' }, { now: at(9), newId: ids() });
    const newId = ids();
    const clicks = [
      { type: 'start' },
      { type: 'markResolved' },
      { type: 'recordConfirmation', confirmation: { at: at(9), by: 'Dana Fox', how: 'phone', satisfied: true, comment: 'Fixed while we talked' } },
    ] as ProblemAction[];
    const many = clicks.reduce((p, a) => must(p, a, { now: at(9), newId }), inStatus('open'));
    expect(one).toEqual(many);
  });

  it('keeps the reopen count of a problem the customer once sent back', () => {
    const reopened = drive(inStatus('resolved_awaiting_confirmation'), [
      { type: 'recordConfirmation', confirmation: { at: at(20), by: 'Dana Fox', how: 'email', satisfied: false } },
    ], 20);
    expect(reopened).toMatchObject({ status: 'working', reopenCount: 1 });
    const p = must(reopened, onCall(), { now: at(30) });
    expect(p).toMatchObject({ status: 'closed', reopenCount: 1 });
    expect(validateProblemHistory(p)).toEqual({ ok: true });
  });

  it('refuses a closed problem with the reason, and changes nothing', () => {
    const closed = inStatus('closed');
    const r = applyAction(closed, onCall(), { actor: OWNER, now: at(40), newId: idGen('z') });
    expect(r).toMatchObject({ ok: false, code: 'closed', reason: expect.stringContaining('This problem is closed') });
    expect(closed.status).toBe('closed');
  });

  it('refuses without a name of who confirmed', () => {
    for (const by of ['', '   ']) {
      expect(applyAction(inStatus('working'), onCall(by), { actor: OWNER, now: at(40), newId: idGen('n') })).toMatchObject({ ok: false, code: 'no_confirmer' });
    }
  });

  it('is for the owner, a covering rep or a lead; anyone else is told to cover first', () => {
    const p = inStatus('working');
    expect(applyAction(p, onCall(), { actor: CAROL, now: at(40), newId: idGen('o') })).toMatchObject({ ok: false, code: 'not_participant' });
    const covered = must(p, { type: 'addCover', repId: BOB }, { actor: BOB, now: at(39) });
    const byBob = must(covered, onCall(), { actor: BOB, now: at(40) });
    expect(judgeProblem(covered, byBob, { repId: BOB, lead: false })).toEqual({ ok: true });
    const byLead = must(p, onCall(), { actor: LEAD, actorIsLead: true, now: at(40) });
    expect(judgeProblem(p, byLead, { repId: LEAD, lead: true })).toEqual({ ok: true });
  });

  it('cannot be forged: a close on the customer\'s word alone, skipping the steps, is still refused', () => {
    const p = inStatus('open');
    const forged: Problem = {
      ...p,
      status: 'closed',
      updatedAt: at(40),
      events: [
        ...p.events,
        { id: 'f1', at: at(40), byRepId: OWNER, type: 'confirmation', confirmation: { at: at(40), by: 'Dana Fox', how: 'phone', satisfied: true } },
        { id: 'f2', at: at(40), byRepId: OWNER, type: 'status', from: 'open', to: 'closed' },
      ],
    };
    expect(validateProblemHistory(forged).ok).toBe(false);
    expect(judgeProblem(p, forged, { repId: OWNER, lead: false })).toMatchObject({ ok: false, code: 'invalid_transition' });
  });
});

describe('plainPath', () => {
  it('reads the fewest plain steps off the table', () => {
    expect(plainPath('open', 'resolved_awaiting_confirmation')).toEqual(['start', 'markResolved']);
    expect(plainPath('waiting_on_customer', 'resolved_awaiting_confirmation')).toEqual(['markResolved']);
    expect(plainPath('resolved_awaiting_confirmation', 'resolved_awaiting_confirmation')).toEqual([]);
    expect(plainPath('closed', 'resolved_awaiting_confirmation')).toBeNull();
  });
});
