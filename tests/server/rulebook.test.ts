/**
 * Issue 14's attacks on the server's rules, replayed as a hostile team member would (a token
 * and hand-made records), plus the concurrent work that must merge rather than be refused.
 * Each answer is checked against what the extension itself allows (lib/owners).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem, ProblemEvent } from '../../lib/model';
import type { MutationResult } from '../../lib/sync/protocol';
import { newId } from '../../lib/util/ids';
import { del, put, raw, TestClient, type Draft } from './client';
import { DB_KINDS, startServer, type TeamSpec, type TestServer } from './harness';
import { act, customer, note, pod, problem, rep, satisfied, tick } from './records';

const TEAMS: readonly TeamSpec[] = [
  {
    handle: 'acme',
    name: 'Acme Sales',
    reps: [
      { handle: 'alice', name: 'Alice Ahn' },
      { handle: 'bob', name: 'Bob Brandt' },
      { handle: 'carol', name: 'Carol Cruz' },
      { handle: 'lena', name: 'Lena Li', lead: true },
      { handle: 'max', name: 'Max Mayer', lead: true },
    ],
  },
];
type Who = 'alice' | 'bob' | 'carol' | 'lena' | 'max';

describe.each(DB_KINDS)('the one rulebook on %s', (db) => {
  let server: TestServer;
  const clients = {} as Record<Who, TestClient>;
  const id = {} as Record<Who, string>;

  beforeAll(async () => {
    server = await startServer({ db, teams: TEAMS, env: { HOLDFAST_RATE_BURST: '100000' } });
    for (const h of ['alice', 'bob', 'carol', 'lena', 'max'] as const) {
      clients[h] = new TestClient(server, server.tokens[h]!);
      id[h] = server.reps[h]!.id;
    }
  });
  afterAll(() => server?.stop());

  async function one(who: Who, draft: Draft): Promise<MutationResult> {
    const c = clients[who];
    const r = await c.pushOk(c.number(draft));
    return r.results[0]!;
  }
  const code = (r: MutationResult) => (r.ok ? 'ok' : r.code);
  async function stored(table: string, recordId: string) {
    return (await clients.lena.pullAll()).state.get(`${table}:${recordId}`);
  }
  /** A problem of Alice's, started, as the server holds it. */
  async function alicesStarted(): Promise<Problem> {
    const p = act(problem(id.alice), { type: 'start' }, id.alice);
    expect(code(await one('alice', put('problems', p)))).toBe('ok');
    return p;
  }

  it('finding 2: a rep who is neither owner, covering nor lead cannot resolve, confirm and close a colleague\'s problem', async () => {
    const p = await alicesStarted();
    const e = (type: string, extra: object) => ({ id: newId(), at: tick(), byRepId: id.bob, type, ...extra }) as ProblemEvent;
    const closed: Problem = {
      ...p,
      status: 'closed',
      updatedAt: tick(),
      events: [
        ...p.events,
        e('status', { from: 'working', to: 'resolved_awaiting_confirmation' }),
        e('confirmation', { confirmation: { ...satisfied(), by: 'nobody' } }),
        e('status', { from: 'resolved_awaiting_confirmation', to: 'closed' }),
      ],
    };
    const r = await one('bob', put('problems', closed));
    expect(r).toMatchObject({ ok: false, code: 'not_yours', reason: expect.stringMatching(/owner, a covering rep or a lead/), current: { status: 'working' } });
    expect(await stored('problems', p.id)).toMatchObject({ status: 'working' });
    // Covering first, as the app suggests, Bob may resolve it.
    const covered = act(p, { type: 'addCover', repId: id.bob }, id.bob);
    expect(code(await one('bob', put('problems', covered)))).toBe('ok');
    expect(code(await one('bob', put('problems', act(covered, { type: 'markResolved' }, id.bob))))).toBe('ok');
  });

  it('finding 4: a colleague\'s title, detail, severity and customer do not change silently', async () => {
    const p = await alicesStarted();
    const silent = { ...p, title: 'Not a real problem', detail: 'ignore', severity: 'low' as const, updatedAt: tick() };
    expect(await one('bob', put('problems', silent))).toMatchObject({ ok: false, code: 'unlogged_edit', current: { title: p.title } });
    expect(await one('alice', put('problems', { ...p, customerId: 'cust-elsewhere', updatedAt: tick() }))).toMatchObject({ ok: false, code: 'fixed_field' });
    // Bob, not working the problem, cannot edit it even with the logged entry; Alice can.
    expect(code(await one('bob', put('problems', act(p, { type: 'edit', changes: { title: 'Mine' } }, id.bob, { actorIsLead: true }))))).toBe('not_yours');
    const edited = act(p, { type: 'edit', changes: { title: 'VAT wrong on all invoices', severity: 'high' } }, id.alice);
    expect(code(await one('alice', put('problems', edited)))).toBe('ok');
    expect(await stored('problems', p.id)).toMatchObject({ title: 'VAT wrong on all invoices', severity: 'high', customerId: p.customerId });
  });

  it('finding 5: a non-participant cannot add a third rep as cover', async () => {
    const p = await alicesStarted();
    const forced = act(p, { type: 'addCover', repId: id.carol }, id.bob, { actorIsLead: true });
    expect(await one('bob', put('problems', forced))).toMatchObject({ ok: false, code: 'not_yours', reason: expect.stringMatching(/change who covers/) });
    expect(await stored('problems', p.id)).toMatchObject({ coveringRepIds: [] });
    expect(code(await one('alice', put('problems', act(p, { type: 'addCover', repId: id.carol }, id.alice))))).toBe('ok');
  });

  it('finding 5: a lead\'s soft delete is not undone by a plain rep, and a hard-deleted id is not re-used', async () => {
    const p = await alicesStarted();
    expect(code(await one('lena', put('problems', { ...p, deleted: true, updatedAt: tick() })))).toBe('ok');
    expect(await one('alice', put('problems', { ...p, updatedAt: tick() }))).toMatchObject({ ok: false, code: 'tombstone', current: { deleted: true } });
    expect(await stored('problems', p.id)).toMatchObject({ deleted: true });

    const q = await alicesStarted();
    expect(code(await one('lena', del('problems', q.id)))).toBe('ok');
    const reused = { ...problem(id.bob), id: q.id };
    expect(await one('bob', put('problems', reused))).toMatchObject({ ok: false, code: 'tombstone', current: null });
    expect(await stored('problems', q.id)).toBeNull();
  });

  it('tombstones are final in the shared tables too (customers), and a note keeps its customer', async () => {
    const cu = customer({ name: 'Initech' });
    expect(code(await one('alice', put('customers', cu)))).toBe('ok');
    expect(code(await one('bob', put('customers', { ...cu, deleted: true, updatedAt: tick() })))).toBe('ok');
    expect(code(await one('alice', put('customers', { ...cu, updatedAt: tick() })))).toBe('tombstone');
    const n = note(id.alice);
    expect(code(await one('alice', put('notes', n)))).toBe('ok');
    expect(code(await one('alice', put('notes', { ...n, customerId: 'cust-other', updatedAt: tick() })))).toBe('fixed_field');
  });

  it('finding 6: a rep cannot take a colleague\'s name, however it is spelt', async () => {
    for (const name of ['Alice Ahn', '  alice   AHN ', 'AliceAhn']) {
      const r = await one('bob', put('reps', rep(id.bob, { name })));
      expect(r).toMatchObject({ ok: false, code: 'name_taken', reason: expect.stringContaining('Alice Ahn') });
    }
    const me = await raw(server, '/v1/me', { headers: { Authorization: `Bearer ${server.tokens.bob}` } });
    expect(me.json).toMatchObject({ repName: 'Bob Brandt' });
    // A name of one's own is fine, and keeping one's name while editing the rest too.
    expect(code(await one('bob', put('reps', rep(id.bob, { name: 'Bob B.' }))))).toBe('ok');
    expect(code(await one('bob', put('reps', rep(id.bob, { name: 'Bob B.', style: 'driver' }))))).toBe('ok');
    // Once Bob goes by another name, his old one is free.
    expect(code(await one('carol', put('reps', rep(id.carol, { name: 'Bob Brandt' }))))).toBe('ok');
  });

  it('finding 7: a record dated more than a day ahead of the server\'s clock is refused with a reason', async () => {
    const far = customer({ name: 'From the future', updatedAt: '9999-12-31T23:59:59.000Z' });
    const r = await one('alice', put('customers', far));
    expect(r).toMatchObject({ ok: false, code: 'future_date', reason: expect.stringMatching(/more than a day ahead.*date and time/) });
    expect(await stored('customers', far.id)).toBeUndefined();
    const soon = customer({ updatedAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(code(await one('alice', put('customers', soon)))).toBe('ok');
  });

  it('concurrent work merges: two reps append to the same problem and both events are kept', async () => {
    const p = act(await alicesStarted(), { type: 'addCover', repId: id.bob }, id.alice);
    expect(code(await one('alice', put('problems', p)))).toBe('ok');
    const alices = act(p, { type: 'addUpdate', text: 'Called their finance team' }, id.alice);
    const bobs = act(p, { type: 'addUpdate', text: 'Sent the corrected invoice' }, id.bob);
    expect(code(await one('alice', put('problems', alices)))).toBe('ok');
    expect(code(await one('bob', put('problems', bobs)))).toBe('ok');
    const texts = ((await stored('problems', p.id)) as Problem).events.flatMap((e) => (e.type === 'update' ? [e.text] : []));
    expect(texts).toEqual(['Called their finance team', 'Sent the corrected invoice']);
    // Only a merge the rules refuse is refused: both resolve it.
    const now = (await stored('problems', p.id)) as Problem;
    expect(code(await one('alice', put('problems', act(now, { type: 'markResolved' }, id.alice))))).toBe('ok');
    expect(code(await one('bob', put('problems', act(now, { type: 'markResolved' }, id.bob))))).toBe('invalid_transition');
  });

  it('set-like lists merge: a customer\'s domains and a pod\'s members added by two reps are both kept', async () => {
    const cu = customer({ name: 'Umbrella', domains: ['umbrella.test'] });
    expect(code(await one('alice', put('customers', cu)))).toBe('ok');
    expect(code(await one('alice', put('customers', { ...cu, domains: ['umbrella.test', 'umbrella-eu.test'], updatedAt: tick() })))).toBe('ok');
    // Bob's copy never saw the EU domain; his addition joins it instead of dropping it.
    expect(code(await one('bob', put('customers', { ...cu, domains: ['umbrella.test', 'umbrella.co.test'], updatedAt: tick() })))).toBe('ok');
    expect(((await stored('customers', cu.id)) as { domains: string[] }).domains.sort()).toEqual(['umbrella-eu.test', 'umbrella.co.test', 'umbrella.test']);
    // Bob has now written the stored version: his next removal is honoured.
    expect(code(await one('bob', put('customers', { ...cu, domains: ['umbrella.test'], updatedAt: tick() })))).toBe('ok');
    expect(await stored('customers', cu.id)).toMatchObject({ domains: ['umbrella.test'] });

    const pd = pod([id.alice]);
    expect(code(await one('lena', put('pods', pd)))).toBe('ok');
    expect(code(await one('max', put('pods', { ...pd, memberIds: [id.alice, id.bob], updatedAt: tick() })))).toBe('ok');
    expect(code(await one('lena', put('pods', { ...pd, memberIds: [id.alice, id.carol], updatedAt: tick() })))).toBe('ok');
    expect(((await stored('pods', pd.id)) as { memberIds: string[] }).memberIds.sort()).toEqual([id.alice, id.bob, id.carol].sort());
  });
});
