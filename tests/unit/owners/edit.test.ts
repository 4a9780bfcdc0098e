import { describe, expect, it } from 'vitest';
import { applyAction, validateProblemHistory } from '../../../lib/owners/lifecycle';
import { BOB, LEAD, OWNER, at, idGen, inStatus, must, newProblem } from './helpers';

const ctx = (actor = OWNER, actorIsLead = false) => ({ actor, now: at(4), newId: idGen('ed'), actorIsLead });

describe('edit', () => {
  it('changes title, detail, severity and due time and logs what changed', () => {
    const p = must(newProblem({ dueAt: at(24) }), {
      type: 'edit',
      changes: { title: 'VAT wrong on two invoices', detail: 'March and April', severity: 'high', dueAt: at(12) },
    });
    expect(p).toMatchObject({ title: 'VAT wrong on two invoices', detail: 'March and April', severity: 'high', dueAt: at(12), ownerRepId: OWNER });
    const e = p.events.at(-1);
    expect(e?.type).toBe('update');
    expect(e?.type === 'update' && e.text).toBe(
      `Edited: title "Invoice shows wrong VAT" → "VAT wrong on two invoices"; severity normal → high; detail changed; due ${at(24)} → ${at(12)}`,
    );
    expect(validateProblemHistory(p)).toEqual({ ok: true });
  });

  it('clears detail and due time with null (the keys are removed, not left undefined)', () => {
    const p = must(newProblem({ dueAt: at(24), detail: 'x' }), { type: 'edit', changes: { detail: null, dueAt: null } });
    expect('detail' in p).toBe(false);
    expect('dueAt' in p).toBe(false);
  });

  describe('refuses any attempt to change the owner', () => {
    // Each shape a careless or hostile client might send as an "edit".
    const attempts: unknown[] = [
      { ownerRepId: BOB },
      { ownerRepId: BOB, title: 'innocent title change' },
      { ownerRepId: OWNER }, // even "unchanged": an edit has no business naming the owner
      JSON.parse('{"severity":"high","ownerRepId":"rep-bob"}'),
    ];
    for (const changes of attempts) {
      it(`refuses ${JSON.stringify(changes)}`, () => {
        const p = newProblem();
        const r = applyAction(p, { type: 'edit', changes }, ctx());
        expect(r).toMatchObject({ ok: false, code: 'owner_change_refused' });
        if (!r.ok) expect(r.reason).toMatch(/^The owner cannot be changed by an edit\..*use a transfer with a written reason\.$/);
      });
    }

    it('refuses it for a lead and for a covering rep too', () => {
      const p = must(newProblem(), { type: 'addCover', repId: BOB });
      expect(applyAction(p, { type: 'edit', changes: { ownerRepId: BOB } }, ctx(BOB))).toMatchObject({ code: 'owner_change_refused' });
      expect(applyAction(p, { type: 'edit', changes: { ownerRepId: LEAD } }, ctx(LEAD, true))).toMatchObject({ code: 'owner_change_refused' });
    });
  });

  it('refuses fields that change only through their own actions', () => {
    for (const changes of [{ status: 'closed' }, { coveringRepIds: [BOB] }, { events: [] }, { reopenCount: 0 }, { customerId: 'c2' }]) {
      const r = applyAction(inStatus('working'), { type: 'edit', changes }, ctx());
      expect(r).toMatchObject({ ok: false, code: 'field_not_editable' });
      if (!r.ok) expect(r.reason).toContain(`cannot be edited: ${Object.keys(changes)[0]}`);
    }
  });

  it('refuses invalid values, non-objects and edits that change nothing', () => {
    const p = newProblem();
    expect(applyAction(p, { type: 'edit', changes: { severity: 'apocalyptic' } }, ctx())).toMatchObject({ code: 'invalid_edit' });
    expect(applyAction(p, { type: 'edit', changes: { title: '  ' } }, ctx())).toMatchObject({ code: 'invalid_edit' });
    expect(applyAction(p, { type: 'edit', changes: { dueAt: 'tomorrow' } }, ctx())).toMatchObject({ code: 'invalid_edit' });
    expect(applyAction(p, { type: 'edit', changes: 'title=x' }, ctx())).toMatchObject({ code: 'invalid_edit' });
    expect(applyAction(p, { type: 'edit', changes: [] }, ctx())).toMatchObject({ code: 'invalid_edit' });
    expect(applyAction(p, { type: 'edit', changes: {} }, ctx())).toMatchObject({ code: 'nothing_to_change', reason: 'The edit changes nothing.' });
    expect(applyAction(p, { type: 'edit', changes: { severity: p.severity } }, ctx())).toMatchObject({ code: 'nothing_to_change' });
  });
});
