/**
 * The server dies (kill -9) or is stopped in the middle of a push: afterwards every push is
 * either wholly applied or not at all, the client's count agrees with what is stored, and a
 * retry applies what is missing exactly once. Also: pushes of one team commit in the order of
 * their stream positions, so a pull never skips a change that commits late (the cursor hole).
 *
 * Fault injection: HOLDFAST_FAULT_PUSH_STALL=before-commit|after-commit:<ms>[:<clientId>],…
 * makes the server stall a push just before or just after COMMIT and log "fault: push
 * stalled", which is when the test pulls the plug. Each stall is bound to a client id fixed
 * here, so one server start serves every test, and other clients are not slowed.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse, PushResponse } from '../../lib/sync/protocol';
import { put, TestClient } from './client';
import { DB_KINDS, startServer, type TestServer } from './harness';
import { customer } from './records';

const stalled = (clientId: string) => (l: Record<string, unknown>) => l.msg === 'fault: push stalled' && l.client === clientId;

describe.each(DB_KINDS)('crashes and the push transaction on %s', (db) => {
  /** Pushes of these clients stall (for a minute: until the test kills the server). */
  const dieBeforeCommit = randomUUID();
  const dieAfterCommit = randomUUID();
  /** Pushes of these stall for 1.5 s and then go on. */
  const drainOnStop = randomUUID();
  const commitLate = randomUUID();
  let server: TestServer;

  beforeAll(async () => {
    const faults = [`before-commit:60000:${dieBeforeCommit}`, `after-commit:60000:${dieAfterCommit}`, `before-commit:1500:${drainOnStop}`, `before-commit:1500:${commitLate}`];
    server = await startServer({ db, env: { HOLDFAST_RATE_BURST: '100000', HOLDFAST_FAULT_PUSH_STALL: faults.join(',') } });
  });
  afterAll(() => server?.stop());
  const client = (handle: string, clientId?: string) => new TestClient(server, server.tokens[handle]!, clientId);

  /** Pulls everything and answers the client's applied count and which of `ids` are stored. */
  async function inspect(c: TestClient, ids: string[]) {
    const { state, pages } = await c.pullAll();
    return { last: pages.at(-1)!.lastMutationId, stored: ids.filter((id) => state.get(`customers:${id}`)) };
  }

  /** Sends a push that will never be answered; resolves once the server is dead and restarted. */
  async function crashDuring(c: TestClient, mutations: Parameters<TestClient['push']>[0]) {
    const inFlight = c.push(mutations).then(
      () => 'answered',
      () => 'connection lost',
    );
    await server.waitForLog(stalled(c.clientId));
    await server.kill('SIGKILL');
    expect(await inFlight).toBe('connection lost');
    await server.restart();
  }

  it('killed inside the transaction: nothing of the push survives, earlier data does, and the retry applies it exactly once', async () => {
    const bystander = client('bob');
    const kept = customer({ name: 'Committed before the crash' });
    await bystander.pushOk(bystander.number(put('customers', kept)));

    const alice = client('alice', dieBeforeCommit);
    const batch = Array.from({ length: 500 }, (_, i) => customer({ name: `batch-${i}` }));
    const mutations = alice.number(...batch.map((c) => put('customers', c)));
    await crashDuring(alice, mutations);

    const ids = batch.map((c) => c.id);
    expect(await inspect(alice, ids)).toEqual({ last: 0, stored: [] });
    expect(await inspect(bystander, [kept.id])).toEqual({ last: 1, stored: [kept.id] });

    // The outbox resends from the same client; here another install of Alice's does it,
    // since this client id's pushes always stall. Same mutations, new numbering from 1.
    const retrier = client('alice');
    const retry = await retrier.pushOk(mutations);
    expect(retry.lastMutationId).toBe(500);
    expect(retry.results).toHaveLength(500);
    expect(retry.results.every((r) => r.ok)).toBe(true);
    expect((await inspect(retrier, ids)).stored).toHaveLength(500);
    expect(await retrier.pushOk(mutations)).toEqual({ lastMutationId: 500, results: [] });
  });

  it('killed after COMMIT but before the answer: the push is kept, and the retry is a duplicate that writes nothing', async () => {
    const bob = client('bob', dieAfterCommit);
    const batch = Array.from({ length: 200 }, () => customer());
    const mutations = bob.number(...batch.map((c) => put('customers', c)));
    await crashDuring(bob, mutations);

    const before = await bob.pullAll();
    expect(before.pages.at(-1)!.lastMutationId).toBe(200);
    expect(batch.every((c) => before.state.get(`customers:${c.id}`))).toBe(true);
    // A duplicate is answered before any write, so the stall (after a commit) is not reached.
    expect(await bob.pushOk(mutations)).toEqual({ lastMutationId: 200, results: [] });
    expect((await bob.pullAll(before.cursor)).state.size).toBe(0);
  });

  it('killed at random moments during pushes: each push is all or nothing, and retries converge exactly once', async () => {
    const lena = client('lena');
    const all: string[] = [];
    for (let round = 0; round < 3; round++) {
      const batch = Array.from({ length: 500 }, (_, i) => customer({ name: `r${round}-${i}` }));
      all.push(...batch.map((c) => c.id));
      const mutations = lena.number(...batch.map((c) => put('customers', c)));
      const before = (await inspect(lena, [])).last;
      const inFlight = lena.push(mutations).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 250));
      await server.kill('SIGKILL');
      await inFlight;
      await server.restart();

      const after = await inspect(lena, batch.map((c) => c.id));
      // Either the whole push landed (and is counted) or none of it did (and it is not).
      expect([before, before + 500]).toContain(after.last);
      expect(after.stored).toHaveLength(after.last === before ? 0 : 500);
      const retry = await lena.pushOk(mutations);
      expect(retry.results).toHaveLength(after.last === before ? 500 : 0);
      expect(retry.lastMutationId).toBe(before + 500);
    }
    expect((await inspect(lena, all)).stored).toHaveLength(1500);
  });

  it('a push that commits late is not skipped by a pull that ran while it was open (no cursor hole)', async () => {
    const slow = client('alice', commitLate);
    const fast = client('bob');
    const reader = client('lena');
    const base = (await reader.pullAll()).cursor;

    const late = customer({ name: 'Late' });
    const early = customer({ name: 'Early' });
    const slowPush = slow.push(slow.number(put('customers', late)));
    await server.waitForLog(stalled(slow.clientId));
    // The slow push holds its stream position, uncommitted. Another rep pushes meanwhile…
    const fastPush = fast.push(fast.number(put('customers', early)));
    await new Promise((r) => setTimeout(r, 300));
    // …and a reader pulls before the slow push commits.
    const first = (await reader.pull(base)).body as PullResponse;
    await Promise.all([slowPush, fastPush]);
    const second = await reader.pullAll(first.cursor);

    const seen = new Set([...first.changes.map((c) => `customers:${c.id}`), ...second.state.keys()]);
    expect(seen.has(`customers:${late.id}`)).toBe(true);
    expect(seen.has(`customers:${early.id}`)).toBe(true);
  });

  // Last: it leaves the server stopped and restarts it.
  it('SIGTERM during a push lets it finish and answer, then the server exits cleanly', async () => {
    const alice = client('alice', drainOnStop);
    const c = customer({ name: 'Drained' });
    const inFlight = alice.push(alice.number(put('customers', c)));
    await server.waitForLog(stalled(alice.clientId));
    const exit = server.kill('SIGTERM');
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect((answer.body as PushResponse).results).toEqual([{ id: 1, ok: true }]);
    expect(await exit).toBe(0);
    await server.restart();
    expect((await alice.pullAll()).state.get(`customers:${c.id}`)).toMatchObject({ name: 'Drained' });
  });
});
