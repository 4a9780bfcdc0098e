import { describe, expect, it } from 'vitest';
import { applyAction, validateProblemHistory } from '../../../lib/owners/lifecycle';
import { BOB, CAROL, LEAD, OWNER, at, idGen, inStatus, must, newProblem } from './helpers';

const REASON = 'Alice left the company on Friday';
const ctx = (actor = OWNER, actorIsLead = false) => ({ actor, now: at(6), newId: idGen('tr'), actorIsLead });

describe('transfer', () => {
  it('the owner transfers with a reason; the act is logged and ownership moves', () => {
    const p = must(inStatus('working'), { type: 'transfer', toRepId: BOB, reason: `  ${REASON}  ` }, { now: at(6) });
    expect(p.ownerRepId).toBe(BOB);
    expect(p.status).toBe('working'); // a hand-off is not a status change
    expect(p.events.at(-1)).toMatchObject({ type: 'transfer', fromRepId: OWNER, toRepId: BOB, reason: REASON, byRepId: OWNER, at: at(6) });
    expect(validateProblemHistory(p)).toEqual({ ok: true });
  });

  it('a lead may transfer a problem they do not own', () => {
    const p = must(newProblem(), { type: 'transfer', toRepId: CAROL, reason: REASON }, { actor: LEAD, actorIsLead: true });
    expect(p.ownerRepId).toBe(CAROL);
    expect(p.events.at(-1)).toMatchObject({ type: 'transfer', fromRepId: OWNER, toRepId: CAROL, byRepId: LEAD });
  });

  it('a covering rep cannot take a problem over, and is pointed to covering instead', () => {
    const p = must(newProblem(), { type: 'addCover', repId: BOB });
    for (const toRepId of [BOB, CAROL]) {
      const r = applyAction(p, { type: 'transfer', toRepId, reason: REASON }, ctx(BOB));
      expect(r).toMatchObject({ ok: false, code: 'not_owner' });
      if (!r.ok) expect(r.reason).toBe('Only the owner or a team lead can transfer a problem. Others can help by covering it instead.');
    }
  });

  it('a rep with no role on the problem cannot transfer it', () => {
    expect(applyAction(newProblem(), { type: 'transfer', toRepId: CAROL, reason: REASON }, ctx(CAROL))).toMatchObject({ ok: false, code: 'not_owner' });
  });

  it('needs a reason of at least 10 characters, not counting surrounding spaces', () => {
    for (const reason of ['', 'busy', '123456789', '    short     ']) {
      const r = applyAction(newProblem(), { type: 'transfer', toRepId: BOB, reason }, ctx());
      expect(r).toMatchObject({ ok: false, code: 'reason_too_short' });
      if (!r.ok) expect(r.reason).toContain('at least 10 characters');
    }
    expect(applyAction(newProblem(), { type: 'transfer', toRepId: BOB, reason: '1234567890' }, ctx()).ok).toBe(true);
    expect(applyAction(newProblem(), { type: 'transfer', toRepId: BOB, reason: 'x'.repeat(2001) }, ctx())).toMatchObject({ code: 'reason_too_long' });
  });

  it('refuses a transfer to the current owner', () => {
    expect(applyAction(newProblem(), { type: 'transfer', toRepId: OWNER, reason: REASON }, ctx())).toMatchObject({ ok: false, code: 'same_owner' });
  });

  it('a covering rep who receives the problem stops covering it, and the log says so', () => {
    let p = must(newProblem(), { type: 'addCover', repId: BOB });
    p = must(p, { type: 'addCover', repId: CAROL });
    p = must(p, { type: 'transfer', toRepId: BOB, reason: REASON });
    expect(p.ownerRepId).toBe(BOB);
    expect(p.coveringRepIds).toEqual([CAROL]);
    expect(p.events.slice(-2).map((e) => e.type)).toEqual(['transfer', 'cover']);
    expect(validateProblemHistory(p)).toEqual({ ok: true });
  });

  it('after a transfer the old owner has no special rights left', () => {
    const p = must(newProblem(), { type: 'transfer', toRepId: BOB, reason: REASON });
    expect(applyAction(p, { type: 'transfer', toRepId: OWNER, reason: REASON }, ctx(OWNER))).toMatchObject({ code: 'not_owner' });
    expect(applyAction(p, { type: 'start' }, ctx(OWNER))).toMatchObject({ code: 'not_participant' });
    expect(must(p, { type: 'transfer', toRepId: OWNER, reason: 'Bob moved to another region' }, { actor: BOB }).ownerRepId).toBe(OWNER);
  });
});
