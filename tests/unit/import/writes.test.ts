import { beforeEach, describe, expect, it } from 'vitest';
import { HoldfastDB, fromRow, resolveCustomer, saveCustomer, toRow } from '@/lib/db';
import { KEY_PAGE, KeyMaps, LINE_IDS_FROM, runImport } from '@/lib/db/import-writes';
import { parseCsv, type Table } from '@/lib/import';
import { newId, nowIso } from '@/lib/util/ids';
import { stableId } from '@/lib/import/ids';
import { fixture, proposedSpec } from './helpers';

let db: HoldfastDB;
beforeEach(async () => {
  db = new HoldfastDB(`test-${newId()}`);
  await db.open();
});

const run = (table: Table, over: Parameters<typeof proposedSpec>[1] = {}, opts: Parameters<typeof runImport>[3] = {}) =>
  runImport(db, table, proposedSpec(table, over), opts);

describe('importing accounts', () => {
  it('the same file twice creates no duplicates and rewrites nothing', async () => {
    const table = fixture('salesforce-accounts.csv');
    const first = await run(table, { tenant: 'acme', sinceFromCreated: true });
    expect(first).toMatchObject({ total: 10, created: 8, updated: 0, unchanged: 0 });
    expect(first.rejected.map((r) => r.row)).toEqual([5, 7]);
    const stamps = (await db.customers.toArray()).map((c) => c.updatedAt).sort();

    const second = await run(table, { tenant: 'acme', sinceFromCreated: true });
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 8 });
    expect(second.rejected.map((r) => r.row)).toEqual([5, 7]);
    expect(await db.customers.count()).toBe(8);
    expect((await db.customers.toArray()).map((c) => c.updatedAt).sort()).toEqual(stamps);
  });

  it('imported accounts are found from their CRM record page', async () => {
    await run(fixture('salesforce-accounts.csv'), { tenant: 'acme', sinceFromCreated: true });
    const match = await resolveCustomer(db, { site: 'salesforce', tenant: 'acme', objectType: 'Account', recordId: '001Dn00000AcmeCoAA', emails: [], domains: [] });
    expect(match?.matchedBy).toBe('crm');
    expect(fromRow(match!.row)).toMatchObject({ name: 'Acme Corp', domains: ['acme.com'], customerSince: '2019-03-14', sinceSource: 'crm_created' });
  });

  it('a changed row updates the same customer', async () => {
    await run(parseCsv('Account ID,Account Name,Website\n001A,Acme,acme.com\n'));
    const again = await run(parseCsv('Account ID,Account Name,Website\n001A,Acme Corporation,acme.io\n'));
    expect(again).toMatchObject({ created: 0, updated: 1 });
    const [only] = await db.customers.toArray();
    expect(only).toMatchObject({ name: 'Acme Corporation', domains: ['acme.com', 'acme.io'] });
  });

  it('matches a customer added by hand through its domain, and adds the CRM reference', async () => {
    const mine = await saveCustomer(db, { id: newId(), updatedAt: nowIso(), name: 'ACME', domains: ['acme.com'], crmRefs: [] });
    const result = await run(fixture('hubspot-companies.csv'), { tenant: '4821337' });
    expect(result).toMatchObject({ created: 2, updated: 1 });
    const acme = await db.customers.get(mine.id);
    expect(acme?.crmRefs).toEqual([{ site: 'hubspot', tenant: '4821337', objectType: 'company', recordId: '5124009871' }]);
    expect(acme?.customerSince).toBe('2019-04-01'); // "Became a Customer Date" beats "Create Date"
  });

  it('two CRM accounts sharing a domain stay two customers', async () => {
    const r = await run(parseCsv('Account ID,Account Name,Website\n001A,Acme US,acme.com\n001B,Acme EU,acme.com\n'));
    expect(r.created).toBe(2);
    expect(await db.customers.count()).toBe(2);
  });

  it('owners are linked to reps by name', async () => {
    await db.reps.put({ id: 'rep-dana', updatedAt: nowIso(), name: 'Dana Rep' });
    const r = await run(fixture('salesforce-accounts.csv'));
    const acme = (await db.customers.toArray()).find((c) => c.name === 'Acme Corp');
    expect(acme?.ownerRepId).toBe('rep-dana');
    expect(r.warnings).toEqual([{ code: 'owners_unmatched', params: ['1', 'Sam Seller'] }]);
  });

  it('reports progress chunk by chunk', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `00${i},Company ${i}`).join('\n');
    const seen: number[] = [];
    await run(parseCsv(`Account ID,Account Name\n${rows}\n`), {}, { chunkSize: 10, onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([10, 20, 25]);
  });
});

