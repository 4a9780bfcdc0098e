// Issue 13: what the CRM says (deal type, customer since, prospect, product rows) imports as it is.
import { beforeEach, describe, expect, it } from 'vitest';
import { HoldfastDB, fromRow } from '@/lib/db';
import { runImport } from '@/lib/db/import-writes';
import { convertTable, type Table } from '@/lib/import';
import { parseDealType, parseProspect } from '@/lib/import/crm-values';
import { summariseTenure } from '@/lib/tenure';
import { newId } from '@/lib/util/ids';
import { fixture, proposedSpec } from './helpers';

let db: HoldfastDB;
beforeEach(async () => {
  db = new HoldfastDB(`test-${newId()}`);
  await db.open();
});
const run = (table: Table, over: Parameters<typeof proposedSpec>[1] = {}) => runImport(db, table, proposedSpec(table, over), { createMissing: true });
const customerNamed = async (name: string) => fromRow((await db.customers.where('nameKey').equals(name.toLowerCase()).first())!);

describe("the CRM's own words", () => {
  it.each([
    ['New Customer', 'new_business'],
    ['Existing Customer - Upgrade', 'existing_business'],
    ['Existing Customer - Replacement', 'existing_business'],
    ['Existing Customer - Downgrade', 'existing_business'],
    ['newbusiness', 'new_business'],
    ['existingbusiness', 'existing_business'],
    ['New Business', 'new_business'],
    ['Renewal', 'existing_business'],
    ['新客户', 'new_business'],
    ['新签', 'new_business'],
    ['老客户', 'existing_business'],
    ['续费', 'existing_business'],
    ['增购', 'existing_business'],
    ['', undefined],
    ['Partner referral', undefined],
  ])('deal type %j is %s', (raw, expected) => {
    expect(parseDealType(raw)).toBe(expected);
  });

  it.each([
    ['Prospect', true],
    ['Customer - Direct', false],
    ['Customer - Channel', false],
    ['Lead', true],
    ['Marketing Qualified Lead', true],
    ['salesqualifiedlead', true],
    ['Opportunity', true],
    ['Customer', false],
    ['潜在客户', true],
    ['意向客户', true],
    ['成交客户', false],
    ['Installation Partner', undefined],
    ['', undefined],
  ])('account type %j: prospect %s', (raw, expected) => {
    expect(parseProspect(raw)).toBe(expected);
  });
});

