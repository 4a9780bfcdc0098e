/**
 * Every row belongs to one team. A token of team B never reads team A's rows, never writes
 * them (even naming the very same ids), and cannot use a client id of team A to learn or
 * move its progress. "Beta" (mallory, lead mike) attacks "Acme" (alice, bob, lead lena).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, PullResponse } from '../../lib/sync/protocol';
import { del, put, raw, TestClient } from './client';
import { DB_KINDS, startServer, type TestServer } from './harness';
import { customer, note, pod, problem, rep } from './records';

describe.each(DB_KINDS)('team isolation on %s', (db) => {
  let server: TestServer;
  let alice: TestClient;
  const acmeCustomer = customer({ name: 'Acme secret customer' });
  const acmeProblem = { p: undefined as ReturnType<typeof problem> | undefined };

  beforeAll(async () => {
    server = await startServer({ db, env: { HOLDFAST_RATE_BURST: '100000' } });
    alice = new TestClient(server, server.tokens.alice!);
    acmeProblem.p = problem(server.reps.alice!.id, acmeCustomer.id);
    await alice.pushOk(
      alice.number(
        put('customers', acmeCustomer),
        put('problems', acmeProblem.p),
        put('notes', note(server.reps.alice!.id, { customerId: acmeCustomer.id, text: 'Acme team note' })),
      ),
    );
  });
  afterAll(() => server?.stop());
  const client = (handle: string) => new TestClient(server, server.tokens[handle]!);

  it('a pull by team B contains only team B\'s rows, from every cursor', async () => {
    const { state, pages } = await client('mallory').pullAll('0', 2);
    const text = JSON.stringify(pages);
    expect(text).not.toContain('Acme');
    expect(text).not.toContain(server.reps.alice!.id);
    // Beta's own reps are all it sees so far.
    expect([...state.keys()].sort()).toEqual([`reps:${server.reps.mallory!.id}`, `reps:${server.reps.mike!.id}`].sort());
  });

  it('team B writing the same ids creates B\'s own rows and leaves A\'s untouched', async () => {
    const mallory = client('mallory');
    const r = await mallory.pushOk(
      mallory.number(put('customers', { ...acmeCustomer, name: 'Overwritten by Beta' }), put('problems', { ...problem(server.reps.mallory!.id), id: acmeProblem.p!.id })),
    );
    expect(r.results.every((x) => x.ok)).toBe(true);
    expect((await alice.pullAll()).state.get(`customers:${acmeCustomer.id}`)).toMatchObject({ name: 'Acme secret customer' });
    expect((await alice.pullAll()).state.get(`problems:${acmeProblem.p!.id}`)).toMatchObject({ ownerRepId: server.reps.alice!.id });
    expect((await mallory.pullAll()).state.get(`customers:${acmeCustomer.id}`)).toMatchObject({ name: 'Overwritten by Beta' });
  });

  it('team B deleting A\'s ids deletes nothing of A\'s', async () => {
    const mike = client('mike');
    const r = await mike.pushOk(mike.number(del('customers', acmeCustomer.id), del('problems', acmeProblem.p!.id)));
    expect(r.results.every((x) => x.ok)).toBe(true);
    const acme = (await alice.pullAll()).state;
    expect(acme.get(`customers:${acmeCustomer.id}`)).toMatchObject({ name: 'Acme secret customer' });
    expect(acme.get(`problems:${acmeProblem.p!.id}`)).toMatchObject({ title: acmeProblem.p!.title });
  });

  it('a refusal to team B never carries team A\'s record as `current`', async () => {
    const mallory = client('mallory');
    // Alice's id as a rep record in Beta: not Mallory's own profile, so refused — with Beta's (absent) record.
    const r = await mallory.pushOk(mallory.number(put('reps', rep(server.reps.alice!.id, { name: 'Alice?' })), put('pods', pod([server.reps.alice!.id]))));
    expect(r.results).toMatchObject([
      { ok: false, code: 'lead_only', current: null },
      { ok: false, code: 'lead_only', current: null },
    ]);
    expect((await alice.pullAll()).state.get(`reps:${server.reps.alice!.id}`)).toMatchObject({ name: 'Alice Ahn' });
  });

  it('team B cannot write as a rep of team A', async () => {
    const mallory = client('mallory');
    const r = await mallory.pushOk(mallory.number(put('notes', note(server.reps.alice!.id, { text: 'Written as Alice' })), put('problems', problem(server.reps.alice!.id))));
    expect(r.results.map((x) => (x.ok ? 'ok' : x.code))).toEqual(['not_yours', 'not_yours']);
    expect(JSON.stringify([...(await alice.pullAll()).state.values()])).not.toContain('Written as Alice');
  });

  it('a client id of team A is refused to team B: no push through it, no look at its progress', async () => {
    const thief = new TestClient(server, server.tokens.mallory!, alice.clientId);
    const before = ((await alice.pull()).body as PullResponse).lastMutationId;

    const push = await thief.push([{ id: before + 1, op: 'put', table: 'customers', record: customer({ name: 'Via stolen client' }) }]);
    expect(push.status).toBe(403);
    expect((push.body as ErrorBody).error).toBe('client_not_yours');
    // Duplicates of A's ids are refused too, not answered with A's count.
    const replay = await thief.push([{ id: 1, op: 'put', table: 'customers', record: customer() }]);
    expect(replay.status).toBe(403);
    const pull = await thief.pull();
    expect(pull.status).toBe(403);
    expect(JSON.stringify(pull.body)).not.toContain('lastMutationId');

    // Alice's client is unharmed: same count, and it goes on from there.
    expect(((await alice.pull()).body as PullResponse).lastMutationId).toBe(before);
    expect((await alice.pushOk(alice.number(put('customers', customer())))).lastMutationId).toBe(before + 1);
    // Even another rep of the same team may not borrow it.
    expect((await new TestClient(server, server.tokens.bob!, alice.clientId).pull()).status).toBe(403);
  });

  it('/v1/me answers each token with its own team', async () => {
    const me = await raw(server, '/v1/me', { headers: { Authorization: `Bearer ${server.tokens.mallory}` } });
    expect(me.json).toMatchObject({ teamId: server.teams.beta!.id, teamName: 'Beta Corp', repId: server.reps.mallory!.id });
  });
});