describe('importing deals', () => {
  it('links deals to accounts by account id; re-import adds nothing', async () => {
    await run(fixture('salesforce-accounts.csv'), { tenant: 'acme' });
    const deals = fixture('salesforce-opportunities.csv');
    const first = await run(deals, { tenant: 'acme' });
    expect(first).toMatchObject({ created: 5, updated: 0, unchanged: 0, customersCreated: 0 });
    expect(first.skipped).toHaveLength(2);
    expect(first.rejected.map((r) => [r.row, r.code])).toEqual([[8, 'bad_amount']]);

    const second = await run(deals, { tenant: 'acme' });
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    expect(await db.revenueLines.count()).toBe(5);

    const acme = (await db.customers.toArray()).find((c) => c.name === 'Acme Corp')!;
    const lines = await db.revenueLines.where('[customerId+date]').between([acme.id, ''], [acme.id, '\uffff']).toArray();
    expect(lines.map((l) => [l.date, l.amount, l.currency, l.product])).toEqual([
      ['2024-03-14', 1_200_000, 'USD', 'Platform'],
      ['2024-06-01', 450_050, 'USD', 'Analytics'],
    ]);
  });

  it('unknown accounts are reported by default', async () => {
    const r = await run(fixture('hubspot-deals.csv'));
    expect(r.created).toBe(0);
    expect(r.rejected.map((x) => [x.row, x.code, x.params[0]])).toEqual([
      [2, 'unknown_account', 'Acme Corp'],
      [3, 'unknown_account', 'Acme Corp'],
      [5, 'unknown_account', 'Initech'],
      [6, 'bad_date', 'sometime'],
    ]);
  });

  it('HubSpot deals find companies by name once the companies are imported', async () => {
    await run(fixture('hubspot-companies.csv'));
    const r = await run(fixture('hubspot-deals.csv'));
    expect(r).toMatchObject({ created: 3, customersCreated: 0 });
  });

  it('with createMissing, unknown accounts become customers that a later accounts import fills in', async () => {
    const r = await run(fixture('pipedrive-deals.csv'), { tenant: 'acme' }, { createMissing: true });
    expect(r).toMatchObject({ created: 2, customersCreated: 1 });
    expect(await db.customers.count()).toBe(1);
    const accounts = await run(fixture('pipedrive-organizations.csv'), { tenant: 'acme' });
    expect(accounts).toMatchObject({ created: 2, updated: 1 });
    expect(await db.customers.count()).toBe(3);
    const again = await run(fixture('pipedrive-deals.csv'), { tenant: 'acme' }, { createMissing: true });
    expect(again).toMatchObject({ created: 0, unchanged: 2, customersCreated: 0 });
  });

  it('deals without ids are still idempotent; identical rows in one file are reported', async () => {
    await run(parseCsv('Company,Domain\nAcme,acme.com\n'));
    const table = parseCsv('Customer,Amount,Currency,Date,Product\nAcme,10,USD,2024-01-01,A\nAcme,10,USD,2024-01-01,A\nAcme,20,USD,2024-02-01,A\n');
    const first = await run(table);
    expect(first.created).toBe(2);
    expect(first.rejected).toEqual([{ row: 3, code: 'duplicate_record', params: ['', '2'] }]);
    expect((await run(table)).unchanged).toBe(2);
    expect(await db.revenueLines.count()).toBe(2);
  });

  it('a kind set on a line survives re-import', async () => {
    await run(fixture('salesforce-accounts.csv'));
    await run(fixture('salesforce-opportunities.csv'));
    const line = (await db.revenueLines.toArray())[0]!;
    await db.revenueLines.put({ ...line, kind: 'cross_sell' });
    const again = await run(fixture('salesforce-opportunities.csv'));
    expect(again.updated).toBe(0);
    expect((await db.revenueLines.get(line.id))?.kind).toBe('cross_sell');
  });

  it('lines the caller did not name as known are still compared, not duplicated or overwritten blind', async () => {
    // A CRM sync names the lines it read (knownLineIds); one it missed must not lose its kind.
    await run(fixture('salesforce-accounts.csv'));
    await run(fixture('salesforce-opportunities.csv'));
    const lines = await db.revenueLines.toArray();
    await db.revenueLines.put({ ...lines[0]!, kind: 'cross_sell' });
    const again = await run(fixture('salesforce-opportunities.csv'), {}, { knownLineIds: new Set() });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: lines.length });
    expect(await db.revenueLines.count()).toBe(lines.length);
    expect((await db.revenueLines.get(lines[0]!.id))?.kind).toBe('cross_sell');
  });

  it('a line another context writes while the import runs is updated in place, keeping its kind', async () => {
    // A large import reads which lines exist once, up front (LINE_IDS_FROM); a line written
    // after that (a CRM sync in the background, say) must still be found when its chunk comes,
    // not overwritten blind.
    await run(parseCsv('Account ID,Account Name\n001A,Acme\n'), { tenant: 'acme' });
    const n = 3 * 500;
    expect(n).toBeGreaterThanOrEqual(LINE_IDS_FROM);
    const deal = (i: number) => `006${String(i).padStart(4, '0')}`;
    const deals = parseCsv(
      'Opportunity ID,Account ID,Stage,Close Date,Amount Currency,Amount,Product\n' +
        Array.from({ length: n }, (_, i) => `${deal(i)},001A,Closed Won,2024-01-01,USD,${i + 1},A\n`).join(''),
    );
    const customerId = (await db.customers.toArray())[0]!.id;
    const lineOf = (i: number) => stableId('revenue', `salesforce|acme|opportunity|${deal(i)}`);
    const theirs = { id: lineOf(1200), updatedAt: nowIso(), customerId, date: '2024-01-01', amount: 999, currency: 'USD', product: 'A', kind: 'new' as const };
    const same = { id: lineOf(700), updatedAt: nowIso(), customerId, date: '2024-01-01', amount: 70_100, currency: 'USD', product: 'A', deal: `salesforce|acme|opportunity|${deal(700)}` };
    let wrote: Promise<unknown> | undefined;
    // Chunks of 500 rows: once the first is written, the second is under way and the third not begun.
    const r = await run(deals, { tenant: 'acme' }, {
      chunkSize: 500,
      onProgress: (done) => {
        if (done === 500) wrote = db.revenueLines.bulkPut([theirs, same]);
      },
    });
    await wrote;
    expect(r).toMatchObject({ created: n - 1, updated: 1, unchanged: 0 });
    expect(await db.revenueLines.count()).toBe(n);
    expect(await db.revenueLines.get(lineOf(1200))).toMatchObject({ amount: 120_100, kind: 'new', deal: `salesforce|acme|opportunity|${deal(1200)}` });
    expect(await db.revenueLines.get(lineOf(700))).toMatchObject({ amount: 70_100 });
  });
});

