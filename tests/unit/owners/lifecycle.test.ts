import { describe, expect, it } from 'vitest';
import type { ProblemStatus } from '../../../lib/model';
import { applyAction, TRANSITIONS, validateProblemHistory, type ProblemAction } from '../../../lib/owners/lifecycle';
import { BOB, CAROL, LEAD, OWNER, at, drive, idGen, inStatus, must, newProblem, notSatisfied, satisfied } from './helpers';

const ctx = (over: Partial<Parameters<typeof applyAction>[2]> = {}) => ({ actor: OWNER, now: at(5), newId: idGen('x'), ...over });

describe('full lifecycle', () => {
  it('goes open → working → waiting → working → resolved → closed on the customer\'s confirmation', () => {
    let p = newProblem();
    p = must(p, { type: 'start' }, { now: at(1) });
    p = must(p, { type: 'addUpdate', text: 'Asked billing to reissue' }, { now: at(2), newId: () => 'u1' });
    p = must(p, { type: 'waitOnCustomer' }, { now: at(3), newId: idGen('w') });
    p = must(p, { type: 'resumeWork' }, { now: at(4), newId: idGen('r') });
    p = must(p, { type: 'markResolved' }, { now: at(5), newId: idGen('m') });
    expect(p.status).toBe('resolved_awaiting_confirmation');
    p = must(p, { type: 'recordConfirmation', confirmation: satisfied(at(6)) }, { now: at(6), newId: idGen('c') });

    expect(p.status).toBe('closed');
    expect(p.reopenCount).toBe(0);
    expect(p.ownerRepId).toBe(OWNER);
    expect(p.updatedAt).toBe(at(6));
    expect(p.events.map((e) => (e.type === 'status' ? `${e.from}>${e.to}` : e.type))).toEqual([
      'received',
      'open>working',
      'update',
      'working>waiting_on_customer',
      'waiting_on_customer>working',
      'working>resolved_awaiting_confirmation',
      'confirmation',
      'resolved_awaiting_confirmation>closed',
    ]);
    expect(validateProblemHistory(p)).toEqual({ ok: true });
  });

  it('stamps each event with the actor, the time and a fresh id', () => {
    const p = must(newProblem(), { type: 'start' }, { now: at(7), newId: () => 'ev-9' });
    expect(p.events.at(-1)).toEqual({ id: 'ev-9', at: at(7), byRepId: OWNER, type: 'status', from: 'open', to: 'working' });
  });

  it('does not mutate the input problem', () => {
    const p = newProblem();
    const snapshot = structuredClone(p);
    must(p, { type: 'start' });
    expect(p).toEqual(snapshot);
  });
});

describe('reopens', () => {
  it('an unsatisfied confirmation reopens the problem to working and counts it', () => {
    let p = inStatus('resolved_awaiting_confirmation');
    p = must(p, { type: 'recordConfirmation', confirmation: notSatisfied() });
    expect(p.status).toBe('working');
    expect(p.reopenCount).toBe(1);
    const [conf, status] = p.events.slice(-2);
    expect(conf).toMatchObject({ type: 'confirmation', confirmation: { satisfied: false, comment: 'Still wrong on the March invoice' } });
    expect(status).toMatchObject({ type: 'status', from: 'resolved_awaiting_confirmation', to: 'working' });
  });

  it('counts every reopen and still closes on a later satisfied confirmation', () => {
    const p = drive(newProblem(), [
      { type: 'start' },
      { type: 'markResolved' },
      { type: 'recordConfirmation', confirmation: notSatisfied() },
      { type: 'markResolved' },
      { type: 'recordConfirmation', confirmation: notSatisfied() },
      { type: 'waitOnCustomer' },
      { type: 'markResolved' },
      { type: 'recordConfirmation', confirmation: satisfied() },
    ]);
    expect(p.status).toBe('closed');
    expect(p.reopenCount).toBe(2);
    expect(validateProblemHistory(p)).toEqual({ ok: true });
  });
});

