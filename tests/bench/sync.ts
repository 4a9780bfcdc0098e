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
 * The records are a realistic mix: customers, revenue lines, contacts, team notes, and
 * problems with their event logs (which the server replays on every push).
 * Run alone with `node --import tsx tests/bench/sync.ts`; needs PostgreSQL as the server
 * tests do (scripts/setup.sh), and reports the PostgreSQL rows as skipped without it.
 */
import { pathToFileURL } from 'node:url';
import type { Mutation } from '../../lib/sync/protocol';
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

function chunks<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

async function benchOne(db: DbKind): Promise<BenchRow[]> {
  const server = await startServer({ db, teams: [TEAM, WARM_TEAM], env: { HOLDFAST_RATE_BURST: '1000000', HOLDFAST_RATE_PER_SECOND: '1000000' } });
  try {
    const rep0 = server.reps.rep0!;
    // A server runs for days; its first requests pay for loading modules and for V8 compiling
    // JavaScript and PGlite's WebAssembly to optimised code. That is measured apart, on
    // another team: the time of the first push of 500 into a fresh server.
    const warmRep = server.reps.warmRep!;
    const warm = new TestClient(server, warmRep.token);
    const warmPushes = chunks(warm.number(...workload(WARM_UP, warmRep.id)), PUSH_SIZE);
    const c0 = performance.now();
    await warm.pushOk(warmPushes[0]!);
    const coldPush = performance.now() - c0;
    for (const p of warmPushes.slice(1)) await warm.pushOk(p);
    await warm.pullAll('0', 1000);

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

    // Bounded concurrent load: every rep's client at once.
    const latencies: number[] = [];
    const l0 = performance.now();
    await Promise.all(
      TEAM.reps.map(async (spec) => {
        const rep = server.reps[spec.handle]!;
        const c = new TestClient(server, rep.token);
        for (const p of chunks(c.number(...workload(LOAD_EACH, rep.id)), LOAD_PUSH_SIZE)) {
          const s = performance.now();
          await c.pushOk(p);
          latencies.push(performance.now() - s);
        }
      }),
    );
    const loadMs = performance.now() - l0;

    return [
      atMost(`sync: 10,000 mutations pushed (500 a push) and pulled, ${db}`, round(t2 - t0), 'ms', 3000),
      { name: `sync: of which push, ${db}`, value: round(t1 - t0), unit: 'ms', budget: 'report' },
      { name: `sync: of which pull (pages of 1,000), ${db}`, value: round(t2 - t1), unit: 'ms', budget: 'report' },
      { name: `sync: first push of 500 into a fresh server (cold), ${db}`, value: round(coldPush), unit: 'ms', budget: 'report' },
      { name: `sync: ${LOAD_CLIENTS} clients × ${LOAD_EACH} mutations at once, ${db}`, value: round((LOAD_CLIENTS * LOAD_EACH) / (loadMs / 1000)), unit: 'mut/s', budget: 'report' },
      { name: `sync: p95 push latency (${LOAD_PUSH_SIZE} a push) under that load, ${db}`, value: round(percentile(latencies, 95)), unit: 'ms', budget: 'report' },
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
  return [...rows, ...(await benchOne('postgres'))];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchSync());
}
