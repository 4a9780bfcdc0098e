// The CRM sync engine against a scripted client and a real (fake-indexeddb) database: what a
// rep would see or lose when a sync completes, fails halfway, is cancelled, or the CRM
// changes, merges or deletes records.
import { beforeEach, describe, expect, it } from 'vitest';
import { HoldfastDB, fromRow, saveCustomer } from '@/lib/db';
import { runCrmSync, SKEW_MS } from '@/lib/crm/engine';
import { CrmError } from '@/lib/crm/errors';
import type { CrmConnectionRow, CrmProgress } from '@/lib/crm/state';
import type { CrmAccount, CrmClient, CrmDeal, CrmPage, ReadOptions } from '@/lib/crm/types';
import { newId, nowIso } from '@/lib/util/ids';

let db: HoldfastDB;
beforeEach(async () => {
  db = new HoldfastDB(`crm-engine-${newId()}`);
  await db.open();
});

const T0 = Date.parse('2026-12-01T10:00:00.000Z');

const page = (over: Partial<CrmPage>): CrmPage => ({ accounts: [], deals: [], removedAccounts: [], removedDeals: [], records: 0, phase: 'deals', ...over });
const accountsPage = (accounts: CrmAccount[]) => page({ accounts, phase: 'accounts', records: accounts.length });
const dealsPage = (deals: CrmDeal[]) => page({ deals, records: deals.length + deals.reduce((n, d) => n + d.lines.length, 0) });

/** A client whose reads answer scripted pages; `failAfter` pages, it throws `failure`. */
function fakeClient(script: Array<CrmPage[] | { pages: CrmPage[]; failAfter: number; failure: Error }>) {
  const reads: ReadOptions[] = [];
  const client: CrmClient = {
    product: 'salesforce',
    whoAmI: async () => ({ tenant: 'acme', apiHost: 'acme.my.salesforce.com' }),
    async *read(o) {
      reads.push(o);
      const step = script[reads.length - 1] ?? [];
      const { pages, failAfter, failure } = Array.isArray(step) ? { pages: step, failAfter: Infinity, failure: undefined } : step;
      let n = 0;
      for (const p of pages) {
        if (n++ >= failAfter) throw failure;
        yield p;
      }
      if (failure && n >= failAfter) throw failure;
    },
  };
  return { client, reads };
}

const connection = (over: Partial<CrmConnectionRow> = {}): CrmConnectionRow => ({
  key: 'salesforce', apiHost: 'acme.my.salesforce.com', tenant: 'acme', share: 'team', connectedAt: '2026-12-01T09:00:00.000Z', failures: 0, currency: 'USD', ...over,
});

const ACME: CrmAccount = { id: '001000000000001AAA', name: 'Acme', website: 'acme.com', ownerEmail: 'ana@x.com' };
const BETA: CrmAccount = { id: '001000000000002AAA', name: 'Beta', website: 'beta.io' };
const deal = (id: string, accountId: string, lines: Array<[string, string, number]>, over: Partial<CrmDeal> = {}): CrmDeal => ({
  id, name: `Deal ${id}`, accountId, closeDate: '2025-06-30', currency: 'USD', lines: lines.map(([lid, product, amount]) => ({ id: lid, product, amount })), ...over,
});

async function sync(client: CrmClient, over: Partial<CrmConnectionRow> = {}, opts: Partial<Parameters<typeof runCrmSync>[0]> = {}) {
  const row = (await db.crm.get('salesforce')) ?? connection(over);
  if (!(await db.crm.get('salesforce'))) await db.crm.put(row);
  return runCrmSync({ db, row, client, now: () => T0, random: () => 0.5, ...opts });
}

const live = async () => (await db.revenueLines.toArray()).filter((l) => !l.deleted);
const liveCustomers = async () => (await db.customers.toArray()).filter((c) => !c.deleted);
const byProduct = async () => Object.fromEntries((await live()).map((l) => [l.product, l.amount]));