describe('importing what the CRM says', () => {
  it('HubSpot: "Became a Customer Date" is customer since (from the CRM); the created date is not used', async () => {
    await run(fixture('hubspot-companies.csv'));
    const acme = await customerNamed('Acme Corp');
    expect(acme).toMatchObject({ customerSince: '2019-04-01', sinceSource: 'crm' });
    expect(acme.prospect).toBeUndefined();
    // Globex has no customer-since and its created date is not taken silently.
    expect((await customerNamed('Globex Ltd')).customerSince).toBeUndefined();
  });

  it('prospects import as prospects, and become customers when the CRM says so', async () => {
    await run(fixture('hubspot-companies.csv'));
    expect((await customerNamed('Globex Ltd')).prospect).toBe(true);
    await run(fixture('salesforce-accounts.csv'));
    expect((await customerNamed('Umbrella Corporation')).prospect).toBe(true);
    // Globex is "Customer - Channel" in Salesforce: a later file that says customer wins.
    await runImport(db, { headers: ['Record ID', 'Company name', 'Lifecycle Stage'], rows: [['5124009872', 'Globex Ltd', 'Customer']] }, proposedSpec({ headers: ['Record ID', 'Company name', 'Lifecycle Stage'], rows: [] }));
    expect((await customerNamed('Globex Ltd')).prospect).toBeUndefined();
  });

  it('created date as customer since only when chosen, labelled, and never over a date the CRM gave', async () => {
    await run(fixture('hubspot-companies.csv'), { sinceFromCreated: true });
    expect(await customerNamed('Acme Corp')).toMatchObject({ customerSince: '2019-04-01', sinceSource: 'crm' });
    expect(await customerNamed('Globex Ltd')).toMatchObject({ customerSince: '2020-11-02', sinceSource: 'crm_created' });
  });

  it("deal types are kept on the lines (Salesforce Type, HubSpot Deal Type)", async () => {
    await run(fixture('salesforce-opportunities.csv'));
    const sf = await db.revenueLines.toArray();
    expect(sf.find((l) => l.product === 'Analytics')?.dealType).toBe('existing_business');
    expect(sf.find((l) => l.currency === 'JPY')?.dealType).toBe('new_business');
    await run(fixture('hubspot-deals.csv'));
    const hs = (await db.revenueLines.toArray()).filter((l) => l.product === 'Unspecified');
    expect(hs.map((l) => l.dealType).sort()).toEqual(['existing_business', 'existing_business', 'new_business']);
  });

  it('Opportunities with Products: each product row is a line by its Total Price; the repeated Amount counts once', async () => {
    const table = fixture('salesforce-opportunity-products.csv');
    const result = await run(table);
    expect(result).toMatchObject({ created: 7, updated: 0 });
    expect(result.skipped.map((s) => [s.row, s.code])).toEqual([[9, 'not_won']]);
    const lines = await db.revenueLines.toArray();
    const acme2025 = lines.filter((l) => l.date === '2025-03-14');
    expect(acme2025.map((l) => [l.product, l.amount]).sort()).toEqual([['Analytics', 4_800_00], ['Platform', 12_000_00]]);
    // Platform twice in one opportunity: two lines, not a duplicate.
    expect(lines.filter((l) => l.date === '2026-02-11').map((l) => l.amount).sort((a, b) => a - b)).toEqual([500_00, 500_00, 6_000_00]);
    expect(new Set(lines.map((l) => l.id)).size).toBe(7);
    // Re-importing finds every line again.
    expect(await run(table)).toMatchObject({ created: 0, updated: 0, unchanged: 7 });
  });

  it('the same report with only Amount mapped: later rows of a deal are skipped, not counted again', () => {
    const table = fixture('salesforce-opportunity-products.csv');
    const spec = proposedSpec(table);
    delete spec.mapping.lineAmount;
    const out = convertTable(table, { ...spec, kind: 'deals' });
    expect(out.drafts.map((d) => [d.recordId, d.amount])).toEqual([
      ['006Dn00000Opp101AA', 16_800_00],
      ['006Dn00000Opp102AA', 2_400_00],
      ['006Dn00000Opp103AA', 7_000_00],
      ['006Dn00000Opp104AA', 9_000_00],
    ]);
    expect(out.skipped.map((s) => [s.row, s.code])).toEqual([[3, 'repeated_deal'], [6, 'repeated_deal'], [7, 'repeated_deal'], [9, 'not_won']]);
  });

  it("a rep's correction survives a re-import of the same deal", async () => {
    const table = fixture('salesforce-opportunities.csv');
    await run(table);
    const analytics = (await db.revenueLines.toArray()).find((l) => l.product === 'Analytics')!;
    await db.revenueLines.put({ ...analytics, kind: 'existing' });
    const again = await run(table);
    expect(again.updated).toBe(0);
    expect((await db.revenueLines.get(analytics.id))?.kind).toBe('existing');
  });

  it('Acme, a customer since 2019 with only 2024 deals imported, shows no new business', async () => {
    await run(fixture('hubspot-companies.csv'));
    await run(fixture('hubspot-deals.csv'));
    const acme = await customerNamed('Acme Corp');
    const lines = await db.revenueLines.where('customerId').equals(acme.id).toArray();
    const s = summariseTenure({ customer: acme, lines, problems: [], coaches: [], today: '2026-12-03', now: '2026-12-03T10:00:00Z' });
    expect(s.allTime).toEqual([expect.objectContaining({ currency: 'USD', new: 0, total: 16_500_50 })]);
    expect(s).toMatchObject({ since: '2019-04-01', sinceBasis: 'crm', earlierNotImported: true, dataFrom: '2024-03-14', sources: { crm: 2, rep: 0, estimate: 0 } });
    // Without the CRM's deal type, customer since still keeps the renewal out of "new".
    const untyped = lines.map(({ dealType: _d, ...l }) => l);
    const e = summariseTenure({ customer: acme, lines: untyped, problems: [], coaches: [], today: '2026-12-03', now: '2026-12-03T10:00:00Z' });
    expect(e.allTime[0]).toMatchObject({ new: 0 });
    expect(e.sources).toEqual({ crm: 0, rep: 0, estimate: 2 });
    expect(e.recent.map((l) => l.reason)).toEqual(['repeat_product', 'before_data']);
  });
});

describe('Pipedrive: a deal-type field the user adds and maps', () => {
  it('a custom "Deal - Deal type" column is proposed and read', () => {
    const table = {
      headers: ['Deal - ID', 'Deal - Title', 'Deal - Value', 'Deal - Currency', 'Deal - Status', 'Deal - Won time', 'Deal - Organization', 'Deal - Deal type'],
      rows: [
        ['9101', 'Acme renewal', '12000', 'USD', 'won', '2025-03-14 10:00:00', 'Acme Corp', 'Existing business'],
        ['9102', 'Acme new site', '3000', 'USD', 'won', '2025-05-01 10:00:00', 'Acme Corp', '新客户'],
        ['9103', 'Acme other', '1000', 'USD', 'won', '2025-06-01 10:00:00', 'Acme Corp', ''],
      ],
    };
    const spec = proposedSpec(table);
    expect(spec).toMatchObject({ source: 'pipedrive', kind: 'deals' });
    expect(table.headers[spec.mapping.dealType!]).toBe('Deal - Deal type');
    const out = convertTable(table, { ...spec, kind: 'deals' });
    expect(out.drafts.map((d) => d.dealType)).toEqual(['existing_business', 'new_business', undefined]);
  });
});
