// The shared rulebook (lib/owners/judge.ts, merge.ts): what the sync server runs on every
// pushed problem, tested here without a server.
import { describe, expect, it } from 'vitest';
import type { Problem, ProblemEvent } from '../../../lib/model';
import { applyAction, type ProblemAction } from '../../../lib/owners/lifecycle';
import { judgeProblem, type JudgeActor } from '../../../lib/owners/judge';
import { mergeProblem } from '../../../lib/owners/merge';
import { at, BOB, CAROL, idGen, LEAD, newProblem, OWNER, satisfied } from './helpers';

const ids = idGen('ev');
const rep = (repId: string): JudgeActor => ({ repId, lead: repId === LEAD });
let hour = 1;
function act(p: Problem, action: ProblemAction, actor: string): Problem {
  const r = applyAction(p, action, { actor, actorIsLead: actor === LEAD, now: at(hour++), newId: ids });
  if (!r.ok) throw new Error(`setup: ${action.type} refused: ${r.reason}`);
  return r.problem;
}
/** What a hostile client sends: `events` appended as they are, with the record patched. */
const forge = (p: Problem, events: ProblemEvent[], patch: Partial<Problem> = {}): Problem => ({ ...p, ...patch, events: [...p.events, ...events] });

describe('judgeProblem: the server allows what applyAction allows', () => {
  const resolved = act(act(newProblem(), { type: 'start' }, OWNER), { type: 'markResolved' }, OWNER);

  it('finding 2: a non-participant cannot resolve, confirm or close a colleague\'s problem, even with events signed by themself', () => {
    const p = act(newProblem(), { type: 'start' }, OWNER);
    const conf = { at: at(90), by: 'nobody', how: 'email' as const, satisfied: true };
    const closed = forge(
      p,
      [
        { id: 'x1', at: at(90), byRepId: CAROL, type: 'status', from: 'working', to: 'resolved_awaiting_confirmation' },
        { id: 'x2', at: at(91), byRepId: CAROL, type: 'confirmation', confirmation: conf },
        { id: 'x3', at: at(91), byRepId: CAROL, type: 'status', from: 'resolved_awaiting_confirmation', to: 'closed' },
      ],
      { status: 'closed' },
    );
    expect(judgeProblem(p, closed, rep(CAROL))).toMatchObject({ ok: false, code: 'not_yours', reason: expect.stringMatching(/owner, a covering rep or a lead/) });
    // The same acts by the owner, a covering rep and a lead are allowed, as on the client.
    expect(judgeProblem(resolved, act(resolved, { type: 'recordConfirmation', confirmation: satisfied() }, OWNER), rep(OWNER))).toEqual({ ok: true });
    const covered = act(resolved, { type: 'addCover', repId: BOB }, OWNER);
    expect(judgeProblem(covered, act(covered, { type: 'recordConfirmation', confirmation: satisfied() }, BOB), rep(BOB))).toEqual({ ok: true });
    expect(judgeProblem(resolved, act(resolved, { type: 'recordConfirmation', confirmation: satisfied() }, LEAD), rep(LEAD))).toEqual({ ok: true });
  });

  it('finding 4: title, detail, severity and due change only with the edit\'s logged entry; customer, channel and received time never', () => {
    const p = newProblem();
    expect(judgeProblem(p, { ...p, title: 'Quietly renamed', severity: 'low' }, rep(OWNER))).toMatchObject({ ok: false, code: 'unlogged_edit' });
    expect(judgeProblem(p, { ...p, customerId: 'cust-2' }, rep(OWNER))).toMatchObject({ ok: false, code: 'fixed_field', reason: expect.stringContaining('customer') });
    expect(judgeProblem(p, { ...p, channel: 'phone' }, rep(OWNER))).toMatchObject({ ok: false, code: 'fixed_field' });
    expect(judgeProblem(p, { ...p, receivedAt: at(-5) }, rep(OWNER))).toMatchObject({ ok: false, code: 'fixed_field' });
    const edited = act(p, { type: 'edit', changes: { title: 'VAT wrong on every invoice', severity: 'high' } }, OWNER);
    expect(judgeProblem(p, edited, rep(OWNER))).toEqual({ ok: true });
    // Carol, who does not work the problem, forges the edit's entry: refused as the client would.
    const forged = forge(p, [{ id: 'e1', at: at(5), byRepId: CAROL, type: 'update', text: 'Edited: title' }], { title: 'Mine now' });
    expect(judgeProblem(p, forged, rep(CAROL))).toMatchObject({ ok: false, code: 'not_yours' });
  });

  it('finding 5: only the owner or a lead adds someone else as cover; a rep may volunteer themself', () => {
    const p = newProblem();
    const third = forge(p, [{ id: 'c1', at: at(5), byRepId: CAROL, type: 'cover', repId: BOB, action: 'add' }], { coveringRepIds: [BOB] });
    expect(judgeProblem(p, third, rep(CAROL))).toMatchObject({ ok: false, code: 'not_yours', reason: expect.stringMatching(/change who covers/) });
    expect(judgeProblem(p, act(p, { type: 'addCover', repId: CAROL }, CAROL), rep(CAROL))).toEqual({ ok: true });
    expect(judgeProblem(p, act(p, { type: 'addCover', repId: BOB }, LEAD), rep(LEAD))).toEqual({ ok: true });
  });

  it('finding 5: a deleted problem stays deleted, for a plain rep and a lead alike; only a lead deletes', () => {
    const p = newProblem();
    const gone = { ...p, deleted: true };
    expect(judgeProblem(p, gone, rep(OWNER))).toMatchObject({ ok: false, code: 'lead_only' });
    expect(judgeProblem(p, gone, rep(LEAD))).toEqual({ ok: true });
    expect(judgeProblem(gone, p, rep(OWNER))).toMatchObject({ ok: false, code: 'tombstone' });
    expect(judgeProblem(gone, p, rep(LEAD))).toMatchObject({ ok: false, code: 'tombstone' });
  });

  it('closing needs the customer\'s confirmation, and a forged status or owner on the record is caught', () => {
    const fiat = forge(resolved, [{ id: 's1', at: at(60), byRepId: OWNER, type: 'status', from: 'resolved_awaiting_confirmation', to: 'closed' }], { status: 'closed' });
    expect(judgeProblem(resolved, fiat, rep(OWNER))).toMatchObject({ ok: false, code: 'invalid_transition', reason: expect.stringMatching(/without the customer confirming/) });
    expect(judgeProblem(resolved, { ...resolved, status: 'closed' }, rep(OWNER))).toMatchObject({ ok: false, code: 'invalid_transition' });
    expect(judgeProblem(resolved, { ...resolved, ownerRepId: BOB }, rep(BOB))).toMatchObject({ ok: false, code: 'owner_change' });
  });
});

