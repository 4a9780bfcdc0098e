/**
 * Team sync benchmarks (DESIGN §7: 10,000 mutations pushed and pulled through the server on
 * loopback ≤ 3 s), with PGlite and with PostgreSQL: the real server process (the test
 * harness starts it), real HTTP, the protocol's schemas on both ends.
 *
 *  - 10k: one client pushes 10,000 mutations in pushes of 500 (the protocol's maximum), one
 *    after another as the outbox does, then a second client pulls the team's stream from
 *    the start in pages of 1,000. The budget is on push + pull, on a warmed-up server (a
 *    first 1,500 mutations of another team); the cold first push is reported apart.
 *  - load: 8 reps' clients push 1,000 mutations each, in pushes of 100, all at once: a
 *    bounded load, reporting mutations per second and the 95th-percentile push latency.
 *    Pushes of one team are serialised by design (see server/sync/push.ts), so this is
 *    the figure for one busy team.
 *
 *  - Each runs with one server on PGlite, one on PostgreSQL, and two server processes on one
 *    PostgreSQL (DESIGN §6: instances behind a load balancer) with every request of every
 *    client going to the other instance than the one before (see harness.ts: push 1 to A,
 *    push 2 to B, …; the pull's pages by turns). Same budget, same checks: at the end every
 *    instance serves the team exactly the records that were pushed.
 *
 * The records are a realistic mix: customers, revenue lines, contacts, team notes, and
 * problems with their event logs (which the server replays on every push).
 * Run alone with `node --import tsx tests/bench/sync.ts`; needs PostgreSQL as the server
 * tests do (scripts/setup.sh), and reports the PostgreSQL rows as skipped without it.
 */
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { Change, Mutation } from '../../lib/sync/protocol';
import { put, TestClient, type Draft } from '../server/client';
import { checkPostgres, startServer, type DbKind, type TeamSpec } from '../server/harness';
import { contact, customer, note, problem, revenueLine } from '../server/records';
import { atMost, type BenchRow } from './rows';

const TOTAL = 10_000;
const PUSH_SIZE = 500;
const LOAD_CLIENTS = 8;
const LOAD_EACH = 1_000;
const LOAD_PUSH_SIZE = 100;

const TEAM: TeamSpec = {
  handle: 'bench',
  name: 'Bench Sales',
  reps: Array.from({ length: LOAD_CLIENTS }, (_, i) => ({ handle: `rep${i}`, name: `Rep ${i}` })),
};

/** A team of its own for the warm-up, so the measured team's stream holds only what is measured. */
const WARM_TEAM: TeamSpec = { handle: 'warm', name: 'Warm-up', reps: [{ handle: 'warmRep', name: 'Warm' }] };
const WARM_UP = 1_500;

const round = (v: number) => Math.round(v);

/** `n` drafts as a rep's working day makes them: mostly CRM data, some notes and problems. */
function workload(n: number, repId: string): Draft[] {
  const out: Draft[] = [];
  for (let i = 0; out.length < n; i++) {
    const c = customer({ name: `Customer ${i}` });
    out.push(put('customers', c), put('revenueLines', revenueLine(c.id)), put('revenueLines', revenueLine(c.id, { product: 'Support' })));
    out.push(put('contacts', contact({ customerId: c.id })), put('notes', note(repId, { customerId: c.id })));
    if (i % 2 === 0) out.push(put('problems', problem(repId, c.id)));
  }
  return out.slice(0, n);
}

/** What the team's stream should hold after `pushed`: the last record put under each table:id. */
function expectedState(pushed: readonly Mutation[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const m of pushed) if (m.op === 'put') out.set(`${m.table}:${m.record.id}`, m.record);
  return out;
}

/** Records that differ between `expected` and `got` (missing, extra or changed), ignoring the keys `skip` accepts. */
function differing(expected: ReadonlyMap<string, unknown>, got: ReadonlyMap<string, Change['record']>, skip: (key: string) => boolean): number {
  let n = 0;
  for (const [key, record] of expected) if (!isDeepStrictEqual(got.get(key), record)) n++;
  for (const key of got.keys()) if (!expected.has(key) && !skip(key)) n++;
  return n;
}

function chunks<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