describe('illegal transitions are refused with a reason', () => {
  // Written out independently of TRANSITIONS so the table itself is under test.
  const LEGAL: Record<string, ProblemStatus[]> = {
    start: ['open'],
    waitOnCustomer: ['working'],
    resumeWork: ['waiting_on_customer'],
    markResolved: ['working', 'waiting_on_customer'],
  };
  const statuses: ProblemStatus[] = ['open', 'working', 'waiting_on_customer', 'resolved_awaiting_confirmation'];

  for (const [type, from] of Object.entries(LEGAL)) {
    for (const status of statuses) {
      const legal = from.includes(status);
      it(`${type} from ${status} is ${legal ? 'accepted' : 'refused'}`, () => {
        const p = inStatus(status);
        const r = applyAction(p, { type } as ProblemAction, ctx());
        if (legal) {
          expect(r.ok).toBe(true);
        } else {
          expect(r).toMatchObject({ ok: false, code: 'illegal_transition' });
          if (!r.ok) expect(r.reason).toMatch(/^Cannot .+: the problem is .+\. That is possible only when it is .+\.$/);
        }
      });
    }
  }

  it('the table agrees with the independent list', () => {
    for (const [type, from] of Object.entries(LEGAL)) {
      expect([...TRANSITIONS[type as keyof typeof TRANSITIONS].from].sort()).toEqual([...from].sort());
    }
    expect(TRANSITIONS.confirmSatisfied).toMatchObject({ from: ['resolved_awaiting_confirmation'], to: 'closed' });
    expect(TRANSITIONS.confirmNotSatisfied).toMatchObject({ from: ['resolved_awaiting_confirmation'], to: 'working' });
  });

  it('gives a reason a person can read, e.g. resolving an unstarted problem', () => {
    const r = applyAction(newProblem(), { type: 'markResolved' }, ctx());
    expect(r).toEqual({
      ok: false,
      code: 'illegal_transition',
      reason: 'Cannot mark it resolved: the problem is open. That is possible only when it is being worked on or waiting on the customer.',
      // The specifics, for the UI to word in the user's language (components/owners/text.ts).
      detail: { step: 'markResolved', status: 'open', allowed: ['working', 'waiting_on_customer'] },
    });
  });

  it('a confirmation on a problem that is not resolved is refused', () => {
    for (const status of ['open', 'working', 'waiting_on_customer'] as const) {
      for (const confirmation of [satisfied(), notSatisfied()]) {
        const r = applyAction(inStatus(status), { type: 'recordConfirmation', confirmation }, ctx());
        expect(r).toMatchObject({ ok: false, code: 'not_resolved' });
        if (!r.ok) expect(r.reason).toContain('only once the problem is marked resolved');
      }
    }
  });

  it('closing without a satisfied confirmation is refused, in every status', () => {
    for (const status of statuses) {
      const r = applyAction(inStatus(status), { type: 'close' }, ctx());
      expect(r).toMatchObject({ ok: false, code: 'confirmation_required' });
      if (!r.ok) expect(r.reason).toMatch(/closes only with the customer's confirmation/);
    }
  });

  it('a closed problem accepts nothing more', () => {
    const closed = inStatus('closed');
    const actions: ProblemAction[] = [
      { type: 'start' },
      { type: 'resumeWork' },
      { type: 'close' },
      { type: 'recordConfirmation', confirmation: notSatisfied() },
      { type: 'addUpdate', text: 'late note' },
      { type: 'addCover', repId: BOB },
      { type: 'edit', changes: { title: 'x' } },
      { type: 'transfer', toRepId: BOB, reason: 'Owner left the company' },
    ];
    for (const a of actions) {
      const r = applyAction(closed, a, ctx());
      expect(r).toMatchObject({ ok: false, code: 'closed' });
      if (!r.ok) expect(r.reason).toContain('log it as a new problem');
    }
  });

  it('a deleted (tombstoned) problem accepts nothing', () => {
    const r = applyAction({ ...newProblem(), deleted: true }, { type: 'start' }, ctx());
    expect(r).toMatchObject({ ok: false, code: 'deleted' });
  });

  it('refuses malformed actions from untrusted input', () => {
    const bad: unknown[] = [
      { type: 'teleport' },
      { type: 'start', extra: 1 },
      { type: 'recordConfirmation', confirmation: { satisfied: true } },
      { type: 'addCover' },
      null,
    ];
    for (const a of bad) {
      const r = applyAction(newProblem(), a as ProblemAction, ctx());
      expect(r).toMatchObject({ ok: false, code: 'invalid_action' });
      if (!r.ok) expect(r.reason).toMatch(/^That action is not understood/);
    }
  });

  it('refuses a change that would make an invalid record (bad clock)', () => {
    const r = applyAction(newProblem(), { type: 'start' }, ctx({ now: 'not a time' }));
    expect(r).toMatchObject({ ok: false, code: 'invalid_result' });
  });
});

describe('who may act', () => {
  it('a rep who neither owns nor covers is refused and told to cover instead', () => {
    for (const a of [{ type: 'start' }, { type: 'addUpdate', text: 'hi' }, { type: 'edit', changes: { severity: 'high' } }] as ProblemAction[]) {
      const r = applyAction(newProblem(), a, ctx({ actor: BOB }));
      expect(r).toMatchObject({ ok: false, code: 'not_participant' });
      if (!r.ok) expect(r.reason).toContain('Add yourself as cover');
    }
  });

  it('a covering rep can work the problem without becoming owner', () => {
    let p = must(newProblem(), { type: 'addCover', repId: BOB });
    p = must(p, { type: 'start' }, { actor: BOB });
    p = must(p, { type: 'addUpdate', text: 'Called the customer back' }, { actor: BOB });
    p = must(p, { type: 'markResolved' }, { actor: BOB });
    p = must(p, { type: 'recordConfirmation', confirmation: satisfied() }, { actor: BOB });
    expect(p.status).toBe('closed');
    expect(p.ownerRepId).toBe(OWNER);
  });

  it('a lead can act on any problem', () => {
    expect(must(newProblem(), { type: 'start' }, { actor: LEAD, actorIsLead: true }).status).toBe('working');
  });
});

describe('updates', () => {
  it('appends trimmed text and refuses empty or oversized text', () => {
    const p = must(newProblem(), { type: 'addUpdate', text: '  Sent a corrected invoice  ' });
    expect(p.events.at(-1)).toMatchObject({ type: 'update', text: 'Sent a corrected invoice', byRepId: OWNER });
    expect(p.status).toBe('open'); // an update is not a status change
    expect(applyAction(p, { type: 'addUpdate', text: '   ' }, ctx())).toMatchObject({ ok: false, code: 'empty_update' });
    expect(applyAction(p, { type: 'addUpdate', text: 'x'.repeat(20_001) }, ctx())).toMatchObject({ ok: false, code: 'update_too_long' });
  });
});

describe('covering', () => {
  it('the owner adds and removes covering reps, each logged', () => {
    let p = must(newProblem(), { type: 'addCover', repId: BOB });
    p = must(p, { type: 'addCover', repId: CAROL });
    expect(p.coveringRepIds).toEqual([BOB, CAROL]);
    p = must(p, { type: 'removeCover', repId: BOB });
    expect(p.coveringRepIds).toEqual([CAROL]);
    expect(p.events.filter((e) => e.type === 'cover').map((e) => e.type === 'cover' && `${e.action}:${e.repId}`)).toEqual([
      `add:${BOB}`,
      `add:${CAROL}`,
      `remove:${BOB}`,
    ]);
    expect(validateProblemHistory(p)).toEqual({ ok: true });
  });

  it('a rep may volunteer to cover and step back, but not enlist or remove someone else', () => {
    let p = must(newProblem(), { type: 'addCover', repId: BOB }, { actor: BOB });
    expect(p.coveringRepIds).toEqual([BOB]);
    expect(applyAction(p, { type: 'addCover', repId: CAROL }, ctx({ actor: BOB }))).toMatchObject({ ok: false, code: 'not_allowed' });
    expect(applyAction(p, { type: 'removeCover', repId: BOB }, ctx({ actor: CAROL }))).toMatchObject({ ok: false, code: 'not_allowed' });
    p = must(p, { type: 'removeCover', repId: BOB }, { actor: BOB });
    expect(p.coveringRepIds).toEqual([]);
  });

  it('refuses covering by the owner, twice, or removing someone who does not cover', () => {
    const p = must(newProblem(), { type: 'addCover', repId: BOB });
    expect(applyAction(p, { type: 'addCover', repId: OWNER }, ctx())).toMatchObject({ ok: false, code: 'owner_cannot_cover' });
    expect(applyAction(p, { type: 'addCover', repId: BOB }, ctx())).toMatchObject({ ok: false, code: 'already_covering' });
    expect(applyAction(p, { type: 'removeCover', repId: CAROL }, ctx())).toMatchObject({ ok: false, code: 'not_covering' });
  });
});
