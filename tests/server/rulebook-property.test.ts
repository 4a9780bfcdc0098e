/**
 * One rulebook, two sides (issue 14): random histories of problem actions by random reps run
 * through the client's rules (lib/owners applyAction, as the extension runs them) and through
 * a real server on both databases; the verdicts must agree every time. Where the client
 * refuses an act, the server is sent what a hostile client would send instead: the act's
 * events appended by hand, signed by the actor, with the record patched to match.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyAction } from '../../lib/owners/lifecycle';
import { jsonEqual } from '../../lib/owners/json-equal';
import { newId } from '../../lib/util/ids';
import { put, TestClient } from './client';
import { DB_KINDS, startServer, type TeamSpec, type TestServer } from './harness';
import { forge, HANDLES, history, LEAD_HANDLE, toAction, type Who } from '../unit/owners/histories';
import { problem, tick } from './records';

const TEAMS: readonly TeamSpec[] = [
  {
    handle: 'acme',
    name: 'Acme Sales',
    reps: [
      { handle: 'alice', name: 'Alice Ahn' },
      { handle: 'bob', name: 'Bob Brandt' },
      { handle: 'carol', name: 'Carol Cruz' },
      { handle: 'lena', name: 'Lena Li', lead: true },
    ],
  },
];
/** Bounded so the pair of runs stays well under a minute; raise it locally to hunt harder. */
const RUNS = Number(process.env.HOLDFAST_PROPERTY_RUNS) || 50;

describe.each(DB_KINDS)('client and server give the same verdict on %s', (db) => {
  let server: TestServer;
  const clients = {} as Record<Who, TestClient>;
  const id = {} as Record<Who, string>;

  beforeAll(async () => {
    server = await startServer({ db, teams: TEAMS, env: { HOLDFAST_RATE_BURST: '100000', HOLDFAST_RATE_PER_SECOND: '100000' } });
    for (const h of HANDLES) {
      clients[h] = new TestClient(server, server.tokens[h]!);
      id[h] = server.reps[h]!.id;
    }
  });
  afterAll(() => server?.stop());

  it('random histories by random reps: the server allows exactly what the client allows', async () => {
    let runs = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(history, async ({ owner, steps }) => {
        runs++;
        let model = problem(id[owner]);
        const created = await clients[owner].pushOk(clients[owner].number(put('problems', model)));
        expect(created.results[0]).toMatchObject({ ok: true });

        for (const { by, act: a } of steps) {
          const at = tick();
          const action = toAction(a, at, model, id);
          const local = applyAction(model, action, { actor: id[by], actorIsLead: by === LEAD_HANDLE, now: at, newId });
          const sent = local.ok ? local.problem : forge(model, action, id[by], at, newId);
          const c = clients[by];
          const [answer] = (await c.pushOk(c.number(put('problems', sent)))).results;
          const verdicts = { action: a.type, by, client: local.ok ? 'ok' : local.code, server: answer!.ok ? 'ok' : `${answer!.code}: ${answer!.reason}` };
          expect(answer!.ok, JSON.stringify(verdicts)).toBe(local.ok);
          if (local.ok) model = local.problem;
          else refused++;
        }
        // And the server holds exactly the client's problem.
        const held = (await clients.lena.pullAll()).state.get(`problems:${model.id}`);
        expect(jsonEqual(held, model)).toBe(true);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    expect(runs).toBe(RUNS);
    // The histories must exercise refusals, not only the happy path.
    expect(refused).toBeGreaterThan(10);
  });
});
