/**
 * The coach part of "what do we know about this subject" (issue 7) at the scale of DESIGN §7:
 * the subject-query data (100,000 customers, 1,000,000 revenue lines, 100,000 problems) plus
 * 2,000 coaches — each with a contact, an employer and a referral, and the derived index field
 * `customerKeys` as lib/db/coach-rows.ts derives it — in the built extension's real Chromium
 * IndexedDB. Timed like tests/bench/subject-query.ts: whole `lookupSubject` round trips from
 * the options page, 200 subjects after a warm-up, four kinds:
 * - a CRM page of a customer a coach introduced (the badge: links, contacts, budget);
 * - a CRM page of a customer no coach touches;
 * - a mail thread in which a coach writes from a new company (exact address, then the
 *   mailbox-name prefix and display name, the move and the prospect check);
 * - a mail thread from strangers (both contact lookups miss).
 *
 * Run alone with `npm run build && node --import tsx tests/bench/coach-query.ts`.
 */
import { pathToFileURL } from 'node:url';
import { launchWithExtension } from '../e2e/browser';
import { atMost, median, type BenchRow } from './rows';
import { seed } from './subject-query';

const CUSTOMERS = 100_000;
const COACHES = 2_000;
const SAMPLES = 200;
const WARMUP = 20;

/** Runs in the options page: coaches (with their derived `customerKeys`) and contacts, in one transaction. */
export async function seedCoaches(args: { customers: number; coaches: number }): Promise<void> {
  const pad = (n: number) => String(n).padStart(7, '0');
  const cid = (n: number) => `c-${pad(n)}`;
  const updatedAt = '2026-11-01T00:00:00.000Z';
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('holdfast');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['contacts', 'coaches'], 'readwrite', { durability: 'relaxed' });
      for (let j = 0; j < args.coaches; j++) {
        const employer = (j * 37) % args.customers;
        const referred = (j * 91 + 5) % args.customers;
        tx.objectStore('contacts').put({ id: `ct-${j}`, updatedAt, name: `Coach Person ${j}`, emails: [`coach.${j}@company${employer}.example`], customerId: cid(employer) });
        tx.objectStore('coaches').put({
          id: `k-${j}`,
          updatedAt,
          contactId: `ct-${j}`,
          employers: [{ company: `Company ${employer}`, domain: `company${employer}.example`, from: '2020-01-01' }],
          referrals: [{ customerId: cid(referred), date: '2023-05-01', outcome: 'won' }],
          gifts: [{ date: '2026-10-15', amount: 5000, currency: 'USD' }],
          budget: { period: 'quarter', amount: 30000, currency: 'USD' },
          lastTouchAt: '2026-10-15',
          // Derived exactly as lib/db/coach-rows.ts coachCustomerKeys does.
          customerKeys: [`id:${cid(referred)}`, `d:company${employer}.example`, `c:company ${employer}`],
        });
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** Runs in the options page. */
export async function timeCoachLookups(args: { customers: number; coaches: number; samples: number; warmup: number }): Promise<Array<{ kind: string; ms: number; coach: string }>> {
  let seed = 7;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const kinds = ['introduced', 'plain', 'move', 'strangers'] as const;
  const recordId = (i: number) => `001Dn${i.toString(36).toUpperCase().padStart(13, '0')}`;
  const subject = (kind: (typeof kinds)[number]) => {
    const j = Math.floor(rand() * args.coaches);
    switch (kind) {
      case 'introduced':
        return { site: 'salesforce', tenant: 'acme', objectType: 'Account', recordId: recordId((j * 91 + 5) % args.customers), emails: [], domains: [] };
      case 'plain':
        // No coach touches these: employers are multiples of 37 below 74,000, referred customers
        // are 5 or 14 modulo 91 (j × 91 + 5, wrapped at 100,000); these are 67 modulo 91, above 74,000.
        return { site: 'salesforce', tenant: 'acme', objectType: 'Account', recordId: recordId(74_050 + Math.floor(rand() * 280) * 91), emails: [], domains: [] };
      case 'move': {
        const old = `coach.${j}@company${(j * 37) % args.customers}.example`;
        const now = `coach.${j}@newco${j}.example`;
        return {
          site: 'gmail', objectType: 'thread', recordId: `FMfcgzQXKbench${String(j).padStart(18, '0')}`, tenant: 'u/0',
          emails: [old, now], domains: [old.split('@')[1], `newco${j}.example`],
          messages: [{ from: old, fromName: `Coach Person ${j}` }, { from: now, fromName: `Coach Person ${j}` }],
        };
      }
      default:
        return {
          site: 'gmail', objectType: 'thread', recordId: `FMfcgzQXKbench${String(j).padStart(18, '9')}`, tenant: 'u/0',
          emails: [`someone.${j}@nobody${j}.example`], domains: [`nobody${j}.example`],
          messages: [{ from: `someone.${j}@nobody${j}.example`, fromName: `Some One ${j}` }, { from: `info@nobody${j}.example`, fromName: 'Info' }],
        };
    }
  };
  type Reply = { ok: boolean; error?: string; data?: { coach?: { coaches: unknown[]; moves: unknown[] } } };
  const ask = async (data: unknown) => (await chrome.runtime.sendMessage({ hf: 'lookupSubject', data })) as Reply;
  for (let i = 0; i < args.warmup; i++) await ask(subject(kinds[i % 4]!));
  const out: Array<{ kind: string; ms: number; coach: string }> = [];
  for (let i = 0; i < args.samples; i++) {
    const kind = kinds[i % 4]!;
    const s = subject(kind);
    const t0 = performance.now();
    const reply = await ask(s);
    const ms = performance.now() - t0;
    if (!reply.ok) throw new Error(`lookupSubject failed: ${reply.error}`);
    const c = reply.data?.coach;
    out.push({ kind, ms, coach: c ? `${c.coaches.length} badges, ${c.moves.length} moves` : 'none' });
  }
  return out;
}

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

export async function benchCoachQuery(): Promise<BenchRow[]> {
  const { context, extensionId } = await launchWithExtension({ grant: [] });
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.evaluate('globalThis.__name = (f) => f');
    await seed(page);
    await page.evaluate(seedCoaches, { customers: CUSTOMERS, coaches: COACHES });
    const runs = await page.evaluate(timeCoachLookups, { customers: CUSTOMERS, coaches: COACHES, samples: SAMPLES, warmup: WARMUP });
    // The lookups must have found what they were built to find, or the timings mean nothing.
    const expect = (kind: string, ok: (coach: string) => boolean) => {
      const bad = runs.filter((r) => r.kind === kind && !ok(r.coach));
      if (bad.length) throw new Error(`${bad.length} ${kind} lookups answered ${bad[0]!.coach}`);
    };
    expect('introduced', (c) => /^[1-9]\d* badges/.test(c));
    expect('move', (c) => c.endsWith(' 1 moves'));
    expect('plain', (c) => c === 'none');
    const rows: BenchRow[] = [
      atMost(`coach query: lookupSubject round trip with ${COACHES} coaches, all kinds (median of ${SAMPLES})`, round(median(runs.map((r) => r.ms))), 'ms', 5),
    ];
    for (const kind of ['introduced', 'plain', 'move', 'strangers']) {
      const ms = runs.filter((r) => r.kind === kind).map((r) => r.ms);
      rows.push({ name: `coach query: ${kind} (median of ${ms.length})`, value: round(median(ms)), unit: 'ms', budget: 'report' });
    }
    return rows;
  } finally {
    await context.close();
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchCoachQuery());
}
