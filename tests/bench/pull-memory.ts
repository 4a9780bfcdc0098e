/**
 * Pull pages and server memory (issue 14, finding 1; DESIGN §7: a pull page ≤ 1 MB whatever
 * the records), on PostgreSQL (PGlite when PostgreSQL is not there):
 *
 *  - largest page: a team's stream of records near the bound (problems of about 200 KB each,
 *    the kind that once made one reply 150 MB) pulled from the start with limit=1000; the
 *    largest reply body in bytes, against the 1 MB budget;
 *  - first pulls: a team of 100,000 records (the usual mix), then 10 devices pulling it from
 *    the start at once, in pages of 1,000. Reported: the server's peak resident memory
 *    during those pulls (its high-water mark reset just before, from /proc), their time, and
 *    the largest page.
 *
 * Run alone with `node --import tsx tests/bench/pull-memory.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Problem } from '../../lib/model';
import { MAX_PULL_PAGE_BYTES } from '../../lib/sync/protocol';
import { newId } from '../../lib/util/ids';
import { put, TestClient, type Draft } from '../server/client';
import { checkPostgres, startServer, type DbKind, type TestServer } from '../server/harness';
import { contact, customer, note, problem, revenueLine, tick } from '../server/records';
import { atMost, type BenchRow } from './rows';

const RECORDS = 100_000;
const DEVICES = 10;
const PUSH_SIZE = 500;
const LARGE_PROBLEMS = 40;

const reps = [{ handle: 'writer', name: 'Writer' }, ...Array.from({ length: DEVICES }, (_, i) => ({ handle: `dev${i}`, name: `Device ${i}` }))];
const TEAMS = [
  { handle: 'big', name: 'Big Team', reps },
  { handle: 'heavy', name: 'Heavy Records', reps: [{ handle: 'heavyRep', name: 'Heavy' }] },
];

function* workload(n: number, repId: string): Generator<Draft> {
  let made = 0;
  for (let i = 0; made < n; i++) {
    const c = customer({ name: `Customer ${i}` });
    const batch: Draft[] = [put('customers', c), put('revenueLines', revenueLine(c.id)), put('contacts', contact({ customerId: c.id })), put('notes', note(repId, { customerId: c.id }))];
    if (i % 2 === 0) batch.push(put('problems', problem(repId, c.id)));
    for (const d of batch) {
      if (made++ >= n) return;
      yield d;
    }
  }
}

/** A problem of about 200 KB: ten update events of 20,000 characters (within every bound). */
function heavy(repId: string): Problem {
  const p = problem(repId);
  const events = Array.from({ length: 10 }, () => ({ id: newId(), at: tick(), byRepId: repId, type: 'update' as const, text: 'x'.repeat(20_000) }));
  return { ...p, events: [...p.events, ...events], updatedAt: tick() };
}

/** Pulls a team's whole stream from the start; returns the largest reply body in bytes. */
async function pullAllRaw(server: TestServer, token: string, clientId: string): Promise<{ largest: number; changes: number }> {
  let cursor = '0';
  let largest = 0;
  let changes = 0;
  for (;;) {
    const res = await fetch(`${server.url}/v1/pull?clientId=${clientId}&cursor=${cursor}&limit=1000`, { headers: { Authorization: `Bearer ${token}` } });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`bench: pull answered ${res.status}: ${text.slice(0, 200)}`);
    largest = Math.max(largest, Buffer.byteLength(text));
    const page = JSON.parse(text) as { changes: unknown[]; cursor: string; more: boolean };
    changes += page.changes.length;
    cursor = page.cursor;
    if (!page.more) return { largest, changes };
  }
}

/** The process's resident memory now and its high-water mark, in bytes (Linux /proc). */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** Resets the high-water mark (writing 5 to clear_refs); false where the kernel does not allow it. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

async function benchOne(db: DbKind): Promise<BenchRow[]> {
  const server = await startServer({ db, teams: TEAMS, env: { HOLDFAST_RATE_BURST: '1000000', HOLDFAST_RATE_PER_SECOND: '1000000' } });
  try {
    // Records near the bound: the page is cut by bytes.
    const heavyRep = server.reps.heavyRep!;
    const hc = new TestClient(server, heavyRep.token);
    for (let i = 0; i < LARGE_PROBLEMS; i += 10) await hc.pushOk(hc.number(...Array.from({ length: 10 }, () => put('problems', heavy(heavyRep.id)))));
    const heavyPull = await pullAllRaw(server, heavyRep.token, crypto.randomUUID());

    // A team of 100,000 records.
    const writer = server.reps.writer!;
    const wc = new TestClient(server, writer.token);
    let batch: Draft[] = [];
    for (const d of workload(RECORDS, writer.id)) {
      batch.push(d);
      if (batch.length === PUSH_SIZE) {
        await wc.pushOk(wc.number(...batch));
        batch = [];
      }
    }
    if (batch.length) await wc.pushOk(wc.number(...batch));

    const pid = server.pid()!;
    const before = memory(pid);
    const reset = resetPeak(pid);
    let sampled = before.rss;
    const sampler = setInterval(() => {
      try {
        sampled = Math.max(sampled, memory(pid).rss);
      } catch {
        // The process is gone; the pulls will say so.
      }
    }, 10);
    const t0 = performance.now();
    const pulls = await Promise.all(reps.slice(1).map((r) => pullAllRaw(server, server.reps[r.handle]!.token, crypto.randomUUID())));
    const ms = performance.now() - t0;
    clearInterval(sampler);
    const after = memory(pid);
    const peak = reset ? Math.max(after.peak, sampled) : sampled;
    const expected = RECORDS + reps.length;
    for (const p of pulls) if (p.changes !== expected) throw new Error(`bench: a device pulled ${p.changes} changes, expected ${expected}`);
    const largest = Math.max(heavyPull.largest, ...pulls.map((p) => p.largest));
    const mb = (b: number) => Math.round((b / (1024 * 1024)) * 10) / 10;

    return [
      atMost(`pull: largest page in bytes (records of ~200 KB and a team of 100k), ${db}`, largest, 'B', MAX_PULL_PAGE_BYTES),
      { name: `pull: server peak RSS, ${DEVICES} concurrent first pulls of 100k records, ${db}`, value: mb(peak), unit: 'MB', budget: 'report' },
      { name: `pull: server RSS before those pulls, ${db}`, value: mb(before.rss), unit: 'MB', budget: 'report' },
      { name: `pull: ${DEVICES} concurrent first pulls of 100k records (pages of 1,000), ${db}`, value: Math.round(ms), unit: 'ms', budget: 'report' },
    ];
  } finally {
    await server.stop();
  }
}

export async function benchPullMemory(): Promise<BenchRow[]> {
  try {
    await checkPostgres();
  } catch (err) {
    process.stderr.write(`bench: pull memory on PostgreSQL skipped, measuring PGlite: ${err instanceof Error ? err.message : String(err)}\n`);
    return benchOne('pglite');
  }
  return benchOne('postgres');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchPullMemory());
}
