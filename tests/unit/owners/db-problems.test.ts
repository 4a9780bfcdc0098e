// Problems in the database: every change goes through lib/owners, so the owner rule holds
// for every surface (popup, side panel, and the dock through the background).
import { beforeEach, describe, expect, it } from 'vitest';
import { HoldfastDB, actOnProblem, actOnProblemWire, ensureMe, logProblemAsMe, refusedTransferAttempts, subjectInfo } from '@/lib/db';
import { newId } from '@/lib/util/ids';

let db: HoldfastDB;
beforeEach(async () => {
  db = new HoldfastDB(`test-${newId()}`);
  await db.open();
});

const log = (title = 'Invoice sent twice') => logProblemAsMe(db, { customerId: 'cust-1', title, channel: 'phone' }, '2026-03-02T09:00:00.000Z');

describe('logProblemAsMe', () => {
  it('makes whoever logs the problem its owner', async () => {
    const me = await ensureMe(db);
    const p = await log();
    expect((await db.problems.get(p.id))?.ownerRepId).toBe(me.id);
  });
});

describe('actOnProblem', () => {
  it('refuses to change the owner by an edit and leaves the record as it was', async () => {
    const p = await log();
    const r = await actOnProblem(db, p.id, { type: 'edit', changes: { ownerRepId: 'rep-other', title: 'x' } });
    expect(r).toMatchObject({ ok: false, code: 'owner_change_refused' });
    expect(await db.problems.get(p.id)).toEqual(p);
  });

  it('refuses an illegal transition with its reason', async () => {
    const p = await log();
    const r = await actOnProblem(db, p.id, { type: 'markResolved' });
    expect(r).toMatchObject({ ok: false, code: 'illegal_transition' });
    expect(r.ok ? '' : r.reason).toContain('Cannot mark it resolved: the problem is open');
  });

  it('counts refused transfer attempts for the measures', async () => {
    const me = await ensureMe(db);
    const p = await log();
    await db.reps.put({ id: 'rep-bob', updatedAt: '2026-03-02T09:00:00.000Z', name: 'Bob' });
    expect(await actOnProblem(db, p.id, { type: 'transfer', toRepId: 'rep-bob', reason: 'bye' })).toMatchObject({ code: 'reason_too_short' });
    expect(await refusedTransferAttempts(db)).toEqual({ [me.id]: 1 });
    expect(await actOnProblem(db, p.id, { type: 'transfer', toRepId: 'rep-bob', reason: 'I leave the company on Friday' })).toEqual({ ok: true });
    expect((await db.problems.get(p.id))?.ownerRepId).toBe('rep-bob');
    expect(await refusedTransferAttempts(db)).toEqual({ [me.id]: 1 });
  });

  it('answers not_found for an unknown problem', async () => {
    expect(await actOnProblem(db, 'nope', { type: 'start' })).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('actOnProblemWire (the dock)', () => {
  it('runs the lifecycle to a confirmed close with a reopen, stamping the confirmation with the clock', async () => {
    const p = await log();
    const now = '2026-03-03T10:00:00.000Z';
    for (const a of [{ type: 'start' }, { type: 'addUpdate', text: 'Credit note sent' }, { type: 'markResolved' }] as const) {
      expect(await actOnProblemWire(db, p.id, a, now)).toEqual({ ok: true });
    }
    expect(await actOnProblemWire(db, p.id, { type: 'recordConfirmation', by: 'Dana', how: 'email', satisfied: false, comment: 'Still doubled' }, now)).toEqual({ ok: true });
    let stored = await db.problems.get(p.id);
    expect(stored).toMatchObject({ status: 'working', reopenCount: 1 });
    await actOnProblemWire(db, p.id, { type: 'markResolved' }, now);
    expect(await actOnProblemWire(db, p.id, { type: 'recordConfirmation', by: '  ', how: 'phone', satisfied: true }, now)).toMatchObject({ ok: false });
    expect(await actOnProblemWire(db, p.id, { type: 'recordConfirmation', by: 'Dana', how: 'phone', satisfied: true }, now)).toEqual({ ok: true });
    stored = await db.problems.get(p.id);
    expect(stored?.status).toBe('closed');
    const confirmation = stored?.events.findLast((e) => e.type === 'confirmation');
    expect(confirmation).toMatchObject({ confirmation: { at: now, by: 'Dana', how: 'phone', satisfied: true } });
  });

  it('lets a colleague cover a problem (coverMe) without taking it over', async () => {
    const p = await logProblemAsMe(db, { customerId: 'cust-1', title: 'Late delivery', channel: 'email' });
    // Hand the problem to Bob so that "me" is a colleague.
    await db.reps.put({ id: 'rep-bob', updatedAt: p.updatedAt, name: 'Bob' });
    await actOnProblem(db, p.id, { type: 'transfer', toRepId: 'rep-bob', reason: 'Bob runs this account now' });
    expect(await actOnProblemWire(db, p.id, { type: 'start' })).toMatchObject({ ok: false, code: 'not_participant' });
    expect(await actOnProblemWire(db, p.id, { type: 'coverMe' })).toEqual({ ok: true });
    const me = await ensureMe(db);
    expect(await db.problems.get(p.id)).toMatchObject({ ownerRepId: 'rep-bob', coveringRepIds: [me.id] });
  });

  it('tells the dock whether I cover a problem, and shows the latest transfer reason', async () => {
    await db.customers.put({ id: 'cust-1', updatedAt: '2026-03-02T09:00:00.000Z', name: 'Acme', domains: [], crmRefs: [], crmKeys: [], nameKey: 'acme' });
    const p = await log();
    await db.reps.put({ id: 'rep-bob', updatedAt: p.updatedAt, name: 'Bob' });
    await actOnProblem(db, p.id, { type: 'transfer', toRepId: 'rep-bob', reason: 'I leave the company on Friday' });
    await actOnProblemWire(db, p.id, { type: 'coverMe' });
    const info = await subjectInfo(db, { site: 'generic', emails: [], domains: [], name: 'Acme' });
    expect(info.openProblems[0]).toMatchObject({ mine: false, iCover: true, ownerName: 'Bob', transferNote: 'I leave the company on Friday', reopenCount: 0 });
  });

  it('"Customer confirmed on this call" closes an open problem as the confirmation, and the call is contact with the customer', async () => {
    await db.customers.put({ id: 'cust-1', updatedAt: '2026-03-02T09:00:00.000Z', name: 'Acme', domains: [], crmRefs: [], crmKeys: [], nameKey: 'acme' });
    const p = await log();
    expect(await actOnProblemWire(db, p.id, { type: 'confirmOnCall', by: '  ' }, '2026-03-02T10:00:00.000Z')).toMatchObject({ ok: false, code: 'no_confirmer' });
    expect(await actOnProblemWire(db, p.id, { type: 'confirmOnCall', by: 'Dana Fox' }, '2026-03-02T10:00:00.000Z')).toEqual({ ok: true });
    const closed = await db.problems.get(p.id);
    expect(closed?.status).toBe('closed');
    expect(closed?.events.find((e) => e.type === 'confirmation')).toMatchObject({ confirmation: { by: 'Dana Fox', how: 'phone', satisfied: true, at: '2026-03-02T10:00:00.000Z' } });
    expect((await db.customers.get('cust-1'))?.lastContactAt).toBe('2026-03-02T10:00:00.000Z');
    // Closed: a second try is refused with the lifecycle's code and the specifics for the UI.
    expect(await actOnProblemWire(db, p.id, { type: 'confirmOnCall', by: 'Dana Fox' })).toMatchObject({ ok: false, code: 'closed' });
    expect(await actOnProblem(db, p.id, { type: 'start' })).toMatchObject({ ok: false, code: 'closed' });
  });

  it('passes a refusal\'s specifics on, for the UI to word in the user\'s language', async () => {
    const p = await log();
    expect(await actOnProblemWire(db, p.id, { type: 'markResolved' })).toMatchObject({
      ok: false,
      code: 'illegal_transition',
      detail: { step: 'markResolved', status: 'open', allowed: ['working', 'waiting_on_customer'] },
    });
  });

  it('tells the dock the customer\'s most recently updated contact, for the prefill', async () => {
    await db.customers.put({ id: 'cust-1', updatedAt: '2026-03-02T09:00:00.000Z', name: 'Acme', domains: [], crmRefs: [], crmKeys: [], nameKey: 'acme' });
    await db.contacts.bulkPut([
      { id: 'c1', updatedAt: '2026-03-01T09:00:00.000Z', name: 'Old Contact', emails: [], customerId: 'cust-1' },
      { id: 'c2', updatedAt: '2026-03-02T09:00:00.000Z', name: 'Dana Fox', emails: [], customerId: 'cust-1' },
      { id: 'c3', updatedAt: '2026-03-03T09:00:00.000Z', name: 'Gone', emails: [], customerId: 'cust-1', deleted: true },
    ]);
    const info = await subjectInfo(db, { site: 'generic', emails: [], domains: [], name: 'Acme' });
    expect(info.customer?.contactName).toBe('Dana Fox');
  });
});