describe('key maps read once per import', () => {
  it('find customers on every page of the table, and what earlier chunks wrote', async () => {
    const rows = Array.from({ length: KEY_PAGE + 5 }, (_, i) =>
      toRow({ id: `c-${String(i).padStart(5, '0')}`, updatedAt: nowIso(), name: `Company ${i}`, domains: [`company${i}.example`], crmRefs: [] }),
    );
    rows.push({ ...toRow({ id: 'c-gone', updatedAt: nowIso(), name: 'Gone', domains: ['gone.example'], crmRefs: [] }), deleted: true });
    await db.customers.bulkPut(rows);
    const maps = await KeyMaps.load(db);
    expect(maps.candidates([], [`company${KEY_PAGE + 4}.example`, 'gone.example'], ['company 3'])).toEqual([`c-${String(KEY_PAGE + 4).padStart(5, '0')}`, 'c-00003']);

    // Chunks of one row: the second chunk finds, by the name the first chunk gave it, the
    // customer the first chunk renamed (the maps follow the import's own writes).
    const r = await run(parseCsv(`Account Name,Website\nCompany Seven,company7.example\nCompany Seven,seven.example\n`), {}, { chunkSize: 1 });
    expect(r).toMatchObject({ created: 0, updated: 2, unchanged: 0 });
    expect(await db.customers.get('c-00007')).toMatchObject({ name: 'Company Seven', domains: ['company7.example', 'seven.example'] });
    expect(await db.customers.count()).toBe(KEY_PAGE + 6);
  });
});