describe('the first sync', () => {
  it('writes accounts, then deals line by line, and records where the next read starts', async () => {
    const { client, reads } = fakeClient([[
      accountsPage([ACME, BETA]),
      dealsPage([deal('006A', ACME.id, [['00kA1', 'Seats', 1200.1], ['00kA2', 'Support', 300]]), deal('006B', BETA.id, [], { amount: 5000 })]),
      dealsPage([deal('006C', '001000000000009AAA', [['00kC1', 'Seats', 99.99]], { accountName: 'Gamma Ltd' })]),
    ]]);
    const progress: CrmProgress[] = [];
    const result = await sync(client, {}, { onProgress: (p) => progress.push(p) });

    expect(result.error).toBeUndefined();
    expect(result.changed).toBe(true);
    expect(reads[0]).not.toHaveProperty('since');
    expect(await byProduct()).toEqual({ Seats: 9999, Support: 30000, Unspecified: 500000 });
    const seats = (await live()).filter((l) => l.product === 'Seats').map((l) => l.amount).sort((a, b) => a - b);
    expect(seats).toEqual([9999, 120010]);
    // The deal's account unknown to both: a customer is made from what the deal says.
    expect((await liveCustomers()).map((c) => c.name).sort()).toEqual(['Acme', 'Beta', 'Gamma Ltd']);
    const acme = (await liveCustomers()).find((c) => c.name === 'Acme')!;
    expect(fromRow(acme).crmRefs).toEqual([{ site: 'salesforce', tenant: 'acme', objectType: 'Account', recordId: ACME.id }]);
    expect((await live()).find((l) => l.product === 'Support')).toMatchObject({ customerId: acme.id, deal: 'salesforce|acme|opportunity|006A' });

    const row = (await db.crm.get('salesforce'))!;
    expect(row).toMatchObject({ since: new Date(T0 - SKEW_MS).toISOString(), lastSyncAt: new Date(T0).toISOString(), failures: 0, lastCounts: { accounts: 2, deals: 3, lines: 4, removed: 0 } });
    expect(row).not.toHaveProperty('lastError');
    expect(progress.map((p) => [p.phase, p.pages, p.records])).toEqual([['accounts', 1, 2], ['deals', 2, 6], ['deals', 3, 8]]);
    expect(progress.every((p) => p.first)).toBe(true);
  });

  it('a second read of the same data changes nothing, and starts from the first one’s start', async () => {
    const pages = [accountsPage([ACME]), dealsPage([deal('006A', ACME.id, [['00kA1', 'Seats', 10]])])];
    const { client, reads } = fakeClient([pages, pages]);
    await sync(client);
    const stamps = (await db.revenueLines.toArray()).map((l) => l.updatedAt);
    const again = await sync(client, {}, { now: () => T0 + 3_600_000 });
    expect(again.changed).toBe(false);
    expect(reads[1]).toMatchObject({ since: new Date(T0 - SKEW_MS).toISOString() });
    expect((await db.revenueLines.toArray()).map((l) => l.updatedAt)).toEqual(stamps);
    expect((await db.crm.get('salesforce'))!.lastCounts).toEqual({ accounts: 1, deals: 1, lines: 1, removed: 0 });
  });
});

describe('a sync that fails or stops halfway', () => {
  it('keeps everything read before the failure, leaves `since` alone and backs off; the next sync finishes', async () => {
    const pages = [
      accountsPage([ACME, BETA]),
      dealsPage([deal('006A', ACME.id, [['00kA1', 'Seats', 100]])]),
      dealsPage([deal('006B', BETA.id, [['00kB1', 'Seats', 200]])]),
    ];
    const limit = new CrmError('rate_limited', 'REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.', 120_000, 403);
    const { client, reads } = fakeClient([{ pages, failAfter: 2, failure: limit }, pages]);
    const failed = await sync(client, {}, { batch: 1 });
    expect(failed.error?.code).toBe('rate_limited');
    expect((await live()).map((l) => l.amount)).toEqual([10000]);
    const row = (await db.crm.get('salesforce'))!;
    expect(row).not.toHaveProperty('since');
    expect(row).not.toHaveProperty('lastSyncAt');
    expect(row.lastError).toEqual({ code: 'rate_limited', detail: 'REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.', at: new Date(T0).toISOString() });
    expect(row.failures).toBe(1);
    // The API's own wait (2 min) is the floor of the backoff.
    expect(row.nextAttemptAt).toBe(T0 + 120_000);

    const ok = await sync(client);
    expect(ok.error).toBeUndefined();
    expect(reads[1]).not.toHaveProperty('since'); // the first read starts again
    expect((await live()).map((l) => l.amount).sort()).toEqual([10000, 20000]);
    expect(await db.crm.get('salesforce')).toMatchObject({ failures: 0, lastCounts: { deals: 2, lines: 2 } });
    expect(await db.crm.get('salesforce')).not.toHaveProperty('nextAttemptAt');
  });

  it('cancelled: what was written stays, nothing counts as a failure', async () => {
    const abort = new AbortController();
    const pages = [accountsPage([ACME]), dealsPage([deal('006A', ACME.id, [['00kA1', 'Seats', 100]])]), dealsPage([deal('006B', ACME.id, [['00kB1', 'Seats', 200]])])];
    const { client } = fakeClient([pages]);
    let n = 0;
    const result = await sync(client, {}, { batch: 1, signal: abort.signal, onProgress: () => (++n === 3 ? abort.abort() : undefined) });
    expect(result.error?.code).toBe('cancelled');
    expect((await live()).map((l) => l.amount)).toEqual([10000]);
    const row = (await db.crm.get('salesforce'))!;
    expect(row).toMatchObject({ failures: 0, lastError: { code: 'cancelled' } });
    expect(row).not.toHaveProperty('since');
    expect(row).not.toHaveProperty('nextAttemptAt');
  });

  it('a connection dropped while its sync ran is not brought back', async () => {
    const { client } = fakeClient([[accountsPage([ACME])]]);
    await db.crm.put(connection());
    const row = (await db.crm.get('salesforce'))!;
    await db.crm.delete('salesforce');
    await runCrmSync({ db, row, client, now: () => T0 });
    expect(await db.crm.count()).toBe(0);
    expect(await liveCustomers()).toHaveLength(1); // what it read stays: the rep's book now
  });
});

