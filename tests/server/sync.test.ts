/**
 * The sync protocol's promises: each mutation applied exactly once and in order, nothing
 * applied across a gap, pull pages that add up to the whole team stream with no change
 * skipped (also while pushes commit concurrently), and private notes only for their author.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, Mutation, PushResponse } from '../../lib/sync/protocol';
import { del, put, TestClient } from './client';
import { DB_KINDS, DEFAULT_TEAMS, startServer, type TestServer } from './harness';
import { customer, note } from './records';

describe.each(DB_KINDS)('sync protocol on %s', (db) => {
  let server: TestServer;
  beforeAll(async () => {
    // The rate limit has its own test (http.test.ts); here it would only get in the way.
    // "solo" is a team of one, so that its stream holds exactly what the pagination test writes.
    const solo = { handle: 'solo', name: 'Solo', reps: [{ handle: 'sam', name: 'Sam' }] };
    server = await startServer({ db, teams: [...DEFAULT_TEAMS, solo], env: { HOLDFAST_RATE_BURST: '100000' } });
  });
  afterAll(() => server?.stop());
  const client = (handle: string) => new TestClient(server, server.tokens[handle]!);

  describe('exactly once, in order', () => {
    it('the same push sent twice is applied once: the retry gets no results and changes nothing', async () => {
      const alice = client('alice');
      const c = customer({ name: 'Initech' });
      const batch = alice.number(put('customers', c), put('customers', { ...c, name: 'Initech Ltd' }));
      const first = await alice.pushOk(batch);
      expect(first).toEqual({ lastMutationId: 2, results: [{ id: 1, ok: true }, { id: 2, ok: true }] });
      const { cursor } = await alice.pullAll();

      const retry = await alice.pushOk(batch);
      expect(retry).toEqual({ lastMutationId: 2, results: [] });
      // Nothing new entered the stream: a duplicate is not even re-written.
      const after = await alice.pullAll(cursor);
      expect(after.state.size).toBe(0);
      expect(after.cursor).toBe(cursor);
    });

    it('a retry that overlaps applies only the new tail', async () => {
      const alice = client('alice');
      const c = customer();
      const ms = alice.number(...['a', 'b', 'c', 'd', 'e'].map((v) => put('customers', { ...c, name: v })));
      await alice.pushOk(ms.slice(0, 3));
      const r = await alice.pushOk(ms.slice(1));
      expect(r.results.map((x) => x.id)).toEqual([4, 5]);
      expect(r.lastMutationId).toBe(5);
      expect((await alice.pullAll()).state.get(`customers:${c.id}`)).toMatchObject({ name: 'e' });
    });

    it('overlapping concurrent pushes of one client: every mutation gets exactly one result, and the last one wins', async () => {
      const alice = client('alice');
      const c = customer();
      const ms = alice.number(...Array.from({ length: 60 }, (_, i) => put('customers', { ...c, name: `v${i + 1}` })));
      // Eight retries of overlapping windows, all in flight together.
      const windows = [ms.slice(0, 20), ms.slice(0, 40), ms.slice(10, 60), ms, ms.slice(0, 60), ms.slice(0, 30), ms.slice(0, 50), ms.slice(0, 10)];
      const answers = await Promise.all(windows.map((w) => alice.push(w)));
      const ids: number[] = [];
      for (const a of answers) {
        // A window that starts past the applied tail may arrive first: it is a gap, and applies nothing.
        if (a.status === 409) continue;
        expect(a.status).toBe(200);
        ids.push(...(a.body as PushResponse).results.map((r) => r.id));
      }
      const final = await alice.pushOk(ms);
      ids.push(...final.results.map((r) => r.id));
      expect(ids.sort((x, y) => x - y)).toEqual(ms.map((m) => m.id));
      expect(final.lastMutationId).toBe(60);
      expect((await alice.pullAll()).state.get(`customers:${c.id}`)).toMatchObject({ name: 'v60' });
    });

    it('a gap is a 409 that applies nothing of the push; resending from the next id applies it all', async () => {
      const alice = client('alice');
      const [m1, m2, m3, m4] = alice.number(put('customers', customer()), put('customers', customer()), put('customers', customer()), put('customers', customer()));
      await alice.pushOk([m1!]);
      const gap = await alice.push([m3!, m4!]);
      expect(gap.status).toBe(409);
      expect((gap.body as ErrorBody).error).toBe('mutation_gap');
      expect((gap.body as ErrorBody).reason).toMatch(/resend from 2/);
      const seen = await alice.pullAll();
      expect(seen.state.has(`customers:${(m3 as Extract<Mutation, { op: 'put' }>).record.id}`)).toBe(false);
      expect(seen.pages.at(-1)!.lastMutationId).toBe(1);

      // Out of order within one push is a gap too.
      expect((await alice.push([m3!, m2!, m4!])).status).toBe(409);
      const ok = await alice.pushOk([m2!, m3!, m4!]);
      expect(ok.results.map((r) => r.id)).toEqual([2, 3, 4]);
    });

    it('applies the mutations of a push in their order: put then delete leaves a tombstone, and a put after a delete meets it', async () => {
      const alice = client('alice');
      const gone = customer({ name: 'Gone' });
      const back = customer({ name: 'Back' });
      const r = await alice.pushOk(alice.number(put('customers', gone), del('customers', gone.id), del('customers', back.id), put('customers', back)));
      // Tombstones are final (server/rules/tombstones.ts): the id deleted first is not re-used.
      expect(r.results.map((x) => (x.ok ? 'ok' : x.code))).toEqual(['ok', 'ok', 'ok', 'tombstone']);
      const { state } = await alice.pullAll();
      expect(state.get(`customers:${gone.id}`)).toBeNull();
      expect(state.get(`customers:${back.id}`)).toBeNull();
    });

    it('each client has its own numbering; the counts do not mix', async () => {
      const a = client('alice');
      const b = client('alice');
      await a.pushOk(a.number(put('customers', customer()), put('customers', customer())));
      const rb = await b.pushOk(b.number(put('customers', customer())));
      expect(rb.lastMutationId).toBe(1);
      expect(((await a.pull()).body as { lastMutationId: number }).lastMutationId).toBe(2);
    });
  });

  describe('pull', () => {
    it('pages through the stream: limit per page, more until the end, each record once at its latest', async () => {
      const sam = client('sam');
      const records = Array.from({ length: 1200 }, (_, i) => customer({ name: `c${i}` }));
      for (let i = 0; i < records.length; i += 500) {
        await sam.pushOk(sam.number(...records.slice(i, i + 500).map((r) => put('customers', r))));
      }
      // Rewrite the first 10: they move to the end of the stream.
      await sam.pushOk(sam.number(...records.slice(0, 10).map((r) => put('customers', { ...r, name: `${r.name}-v2` }))));

      const { state, pages, cursor } = await sam.pullAll('0', 500);
      // 1,200 customers + Sam's own rep record, in pages of 500.
      expect(pages.map((p) => p.changes.length)).toEqual([500, 500, 201]);
      expect(pages.map((p) => p.more)).toEqual([true, true, false]);
      const ids = pages.flatMap((p) => p.changes.map((c) => `${c.table}:${c.id}`));
      expect(new Set(ids).size).toBe(ids.length);
      expect(state.size).toBe(1201);
      expect(state.get(`customers:${records[0]!.id}`)).toMatchObject({ name: 'c0-v2' });
      expect(ids.slice(-10)).toEqual(records.slice(0, 10).map((r) => `customers:${r.id}`));
      const cursors = pages.map((p) => BigInt(p.cursor));
      expect([...cursors].sort((a, b) => (a < b ? -1 : 1))).toEqual(cursors);
      expect(pages.map((p) => p.lastMutationId)).toEqual([1210, 1210, 1210]);

      // Nothing new: an empty page, the same cursor.
      const idle = await sam.pull(cursor);
      expect(idle.body).toMatchObject({ changes: [], cursor, more: false });
      // A change after that cursor, and only it.
      const late = customer({ name: 'late' });
      await sam.pushOk(sam.number(put('customers', late)));
      const next = await sam.pullAll(cursor);
      expect([...next.state.keys()]).toEqual([`customers:${late.id}`]);
    });

    it('misses no change while pushes of several clients commit concurrently with the pulls', async () => {
      const writers = ['alice', 'bob', 'lena', 'alice', 'bob'].map(client);
      const reader = client('bob');
      const base = await reader.pullAll();
      const seen = new Map(base.state);
      let cursor = base.cursor;
      let writing = true;
      const puller = (async () => {
        while (writing) {
          const p = await reader.pullAll(cursor, 5);
          for (const [k, v] of p.state) seen.set(k, v);
          cursor = p.cursor;
        }
      })();
      try {
        await Promise.all(
          writers.map(async (w) => {
            for (let round = 0; round < 25; round++) {
              await w.pushOk(w.number(...Array.from({ length: 3 }, (_, i) => put('customers', customer({ name: `r${round}-${i}` })))));
            }
          }),
        );
      } finally {
        writing = false;
        await puller;
      }
      const tail = await reader.pullAll(cursor);
      for (const [k, v] of tail.state) seen.set(k, v);
      const truth = (await client('bob').pullAll()).state;
      expect(seen.size).toBe(truth.size);
      expect(seen).toEqual(truth);
    });
  });

  describe('private notes', () => {
    it('reach only their author; others never see them, nor learn them through a refusal', async () => {
      const alice = client('alice');
      const bob = client('bob');
      const secret = note(server.reps.alice!.id, { text: 'Thinks their CFO is leaving', visibility: 'private' });
      const open = note(server.reps.alice!.id, { text: 'Likes golf' });
      await alice.pushOk(alice.number(put('notes', secret), put('notes', open)));

      expect((await alice.pullAll()).state.get(`notes:${secret.id}`)).toMatchObject({ text: 'Thinks their CFO is leaving' });
      const bobs = await bob.pullAll();
      expect(bobs.state.has(`notes:${secret.id}`)).toBe(false);
      expect(bobs.state.get(`notes:${open.id}`)).toMatchObject({ text: 'Likes golf' });
      expect(JSON.stringify(bobs.pages)).not.toContain('CFO');

      // Bob trying to overwrite it by id is refused, and `current` does not reveal it.
      const r = await bob.pushOk(bob.number(put('notes', { ...secret, authorRepId: server.reps.bob!.id, text: 'mine now' })));
      expect(r.results[0]).toMatchObject({ ok: false, code: 'not_yours', current: null });
      expect(JSON.stringify(r)).not.toContain('CFO');
      // A lead does not see it either.
      expect((await client('lena').pullAll()).state.has(`notes:${secret.id}`)).toBe(false);
    });

    it('a team note made private is withdrawn from the others (a tombstone), and comes back when shared again', async () => {
      const alice = client('alice');
      const bob = client('bob');
      const n = note(server.reps.alice!.id, { text: 'Budget approved in May' });
      await alice.pushOk(alice.number(put('notes', n)));
      const first = await bob.pullAll();
      expect(first.state.get(`notes:${n.id}`)).toMatchObject({ text: 'Budget approved in May' });

      await alice.pushOk(alice.number(put('notes', { ...n, visibility: 'private', text: 'Budget approved in May (CEO said so privately)' })));
      const hidden = await bob.pullAll(first.cursor);
      expect(hidden.state.get(`notes:${n.id}`)).toBeNull();
      expect(JSON.stringify(hidden.pages)).not.toContain('privately');
      expect((await alice.pullAll(first.cursor)).state.get(`notes:${n.id}`)).toMatchObject({ visibility: 'private' });

      await alice.pushOk(alice.number(put('notes', { ...n, text: 'Budget approved' })));
      expect((await bob.pullAll(hidden.cursor)).state.get(`notes:${n.id}`)).toMatchObject({ text: 'Budget approved' });
    });
  });
});
