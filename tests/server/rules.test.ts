/**
 * The domain rules the server enforces whatever a client sends (DESIGN §5, §6). Each refusal
 * is consumed (the client's count moves on) and carries a code, a reason, and the server's
 * record as it stands, so the client can restore it and tell the user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem, ProblemEvent } from '../../lib/model';
import type { Mutation, MutationResult, PullResponse } from '../../lib/sync/protocol';
import { newId } from '../../lib/util/ids';
import { del, put, raw, TestClient, type Draft } from './client';
import { DB_KINDS, startServer, type TestServer } from './harness';
import { act, coach, contact, customer, note, pod, problem, rep, revenueLine, satisfied, tick } from './records';

describe.each(DB_KINDS)('domain rules on %s', (db) => {
  let server: TestServer;
  const clients: Record<string, TestClient> = {};
  let id: Record<'alice' | 'bob' | 'lena', string>;

  beforeAll(async () => {
    server = await startServer({ db, env: { HOLDFAST_RATE_BURST: '100000' } });
    for (const h of ['alice', 'bob', 'lena', 'mallory']) clients[h] = new TestClient(server, server.tokens[h]!);
    id = { alice: server.reps.alice!.id, bob: server.reps.bob!.id, lena: server.reps.lena!.id };
  });
  afterAll(() => server?.stop());

  /** Pushes one mutation as `who` and returns its result. */
  async function one(who: string, draft: Draft): Promise<MutationResult> {
    const c = clients[who]!;
    const r = await c.pushOk(c.number(draft));
    expect(r.results).toHaveLength(1);
    return r.results[0]!;
  }
  async function stored(table: string, recordId: string): Promise<Record<string, unknown> | null | undefined> {
    return (await clients.lena!.pullAll()).state.get(`${table}:${recordId}`);
  }
  const refusal = (r: MutationResult) => (r.ok ? 'ok' : r.code);

  describe('problems', () => {
    it('a rep logs a problem they received; one received by someone else is not theirs to log', async () => {
      const mine = problem(id.alice);
      expect(await one('alice', put('problems', mine))).toEqual({ id: expect.any(Number), ok: true });
      const bobs = problem(id.bob);
      const r = await one('alice', put('problems', bobs));
      expect(r).toMatchObject({ ok: false, code: 'not_yours', table: 'problems', recordId: bobs.id, current: null });
      expect(await stored('problems', bobs.id)).toBeUndefined();
    });

    it('a lead may log a problem on behalf of the rep who received it', async () => {
      const p = problem(id.bob);
      expect(refusal(await one('lena', put('problems', p)))).toBe('ok');
      expect(await stored('problems', p.id)).toMatchObject({ ownerRepId: id.bob });
    });

    it('the log only grows: changing or removing a stored event is refused, with the stored problem as current', async () => {
      const p0 = problem(id.alice);
      const p1 = act(p0, { type: 'addUpdate', text: 'Called finance' }, id.alice);
      await one('alice', put('problems', p1));

      const edited = { ...p1, events: p1.events.map((e, i) => (i === 1 ? { ...e, text: 'Never called anyone' } : e)) as ProblemEvent[] };
      const r1 = await one('alice', put('problems', edited));
      expect(r1).toMatchObject({ ok: false, code: 'history_rewrite', reason: expect.stringMatching(/event 2 .*changed/) });
      expect(r1).toMatchObject({ current: { events: [{ type: 'received' }, { type: 'update', text: 'Called finance' }] } });

      // A copy without a stored event is one that had not seen it (concurrent work): it merges,
      // and the stored event stays.
      const truncated = { ...p1, events: p1.events.slice(0, 1) };
      expect(refusal(await one('alice', put('problems', truncated)))).toBe('ok');
      expect(await stored('problems', p1.id)).toMatchObject({ events: [{ type: 'received' }, { type: 'update', text: 'Called finance' }] });
    });

    it('the owner does not change by an edit: only by a transfer the owner (or a lead) makes', async () => {
      const p = problem(id.alice);
      await one('alice', put('problems', p));

      // Bob edits the owner field directly.
      const grab = { ...p, ownerRepId: id.bob, updatedAt: tick() };
      const r = await one('bob', put('problems', grab));
      expect(r).toMatchObject({ ok: false, code: 'owner_change', current: { ownerRepId: id.alice } });

      // Bob forges a transfer to himself, signed by himself: he is not the owner.
      const forged = act(p, { type: 'transfer', toRepId: id.bob, reason: 'I will take it from here' }, id.bob, { actorIsLead: true });
      expect(refusal(await one('bob', put('problems', forged)))).toBe('owner_change');
      expect(await stored('problems', p.id)).toMatchObject({ ownerRepId: id.alice });

      // The owner hands it over, with a reason: allowed.
      const handed = act(p, { type: 'transfer', toRepId: id.bob, reason: 'Alice moves to the Berlin office' }, id.alice);
      expect(refusal(await one('alice', put('problems', handed)))).toBe('ok');
      expect(await stored('problems', p.id)).toMatchObject({ ownerRepId: id.bob });

      // A lead moves it on (the new owner left): allowed.
      const moved = act(handed, { type: 'transfer', toRepId: id.alice, reason: 'Bob left the company in June' }, id.lena, { actorIsLead: true });
      expect(refusal(await one('lena', put('problems', moved)))).toBe('ok');
      expect(await stored('problems', p.id)).toMatchObject({ ownerRepId: id.alice });
    });

    it('a rep records only their own acts: an appended event signed by another rep is refused', async () => {
      const p = problem(id.alice);
      await one('alice', put('problems', p));
      const asBob = act(p, { type: 'addUpdate', text: 'Bob says it is fixed' }, id.bob, { actorIsLead: true });
      const r = await one('alice', put('problems', asBob));
      expect(r).toMatchObject({ ok: false, code: 'not_yours', reason: expect.stringContaining(id.bob) });
      expect(((await stored('problems', p.id)) as Problem).events).toHaveLength(1);
    });

    it('closing needs the customer\'s satisfied confirmation', async () => {
      const p = problem(id.alice);
      const resolved = act(act(p, { type: 'start' }, id.alice), { type: 'markResolved' }, id.alice);
      await one('alice', put('problems', resolved));

      const closedByFiat: Problem = {
        ...resolved,
        status: 'closed',
        updatedAt: tick(),
        events: [...resolved.events, { id: newId(), at: tick(), byRepId: id.alice, type: 'status', from: 'resolved_awaiting_confirmation', to: 'closed' }],
      };
      const r = await one('alice', put('problems', closedByFiat));
      expect(r).toMatchObject({ ok: false, code: 'invalid_transition', reason: expect.stringMatching(/without the customer confirming/), current: { status: 'resolved_awaiting_confirmation' } });

      const confirmed = act(resolved, { type: 'recordConfirmation', confirmation: satisfied() }, id.alice);
      expect(refusal(await one('alice', put('problems', confirmed)))).toBe('ok');
      expect(await stored('problems', p.id)).toMatchObject({ status: 'closed' });
    });

    it('only a lead deletes a problem, by delete or by a tombstoned put', async () => {
      const p = problem(id.alice);
      await one('alice', put('problems', p));
      expect(await one('alice', del('problems', p.id))).toMatchObject({ ok: false, code: 'lead_only', current: { id: p.id } });
      expect(refusal(await one('alice', put('problems', { ...p, deleted: true, updatedAt: tick() })))).toBe('lead_only');
      expect(await stored('problems', p.id)).toMatchObject({ id: p.id });
      expect(refusal(await one('lena', del('problems', p.id)))).toBe('ok');
      expect(await stored('problems', p.id)).toBeNull();
    });
  });

  describe('notes', () => {
    it('a note is written as its author only', async () => {
      const n = note(id.bob);
      expect(await one('alice', put('notes', n))).toMatchObject({ ok: false, code: 'not_yours', current: null });
      expect(await stored('notes', n.id)).toBeUndefined();
    });

    it('nobody, not even a lead, overwrites or deletes another rep\'s note', async () => {
      const n = note(id.alice, { text: 'Renewal hinges on the SSO feature' });
      await one('alice', put('notes', n));
      for (const who of ['bob', 'lena'] as const) {
        const over = await one(who, put('notes', { ...n, authorRepId: id[who], text: 'Not important', updatedAt: tick() }));
        expect(over).toMatchObject({ ok: false, code: 'not_yours', current: { text: 'Renewal hinges on the SSO feature' } });
        expect(await one(who, del('notes', n.id))).toMatchObject({ ok: false, code: 'not_yours' });
      }
      expect(await stored('notes', n.id)).toMatchObject({ text: 'Renewal hinges on the SSO feature' });
      // Its author edits and deletes it.
      expect(refusal(await one('alice', put('notes', { ...n, text: 'Renewal hinges on SSO and SCIM', updatedAt: tick() })))).toBe('ok');
      expect(refusal(await one('alice', del('notes', n.id)))).toBe('ok');
      expect(await stored('notes', n.id)).toBeNull();
      // A deleted note stays deleted: nobody, its author included, re-creates it under that id.
      expect(refusal(await one('bob', put('notes', { ...n, authorRepId: id.bob, updatedAt: tick() })))).toBe('tombstone');
      expect(refusal(await one('alice', put('notes', { ...n, updatedAt: tick() })))).toBe('tombstone');
    });
  });

  describe('reps and pods', () => {
    it('a rep edits their own profile, and /v1/me follows the new name', async () => {
      const r = await one('bob', put('reps', rep(id.bob, { name: 'Bob B. Brandt', traits: { goalOrientation: 80, skepticism: 30, detailAttention: 40, relationship: 20 }, style: 'driver' })));
      expect(r.ok).toBe(true);
      expect(await stored('reps', id.bob)).toMatchObject({ name: 'Bob B. Brandt', style: 'driver' });
      const me = await raw(server, '/v1/me', { headers: { Authorization: `Bearer ${server.tokens.bob}` } });
      expect(me.json).toMatchObject({ repName: 'Bob B. Brandt' });
    });

    it('another rep\'s profile is the lead\'s to edit', async () => {
      const r = await one('alice', put('reps', rep(id.bob, { name: 'Bobby', style: 'amiable' })));
      expect(r).toMatchObject({ ok: false, code: 'lead_only', current: { id: id.bob } });
      expect((await stored('reps', id.bob))?.name).not.toBe('Bobby');
      expect(refusal(await one('alice', del('reps', id.alice)))).toBe('lead_only');
      expect(refusal(await one('lena', put('reps', rep(id.bob, { name: 'Bob Brandt', style: 'analytical' }))))).toBe('ok');
      expect(await stored('reps', id.bob)).toMatchObject({ style: 'analytical' });
    });

    it('pods are formed and removed by the lead only', async () => {
      const pd = pod([id.alice, id.bob]);
      expect(await one('alice', put('pods', pd))).toMatchObject({ ok: false, code: 'lead_only', current: null });
      expect(refusal(await one('lena', put('pods', pd)))).toBe('ok');
      expect(await one('bob', del('pods', pd.id))).toMatchObject({ ok: false, code: 'lead_only', current: { memberIds: [id.alice, id.bob] } });
      expect(refusal(await one('lena', del('pods', pd.id)))).toBe('ok');
      expect(await stored('pods', pd.id)).toBeNull();
    });
  });

  it('customers, revenue lines, contacts and coaches are shared: any rep writes and deletes them', async () => {
    const cu = customer();
    const ct = contact({ customerId: cu.id });
    const drafts: Draft[] = [put('customers', cu), put('revenueLines', revenueLine(cu.id)), put('contacts', ct), put('coaches', coach(ct.id))];
    const a = clients.alice!;
    expect((await a.pushOk(a.number(...drafts))).results.every((r) => r.ok)).toBe(true);
    const b = clients.bob!;
    const r = await b.pushOk(b.number(put('customers', { ...cu, name: 'Globex (renamed by Bob)', updatedAt: tick() }), del('contacts', ct.id)));
    expect(r.results.every((x) => x.ok)).toBe(true);
    expect(await stored('customers', cu.id)).toMatchObject({ name: 'Globex (renamed by Bob)' });
    expect(await stored('contacts', ct.id)).toBeNull();
  });

  it('a refused mutation is consumed: the count moves past it, the next one applies, and a resend is a duplicate', async () => {
    const a = clients.alice!;
    const good = customer({ name: 'After the refusal' });
    const batch: Mutation[] = a.number(put('pods', pod([id.alice])), put('customers', good));
    const r = await a.pushOk(batch);
    expect(r.results.map(refusal)).toEqual(['lead_only', 'ok']);
    expect(r.lastMutationId).toBe(batch[1]!.id);
    expect(await a.pushOk(batch)).toEqual({ lastMutationId: batch[1]!.id, results: [] });
    expect(((await a.pull()).body as PullResponse).lastMutationId).toBe(batch[1]!.id);
    expect(await stored('customers', good.id)).toMatchObject({ name: 'After the refusal' });
  });
});