async function benchOne(db: DbKind, instances = 1): Promise<BenchRow[]> {
  const label = instances === 1 ? db : `${db}, ${instances} instances`;
  // With several instances, each request goes to the next instance in turn (server.url, harness.ts).
  const server = await startServer({ db, instances, teams: [TEAM, WARM_TEAM], env: { HOLDFAST_RATE_BURST: '1000000', HOLDFAST_RATE_PER_SECOND: '1000000' } });
  try {
    const rep0 = server.reps.rep0!;
    // A server runs for days; its first requests pay for loading modules and for V8 compiling
    // JavaScript and PGlite's WebAssembly to optimised code. That is measured apart, on
    // another team: the time of the first push of 500 into a fresh server. Each instance is
    // warmed up alike, on its own (the first instance's cold push is the one reported).
    const warmRep = server.reps.warmRep!;
    let coldPush = NaN;
    for (const url of server.urls) {
      const warm = new TestClient({ ...server, url }, warmRep.token);
      const warmPushes = chunks(warm.number(...workload(WARM_UP, warmRep.id)), PUSH_SIZE);
      const c0 = performance.now();
      await warm.pushOk(warmPushes[0]!);
      if (Number.isNaN(coldPush)) coldPush = performance.now() - c0;
      for (const p of warmPushes.slice(1)) await warm.pushOk(p);
      await warm.pullAll('0', 1000);
    }

    // 10,000 pushed, then pulled.
    const writer = new TestClient(server, rep0.token);
    const pushes: Mutation[][] = chunks(writer.number(...workload(TOTAL, rep0.id)), PUSH_SIZE);
    const t0 = performance.now();
    for (const p of pushes) {
      const r = await writer.pushOk(p);
      if (r.results.some((x) => !x.ok)) throw new Error(`bench: a mutation was refused: ${JSON.stringify(r.results.find((x) => !x.ok))}`);
    }
    const t1 = performance.now();
    const reader = new TestClient(server, server.reps.rep1!.token);
    const pulled = await reader.pullAll('0', 1000);
    const t2 = performance.now();
    // The 10,000 and the team's rep records: nothing more, nothing less.
    if (pulled.state.size !== TOTAL + LOAD_CLIENTS) throw new Error(`bench: pulled ${pulled.state.size} records, expected ${TOTAL + LOAD_CLIENTS}`);

    const pushedAll: Mutation[] = pushes.flat();
    // Bounded concurrent load: every rep's client at once.
    const latencies: number[] = [];
    const l0 = performance.now();
    await Promise.all(
      TEAM.reps.map(async (spec) => {
        const rep = server.reps[spec.handle]!;
        const c = new TestClient(server, rep.token);
        for (const p of chunks(c.number(...workload(LOAD_EACH, rep.id)), LOAD_PUSH_SIZE)) {
          pushedAll.push(...p);
          const s = performance.now();
          await c.pushOk(p);
          latencies.push(performance.now() - s);
        }
      }),
    );
    const loadMs = performance.now() - l0;

    // The same end state on every instance: the team's whole stream, pulled from each one
    // alone, is exactly what was pushed (the reps' profile records aside, which the invite wrote).
    const expected = expectedState(pushedAll);
    let wrong = 0;
    for (const url of server.urls) {
      const { state } = await new TestClient({ ...server, url }, server.reps.rep1!.token).pullAll('0', 1000);
      wrong += differing(expected, state, (key) => key.startsWith('reps:'));
      wrong += Math.abs([...state.keys()].filter((key) => key.startsWith('reps:')).length - LOAD_CLIENTS);
    }

    return [
      atMost(`sync: 10,000 mutations pushed (500 a push) and pulled, ${label}`, round(t2 - t0), 'ms', 3000),
      { name: `sync: of which push, ${label}`, value: round(t1 - t0), unit: 'ms', budget: 'report' },
      { name: `sync: of which pull (pages of 1,000), ${label}`, value: round(t2 - t1), unit: 'ms', budget: 'report' },
      { name: `sync: first push of 500 into a fresh server (cold), ${label}`, value: round(coldPush), unit: 'ms', budget: 'report' },
      { name: `sync: ${LOAD_CLIENTS} clients × ${LOAD_EACH} mutations at once, ${label}`, value: round((LOAD_CLIENTS * LOAD_EACH) / (loadMs / 1000)), unit: 'mut/s', budget: 'report' },
      { name: `sync: p95 push latency (${LOAD_PUSH_SIZE} a push) under that load, ${label}`, value: round(percentile(latencies, 95)), unit: 'ms', budget: 'report' },
      atMost(`sync: records not as pushed, on any instance (of ${expected.size}), ${label}`, wrong, 'records', 0),
    ];
  } finally {
    await server.stop();
  }
}

export async function benchSync(): Promise<BenchRow[]> {
  const rows = await benchOne('pglite');
  try {
    await checkPostgres();
  } catch (err) {
    process.stderr.write(`bench: sync on PostgreSQL skipped: ${err instanceof Error ? err.message : String(err)}\n`);
    return [...rows, { name: 'sync: PostgreSQL rows skipped (no PostgreSQL; run scripts/setup.sh)', value: 0, unit: '', budget: 'report' }];
  }
  return [...rows, ...(await benchOne('postgres')), ...(await benchOne('postgres', 2))];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchSync());
}
