/**
 * Issue 14, findings 1, 3 and 9 against the real server: no record, however large or oddly
 * encoded, stops anyone else's sync.
 *  - Finding 1: one rep pushed problems of 240 update events of 20,000 characters each (each
 *    push under the body limit) and every other device's first pull failed. Now such a record
 *    is refused alone (too_large), pull pages stay within MAX_PULL_PAGE_BYTES whatever the
 *    records, and a team's storage has a quota (quota_exceeded).
 *  - Finding 3: a NUL or half an emoji in a record made PostgreSQL fail the whole push with a
 *    500. Now that one mutation is refused (invalid, with the path and the reason) and the
 *    rest of the push is applied; so is a mutation that breaks its schema in any other way.
 *  - Finding 9: the cursor-ahead 409 no longer tells how many changes all teams have made.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PULL_PAGE_BYTES, type ErrorBody, type PushResponse } from '../../lib/sync/protocol';
import type { Problem } from '../../lib/model';
import { newId } from '../../lib/util/ids';
import { del, put, raw, TestClient } from './client';
import { DB_KINDS, DEFAULT_TEAMS, startServer, type TestServer } from './harness';
import { customer, problem, tick } from './records';

const HALF_EMOJI = 'Café 😀'.slice(0, 6);

describe.each(DB_KINDS)('bounds and bad text on %s', (db) => {
  let server: TestServer;
  beforeAll(async () => {
    const solo = { handle: 'solo', name: 'Solo', reps: [{ handle: 'sam', name: 'Sam' }] };
    server = await startServer({ db, teams: [...DEFAULT_TEAMS, solo], env: { HOLDFAST_RATE_BURST: '100000', HOLDFAST_TEAM_QUOTA_BYTES: String(3 * 1024 * 1024) } });
  });
  afterAll(() => server?.stop());
  const client = (handle: string) => new TestClient(server, server.tokens[handle]!);

  /** A problem of alice's with `n` update events of `chars` characters each. */
  function padded(n: number, chars: number): Problem {
    const p = problem(server.reps.alice!.id);
    const events = Array.from({ length: n }, () => ({ id: newId(), at: tick(), byRepId: server.reps.alice!.id, type: 'update' as const, text: 'x'.repeat(chars) }));
    return { ...p, events: [...p.events, ...events], updatedAt: tick() };
  }

  it('finding 1 replayed: huge problems are refused one by one, and another device still pulls everything in pages of at most 1 MB', async () => {
    const alice = client('alice');
    const bob = client('bob');
    const ok = customer({ name: 'Initech' });
    await bob.pushOk(bob.number(put('customers', ok)));
    for (let i = 0; i < 4; i++) {
      // 240 × 20,000 characters: 4.8 MB, under the 5 MB body limit, as in the finding.
      const res = await alice.pushOk(alice.number(put('problems', padded(240, 20_000))));
      expect(res.results).toEqual([expect.objectContaining({ ok: false, code: 'too_large', reason: expect.stringMatching(/at most 256 KB/) })]);
    }
    // Records within the bounds but large (about 200 KB each) still page by bytes, not rows.
    for (let i = 0; i < 3; i++) {
      const batch = Array.from({ length: 4 }, () => put('problems', padded(10, 20_000)));
      const res = await alice.pushOk(alice.number(...batch));
      expect(res.results.every((r) => r.ok)).toBe(true);
    }
    const lena = client('lena');
    let cursor = '0';
    let largest = 0;
    let problems = 0;
    let customers = 0;
    for (;;) {
      const a = await raw(server, `/v1/pull?clientId=${lena.clientId}&cursor=${cursor}&limit=1000`, { headers: { Authorization: `Bearer ${server.tokens.lena}` } });
      expect(a.status).toBe(200);
      largest = Math.max(largest, Buffer.byteLength(a.text));
      const page = a.json as { changes: Array<{ table: string }>; cursor: string; more: boolean };
      problems += page.changes.filter((c) => c.table === 'problems').length;
      customers += page.changes.filter((c) => c.table === 'customers').length;
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(problems).toBe(12);
    expect(customers).toBeGreaterThanOrEqual(1);
    expect(largest).toBeLessThanOrEqual(MAX_PULL_PAGE_BYTES);
  });

  it('a team over its storage quota is refused new bytes (quota_exceeded), may still delete, and other teams are not affected', async () => {
    const sam = client('sam');
    const ids: string[] = [];
    let refused: PushResponse['results'][number] | undefined;
    for (let i = 0; i < 40 && !refused; i++) {
      const c = customer({ name: `Big ${i}`, crmRefs: Array.from({ length: 50 }, (_, k) => ({ site: 'salesforce', objectType: 'Account', recordId: `${i}-${k}-${'r'.repeat(150)}`, tenant: 't'.repeat(150) })) });
      const many = Array.from({ length: 8 }, (_, k) => put('customers', { ...c, id: `${c.id}-${k}` }));
      const res = await sam.pushOk(sam.number(...many));
      ids.push(...many.map((m) => (m.op === 'put' ? m.record.id : '')));
      refused = res.results.find((r) => !r.ok);
    }
    expect(refused).toMatchObject({ ok: false, code: 'quota_exceeded', reason: expect.stringMatching(/storage on this server is full .*HOLDFAST_TEAM_QUOTA_BYTES/) });
    // Deleting makes room.
    const freed = await sam.pushOk(sam.number(...ids.slice(0, 10).map((id) => del('customers', id))));
    expect(freed.results.every((r) => r.ok)).toBe(true);
    const again = await sam.pushOk(sam.number(put('customers', customer({ name: 'Fits now' }))));
    expect(again.results).toEqual([expect.objectContaining({ ok: true })]);
    // Another team's pushes are untouched by sam's quota.
    const mike = client('mike');
    expect((await mike.pushOk(mike.number(put('customers', customer())))).results[0]!.ok).toBe(true);
  });

  it('finding 3: a NUL or half an emoji is refused in its own mutation with a reason; the rest of the push applies; never a 500', async () => {
    const bob = client('bob');
    const good1 = customer({ name: 'Good before' });
    const nul = customer({ name: 'Acme\u0000 Corp' });
    const half = customer({ name: HALF_EMOJI });
    const badId = customer({ id: `id-${HALF_EMOJI}` });
    const good2 = customer({ name: 'Good after' });
    const res = await bob.push(bob.number(put('customers', good1), put('customers', nul), put('customers', half), put('customers', badId), put('customers', good2)));
    expect(res.status).toBe(200);
    const results = (res.body as PushResponse).results;
    expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['ok', 'invalid', 'invalid', 'invalid', 'ok']);
    expect(results[1]).toMatchObject({ recordId: nul.id, current: null, reason: expect.stringMatching(/record\.name: well-formed text/) });
    expect(results[3]).toMatchObject({ recordId: 'id-Café \uFFFD' });
    const { state } = await client('alice').pullAll();
    expect(state.get(`customers:${good1.id}`)).toMatchObject({ name: 'Good before' });
    expect(state.get(`customers:${good2.id}`)).toMatchObject({ name: 'Good after' });
    expect(state.has(`customers:${nul.id}`)).toBe(false);
  });

  it('a mutation that breaks its schema in another way is refused alone too; only a broken envelope is a 400', async () => {
    const bob = client('bob');
    const good = customer({ name: 'Fine' });
    const broken = { ...customer(), domains: 'not a list' } as unknown as ReturnType<typeof customer>;
    const res = await bob.push(bob.number(put('customers', broken), put('customers', good)));
    expect(res.status).toBe(200);
    expect((res.body as PushResponse).results.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['invalid', 'ok']);
    const envelope = await bob.push([{ id: bob.next++, op: 'zap', table: 'customers' } as never]);
    expect(envelope.status).toBe(400);
    bob.next--;
  });

  it('finding 9: a cursor ahead of the team’s changes is a 409 that does not tell how many changes all teams made', async () => {
    const mike = client('mike');
    // Beta writes a lot; acme's cursor is beyond acme's own changes but within everyone's.
    await mike.pushOk(mike.number(...Array.from({ length: 20 }, () => put('customers', customer()))));
    const alice = client('alice');
    const { cursor } = await alice.pullAll();
    const a = await alice.pull((BigInt(cursor) + 10n).toString());
    expect(a.status).toBe(409);
    const reason = (a.body as ErrorBody).reason;
    expect(reason).toMatch(/Pull again from cursor 0/);
    expect(reason).not.toMatch(/up to \d+/);
  });
});