describe('incremental syncs follow the CRM', () => {
  async function firstSync(deals: CrmDeal[], share: 'me' | 'team' = 'team') {
    const { client } = fakeClient([[accountsPage([ACME, BETA]), dealsPage(deals)]]);
    await sync(client, { share });
  }

  it('a deal that lost a line: that line is retired, the others stay', async () => {
    await firstSync([deal('006A', ACME.id, [['00kA1', 'Seats', 100], ['00kA2', 'Support', 50]])]);
    const { client } = fakeClient([[dealsPage([deal('006A', ACME.id, [['00kA1', 'Seats', 120]])])]]);
    const result = await sync(client, {}, { now: () => T0 + 60_000 });
    expect(result.changed).toBe(true);
    expect(await byProduct()).toEqual({ Seats: 12000 });
    const gone = (await db.revenueLines.toArray()).find((l) => l.product === 'Support')!;
    expect(gone).toMatchObject({ deleted: true, updatedAt: new Date(T0 + 60_000).toISOString() });
    expect((await db.crm.get('salesforce'))!.lastCounts).toEqual({ accounts: 2, deals: 1, lines: 1, removed: 1 });
  });

  it('a reopened (or deleted) deal takes all its revenue with it; the rep’s correction on another deal stays', async () => {
    await firstSync([deal('006A', ACME.id, [['00kA1', 'Seats', 100], ['00kA2', 'Support', 50]]), deal('006B', ACME.id, [['00kB1', 'Training', 70]])]);
    const training = (await live()).find((l) => l.product === 'Training')!;
    await db.revenueLines.put({ ...training, kind: 'cross_sell' });
    const { client } = fakeClient([[page({ phase: 'removals', removedDeals: ['006A'], records: 1 })]]);
    await sync(client);
    expect(await byProduct()).toEqual({ Training: 7000 });
    expect((await live())[0]!.kind).toBe('cross_sell');
    expect((await db.crm.get('salesforce'))!.lastCounts).toEqual({ accounts: 2, deals: 1, lines: 1, removed: 1 });
  });

  it('a deal moved to another account: its lines follow it', async () => {
    await firstSync([deal('006A', ACME.id, [['00kA1', 'Seats', 100]])]);
    const { client } = fakeClient([[dealsPage([deal('006A', BETA.id, [['00kA1', 'Seats', 100]])])]]);
    await sync(client);
    const beta = (await liveCustomers()).find((c) => c.name === 'Beta')!;
    expect((await live()).map((l) => l.customerId)).toEqual([beta.id]);
  });

  it('a merge moves the loser’s revenue and everything the rep entered to the master, and retires the loser', async () => {
    await firstSync([deal('006A', ACME.id, [['00kA1', 'Seats', 100]]), deal('006B', BETA.id, [['00kB1', 'Support', 40]])]);
    const customers = await liveCustomers();
    const acmeId = customers.find((c) => c.name === 'Acme')!.id;
    const betaId = customers.find((c) => c.name === 'Beta')!.id;
    const repId = newId();
    await db.notes.put({ id: newId(), updatedAt: nowIso(), customerId: betaId, text: 'CFO prefers calls', authorRepId: repId, visibility: 'team' });
    await db.problems.put({
      id: newId(), updatedAt: nowIso(), customerId: betaId, title: 'Invoices late', severity: 'normal', channel: 'email', receivedAt: nowIso(),
      ownerRepId: repId, coveringRepIds: [], status: 'open', reopenCount: 0, events: [],
    });

    const { client } = fakeClient([[page({ phase: 'removals', removedAccounts: [{ id: BETA.id, mergedInto: ACME.id }], records: 1 })]]);
    await sync(client);
    expect((await live()).map((l) => l.customerId)).toEqual([acmeId, acmeId]);
    expect((await db.notes.toArray()).map((n) => n.customerId)).toEqual([acmeId]);
    expect((await db.problems.toArray()).map((p) => p.customerId)).toEqual([acmeId]);
    const after = await liveCustomers();
    expect(after.map((c) => c.name)).toEqual(['Acme']);
    expect(after[0]!.domains.sort()).toEqual(['acme.com', 'beta.io']);
    expect((await db.customers.get(betaId))!.deleted).toBe(true);
  });

  it('a merge into an account this rep has no customer for: the loser becomes the master', async () => {
    await firstSync([deal('006B', BETA.id, [['00kB1', 'Support', 40]])]);
    const { client } = fakeClient([[page({ phase: 'removals', removedAccounts: [{ id: BETA.id, mergedInto: '001000000000077AAA' }], records: 1 })]]);
    await sync(client);
    const beta = (await liveCustomers()).find((c) => c.name === 'Beta')!;
    expect(fromRow(beta).crmRefs.map((r) => r.recordId)).toEqual(['001000000000077AAA']);
    expect((await live()).map((l) => l.customerId)).toEqual([beta.id]);
  });

  it('a deleted account: the customer goes with its CRM revenue unless the rep wrote something about it', async () => {
    await firstSync([deal('006A', ACME.id, [['00kA1', 'Seats', 100]]), deal('006B', BETA.id, [['00kB1', 'Support', 40]])]);
    const beta = (await liveCustomers()).find((c) => c.name === 'Beta')!;
    await db.contacts.put({ id: newId(), updatedAt: nowIso(), name: 'Bea', emails: ['bea@beta.io'], customerId: beta.id });
    const { client } = fakeClient([[page({ phase: 'removals', removedAccounts: [{ id: ACME.id }, { id: BETA.id }], records: 2 })]]);
    await sync(client);
    const left = await liveCustomers();
    expect(left.map((c) => c.name)).toEqual(['Beta']);
    expect(fromRow(left[0]!).crmRefs).toEqual([]);
    expect(await byProduct()).toEqual({ Support: 4000 });
  });

  it('a customer the rep made by hand and the CRM later matched is never tombstoned by a deletion', async () => {
    await saveCustomer(db, { id: newId(), updatedAt: nowIso(), name: 'Acme', domains: ['acme.com'], crmRefs: [], customerSince: '2018-01-01', sinceSource: 'rep' });
    await firstSync([]);
    const { client } = fakeClient([[page({ phase: 'removals', removedAccounts: [{ id: ACME.id }], records: 1 })]]);
    await sync(client);
    expect((await liveCustomers()).map((c) => c.name).sort()).toEqual(['Acme', 'Beta']);
  });
});

describe('whose data: share', () => {
  const captureOn = () => db.sync.put({ key: 'capture', on: true, nextId: 1 });

  it('“just me”: nothing the sync writes or retires is queued for the team', async () => {
    await captureOn();
    const { client } = fakeClient([
      [accountsPage([ACME]), dealsPage([deal('006A', ACME.id, [['00kA1', 'Seats', 100], ['00kA2', 'Support', 5]])])],
      [dealsPage([deal('006A', ACME.id, [['00kA1', 'Seats', 100]])]), page({ phase: 'removals', removedAccounts: [{ id: ACME.id }], records: 1 })],
    ]);
    await sync(client, { share: 'me' });
    await sync(client);
    expect(await liveCustomers()).toHaveLength(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('“my whole team”: what it writes is queued like any change', async () => {
    await captureOn();
    const { client } = fakeClient([[accountsPage([ACME]), dealsPage([deal('006A', ACME.id, [['00kA1', 'Seats', 100]])])]]);
    await sync(client, { share: 'team' });
    expect((await db.outbox.toArray()).map((e) => e.table).sort()).toEqual(['customers', 'revenueLines']);
  });
});
