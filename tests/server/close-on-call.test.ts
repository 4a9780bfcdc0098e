/**
 * "Customer confirmed on this call" (issue 15, point 4) against a real team server: the one
 * act the extension records from any open status is accepted by the server's rulebook as it
 * stands, while a client that closes on the customer's word alone, skipping the steps or the
 * confirmation, is still refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem, ProblemEvent } from '../../lib/model';
import type { MutationResult } from '../../lib/sync/protocol';
import { newId } from '../../lib/util/ids';
import { put, TestClient, type Draft } from './client';
import { DB_KINDS, startServer, type TeamSpec, type TestServer } from './harness';
import { act, problem, tick } from './records';

const TEAMS: readonly TeamSpec[] = [
  { handle: 'acme', name: 'Acme Sales', reps: [{ handle: 'alice', name: 'Alice Ahn' }, { handle: 'bob', name: 'Bob Brandt' }] },
];

describe.each(DB_KINDS)('a close on a call on %s', (db) => {
  let server: TestServer;
  let alice: TestClient;
  let bob: TestClient;
  let aliceId: string;
  let bobId: string;

  beforeAll(async () => {
    server = await startServer({ db, teams: TEAMS, env: { HOLDFAST_RATE_BURST: '100000' } });
    alice = new TestClient(server, server.tokens.alice!);
    bob = new TestClient(server, server.tokens.bob!);
    aliceId = server.reps.alice!.id;
    bobId = server.reps.bob!.id;
  });
  afterAll(() => server?.stop());

  async function one(c: TestClient, draft: Draft): Promise<MutationResult> {
    return (await c.pushOk(c.number(draft))).results[0]!;
  }
  async function stored(id: string) {
    return (await alice.pullAll()).state.get(`problems:${id}`) as Problem | undefined;
  }
  const onCall = (p: Problem, by = aliceId) => act(p, { type: 'confirmOnCall', by: 'Dana Fox' }, by);

  it('is accepted from every open status, pushed after the stored problem or together with it', async () => {
    const open = problem(aliceId);
    expect(await one(alice, put('problems', open))).toMatchObject({ ok: true });
    expect(await one(alice, put('problems', onCall(open)))).toMatchObject({ ok: true });
    const closed = await stored(open.id);
    expect(closed).toMatchObject({ status: 'closed' });
    expect(closed!.events.map((e) => (e.type === 'status' ? e.to : e.type))).toEqual([
      'received',
      'working',
      'resolved_awaiting_confirmation',
      'confirmation',
      'closed',
    ]);
    expect(closed!.events.find((e) => e.type === 'confirmation')).toMatchObject({ confirmation: { by: 'Dana Fox', how: 'phone', satisfied: true } });

    // Logged offline and closed on the call before the first sync: one push holds it all.
    expect(await one(alice, put('problems', onCall(problem(aliceId))))).toMatchObject({ ok: true });

    for (const path of [[{ type: 'start' }], [{ type: 'start' }, { type: 'waitOnCustomer' }], [{ type: 'start' }, { type: 'markResolved' }]] as const) {
      const p = path.reduce((q, a) => act(q, a, aliceId), problem(aliceId));
      expect(await one(alice, put('problems', p))).toMatchObject({ ok: true });
      expect(await one(alice, put('problems', onCall(p)))).toMatchObject({ ok: true });
      expect(await stored(p.id)).toMatchObject({ status: 'closed' });
    }
  });

  it('a forged close without the steps or without the confirmation is still refused, with a reason', async () => {
    const p = problem(aliceId);
    expect(await one(alice, put('problems', p))).toMatchObject({ ok: true });
    const e = (type: string, extra: object) => ({ id: newId(), at: tick(), byRepId: aliceId, type, ...extra }) as ProblemEvent;
    const confirmation = { at: tick(), by: 'Dana Fox', how: 'phone' as const, satisfied: true };
    // The customer's word, then closed straight from open.
    const skipped: Problem = {
      ...p,
      status: 'closed',
      updatedAt: tick(),
      events: [...p.events, e('confirmation', { confirmation }), e('status', { from: 'open', to: 'closed' })],
    };
    expect(await one(alice, put('problems', skipped))).toMatchObject({ ok: false, code: 'invalid_transition', reason: expect.any(String) });
    // Every step but the confirmation.
    const unconfirmed: Problem = {
      ...p,
      status: 'closed',
      updatedAt: tick(),
      events: [
        ...p.events,
        e('status', { from: 'open', to: 'working' }),
        e('status', { from: 'working', to: 'resolved_awaiting_confirmation' }),
        e('status', { from: 'resolved_awaiting_confirmation', to: 'closed' }),
      ],
    };
    expect(await one(alice, put('problems', unconfirmed))).toMatchObject({
      ok: false,
      code: 'invalid_transition',
      reason: expect.stringMatching(/without the customer confirming/),
    });
    expect(await stored(p.id)).toMatchObject({ status: 'open' });
  });

  it('is not for a colleague who neither owns nor covers the problem', async () => {
    const p = problem(aliceId);
    expect(await one(alice, put('problems', p))).toMatchObject({ ok: true });
    const byBob = onCall(act(p, { type: 'addCover', repId: bobId }, bobId), bobId);
    // Signed by Bob but without his cover: what a client that skips the cover step would send.
    const forged: Problem = { ...byBob, coveringRepIds: [], events: byBob.events.filter((ev) => ev.type !== 'cover') };
    expect(await one(bob, put('problems', forged))).toMatchObject({ ok: false, code: 'not_yours' });
    expect(await one(bob, put('problems', byBob))).toMatchObject({ ok: true });
  });
});