describe('mergeProblem: concurrent appends are united, then judged', () => {
  it('two reps append to the same problem: both events are kept, in time order', () => {
    const base = act(act(newProblem(), { type: 'start' }, OWNER), { type: 'addCover', repId: BOB }, OWNER);
    const alices = act(base, { type: 'addUpdate', text: 'Called finance' }, OWNER);
    const bobs = act(base, { type: 'addUpdate', text: 'Sent the corrected invoice' }, BOB);
    const merged = mergeProblem(alices, bobs);
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    expect(merged.problem.events.map((e) => (e.type === 'update' ? e.text : e.type))).toEqual(['received', 'status', 'cover', 'Called finance', 'Sent the corrected invoice']);
    expect(judgeProblem(alices, merged.problem, rep(BOB))).toEqual({ ok: true });
  });

  it('a merge the rules refuse is refused: both resolve the same problem', () => {
    const base = act(act(newProblem(), { type: 'start' }, OWNER), { type: 'addCover', repId: BOB }, OWNER);
    const alices = act(base, { type: 'markResolved' }, OWNER);
    const bobs = act(base, { type: 'markResolved' }, BOB);
    const merged = mergeProblem(alices, bobs);
    expect(merged.ok && judgeProblem(alices, merged.problem, rep(BOB))).toMatchObject({ ok: false, code: 'invalid_transition' });
  });

  it('a stale copy does not undo an edit it had not seen; a changed stored event is still a rewrite', () => {
    const base = act(newProblem(), { type: 'addCover', repId: BOB }, OWNER);
    const alices = act(base, { type: 'edit', changes: { title: 'VAT wrong since March' } }, OWNER);
    const bobs = act(base, { type: 'addUpdate', text: 'Customer called again' }, BOB);
    const merged = mergeProblem(alices, bobs);
    expect(merged.ok && merged.problem.title).toBe('VAT wrong since March');
    const rewritten = { ...alices, events: alices.events.map((e) => (e.type === 'cover' ? { ...e, repId: CAROL } : e)) };
    expect(mergeProblem(alices, rewritten)).toMatchObject({ ok: false, code: 'history_rewrite' });
  });
});
