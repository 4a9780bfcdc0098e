import { describe, expect, it } from 'vitest';
import { CrmError } from '@/lib/crm/errors';
import { hubspotClient } from '@/lib/crm/hubspot';
import type { CrmClient, CrmFetch, CrmPage } from '@/lib/crm/types';
import { HubSpotStandIn, type HubSpotSeed } from '../../crm-api/hubspot';
import { standInFetch } from '../../crm-api/serve';

const TOKEN = 'pat-na1-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const ACME = '18213999001';

function seed(extraCompanies = 0): HubSpotSeed {
  return {
    portalId: 26555111,
    currency: 'USD',
    owners: [{ id: '501', email: 'jane.rep@vendor.example', firstName: 'Jane', lastName: 'Rep', userId: 9001 }],
    companies: [
      { id: ACME, properties: { name: 'Acme Corp', domain: 'acme-corp.com', hubspot_owner_id: '501', lifecyclestage: 'customer', hs_lifecyclestage_customer_date: '2019-04-02T09:30:00Z' } },
      { id: '18213999002', properties: { name: 'Globex', domain: 'globex.example', lifecyclestage: 'opportunity' } },
      ...Array.from({ length: extraCompanies }, (_, i) => ({ id: String(30000 + i), properties: { name: `Company ${i}` } })),
    ],
    deals: [
      {
        id: '7001', companyId: ACME,
        properties: { dealname: 'Acme platform', amount: '15000.5', closedate: '2024-03-15T12:00:00Z', dealstage: 'closedwon', dealtype: 'newbusiness', hs_is_closed_won: 'true' },
        lines: [{ id: '801', name: 'Platform', amount: '12000.50' }, { id: '802', name: 'Support', amount: '3000' }],
      },
      { id: '7002', companyId: ACME, properties: { dealname: 'Acme renewal', amount: '5000', closedate: '2025-03-15T12:00:00Z', deal_currency_code: 'EUR', dealtype: 'existingbusiness', hs_is_closed_won: 'true' } },
      { id: '7003', companyId: '18213999002', properties: { dealname: 'Globex pilot', amount: '900', closedate: '2025-06-01T00:00:00Z', dealstage: 'appointmentscheduled', hs_is_closed_won: 'false' } },
    ],
  };
}

function setup(o: { extra?: number; sleeps?: number[] } = {}) {
  const stand = new HubSpotStandIn(seed(o.extra), TOKEN);
  const urls: string[] = [];
  const inner = standInFetch(stand);
  const fetch: CrmFetch = (url, init) => {
    urls.push(url);
    return inner(url, init);
  };
  const sleeps = o.sleeps ?? [];
  const client = hubspotClient({ fetch, token: TOKEN, sleep: async (ms) => void sleeps.push(ms), random: () => 0 });
  return { stand, client, urls, sleeps };
}

async function collect(client: CrmClient, since?: string): Promise<CrmPage[]> {
  const pages: CrmPage[] = [];
  for await (const p of client.read(since ? { since } : {})) pages.push(p);
  return pages;
}

async function failure(p: Promise<unknown>): Promise<CrmError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CrmError) return e;
    throw e;
  }
  throw new Error('expected a CrmError');
}

const fullRead = (client: CrmClient) => collect(client);

describe('HubSpot client against the stand-in', () => {
  it('names the portal as the record pages do (app.hubspot.com/contacts/<portalId>/…) and its currency', async () => {
    const { client, stand } = setup();
    expect(await client.whoAmI()).toEqual({ tenant: '26555111', apiHost: 'api.hubapi.com', currency: 'USD' });
    expect(stand.seen[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('reads every company page by paging.next.after, before any deal', async () => {
    const { client, urls } = setup({ extra: 230 });
    const pages = await fullRead(client);
    const phases = pages.map((p) => p.phase);
    expect(phases.lastIndexOf('accounts')).toBeLessThan(phases.indexOf('deals'));
    const accounts = pages.flatMap((p) => p.accounts);
    expect(accounts).toHaveLength(232);
    expect(new Set(accounts.map((a) => a.id)).size).toBe(232);
    expect(urls.filter((u) => u.includes('/crm/v3/objects/companies?') && u.includes('after='))).toHaveLength(2);
    expect(accounts.find((a) => a.id === ACME)).toEqual({
      id: ACME, name: 'Acme Corp', website: 'acme-corp.com', ownerEmail: 'jane.rep@vendor.example', ownerName: 'Jane Rep', customerSince: '2019-04-02', prospect: false,
    });
    expect(accounts.find((a) => a.id === '18213999002')?.prospect).toBe(true);
  });

  it('reads won deals with their company, line items and currency; a deal not won is removed', async () => {
    const { client } = setup();
    const pages = await fullRead(client);
    const deals = pages.flatMap((p) => p.deals);
    expect(deals.map((d) => d.id).sort()).toEqual(['7001', '7002']);
    expect(deals.find((d) => d.id === '7001')).toEqual({
      id: '7001', name: 'Acme platform', accountId: ACME, closeDate: '2024-03-15', amount: 15000.5, currency: 'USD', type: 'newbusiness',
      lines: [{ id: '801', product: 'Platform', amount: 12000.5 }, { id: '802', product: 'Support', amount: 3000 }],
    });
    // A deal of its own currency; no line items: its amount is the revenue.
    expect(deals.find((d) => d.id === '7002')).toMatchObject({ currency: 'EUR', amount: 5000, type: 'existingbusiness', lines: [] });
    expect(pages.flatMap((p) => p.removedDeals)).toEqual(['7003']);
  });

  it('reads only what changed since the last read, through the search API, with deletions and merges', async () => {
    const { client, stand, urls } = setup({ extra: 30 });
    const since = new Date(Date.now() - 60_000).toISOString();
    stand.upsert('companies', '18213999002', { name: 'Globex Corporation' });
    stand.upsertDeal('7004', { dealname: 'Acme add-on', amount: '2400', closedate: '2026-11-20T00:00:00Z', hs_is_closed_won: 'true', dealtype: 'existingbusiness' }, { companyId: ACME, lines: [{ id: '803', name: 'Seats', amount: '2400' }] });
    stand.upsertDeal('7001', { hs_is_closed_won: 'false', dealstage: 'closedlost' });
    stand.upsertDeal('7002', { amount: '5500' }, { lines: [{ id: '804', name: 'Renewal', amount: '5500' }] });
    stand.archive('deals', '7003');
    stand.upsert('companies', '40001', { name: 'Initech' });
    stand.mergeCompanies(ACME, '40001');

    const pages = await collect(client, since);
    expect(urls.some((u) => u.endsWith('/crm/v3/objects/companies/search'))).toBe(true);
    expect(urls.some((u) => /\/crm\/v3\/objects\/companies\?limit=100&properties/.test(u))).toBe(false);
    // Acme changed too: the merge touched it.
    expect(pages.flatMap((p) => p.accounts).map((a) => a.name).sort()).toEqual(['Acme Corp', 'Globex Corporation']);
    expect(pages.flatMap((p) => p.removedAccounts)).toEqual([{ id: '40001', mergedInto: ACME }]);
    const deals = pages.flatMap((p) => p.deals);
    expect(deals.map((d) => d.id).sort()).toEqual(['7002', '7004']);
    expect(deals.find((d) => d.id === '7002')!.lines).toEqual([{ id: '804', product: 'Renewal', amount: 5500 }]);
    expect(pages.flatMap((p) => p.removedDeals).sort()).toEqual(['7001', '7003']);
    expect(pages.findIndex((p) => p.phase === 'removals')).toBeGreaterThan(pages.findIndex((p) => p.phase === 'deals'));
  });

  it('goes past the search API’s 10,000-result cap by starting again from the last modification time', async () => {
    const { client, stand } = setup();
    const base = Date.now() - 3_600_000;
    let t = base;
    stand.now = () => (t += 250);
    for (let i = 0; i < 10_150; i++) stand.upsert('companies', String(100000 + i), { name: `Changed ${i}` });
    const pages = await collect(client, new Date(base).toISOString());
    const ids = pages.flatMap((p) => p.accounts).map((a) => a.id);
    expect(ids).toHaveLength(10_150);
    expect(new Set(ids).size).toBe(10_150);
  });

  it('a record edited while the changes are read does not make the next one skipped', async () => {
    // Sorted by modified time and paged by offset, an edit moves a record read on page one to
    // the end, and the record that slides into its place would be stepped over, for good.
    const stand = new HubSpotStandIn(seed(), TOKEN);
    const base = Date.now() - 3_600_000;
    let t = base;
    stand.now = () => (t += 250);
    for (let i = 0; i < 450; i++) stand.upsert('companies', String(100000 + i), { name: `Changed ${i}` });
    const inner = standInFetch(stand);
    let searches = 0;
    const fetch: CrmFetch = async (url, init) => {
      const res = await inner(url, init);
      if (url.endsWith('/crm/v3/objects/companies/search') && ++searches === 1) stand.upsert('companies', '100003', { name: 'Edited meanwhile' });
      return res;
    };
    const client = hubspotClient({ fetch, token: TOKEN, sleep: async () => undefined, random: () => 0 });
    const ids = new Set((await collect(client, new Date(base).toISOString())).flatMap((p) => p.accounts).map((a) => a.id));
    for (let i = 0; i < 450; i++) expect(ids.has(String(100000 + i)), `company ${100000 + i}`).toBe(true);
  });

  it('reads every line of a deal with more than a page of them, and the associations of 200 deals in batches of 100', async () => {
    const { client, stand, urls } = setup();
    stand.associationsPage = 3;
    const since = new Date(Date.now() - 60_000).toISOString();
    const lines = Array.from({ length: 7 }, (_, i) => ({ id: String(6000 + i), name: `Module ${i}`, amount: '100' }));
    stand.upsertDeal('7100', { hs_is_closed_won: 'true', closedate: '2026-10-01T00:00:00Z', amount: '700' }, { companyId: ACME, lines });
    for (let i = 1; i < 200; i++) stand.upsertDeal(String(7100 + i), { hs_is_closed_won: 'true', closedate: '2026-10-01T00:00:00Z', amount: '5' }, { companyId: ACME, lines: [{ id: String(8000 + i), name: 'Seat', amount: '5' }] });
    const deals = (await collect(client, since)).flatMap((p) => p.deals);
    expect(deals).toHaveLength(200);
    expect(deals.find((d) => d.id === '7100')!.lines.map((l) => l.id)).toEqual(lines.map((l) => l.id));
    expect(deals.every((d) => d.accountId === ACME && d.lines.length > 0)).toBe(true);
    expect(urls.filter((u) => u.endsWith('/crm/v4/associations/deals/companies/batch/read')).length).toBeGreaterThanOrEqual(2);
  });

  it('a revoked or wrong token is bad_token, and the token is in no detail', async () => {
    const { client, stand } = setup();
    stand.revoke();
    const e = await failure(client.whoAmI());
    expect(e.code).toBe('bad_token');
    expect(e.status).toBe(401);
    expect(e.detail).toContain('INVALID_AUTHENTICATION');
    expect(`${e.detail} ${e.message}`).not.toContain(TOKEN);
  });

  it('a token without a scope it needs says which scopes: all of them when connecting, the one a read hit later', async () => {
    const { client, stand } = setup();
    stand.withoutScopes(TOKEN, 'crm.objects.line_items.read', 'crm.objects.owners.read');
    const atConnect = await failure(client.whoAmI());
    expect(atConnect.code).toBe('missing_scope');
    expect(atConnect.detail).toBe('crm.objects.line_items.read, crm.objects.owners.read');
    stand.tokens.set(TOKEN, ['crm.objects.companies.read', 'crm.objects.deals.read', 'crm.objects.owners.read']);
    const later = await failure(fullRead(client));
    expect(later.code).toBe('missing_scope');
    expect(later.detail).toBe('crm.objects.line_items.read');
  });

  it('waits out a 429 for as long as Retry-After asks, and the read completes', async () => {
    const sleeps: number[] = [];
    const { client, stand } = setup({ sleeps });
    const expected = (await fullRead(client)).flatMap((p) => p.deals);
    stand.limitRequest(4, { retryAfterSec: 3 });
    const pages = await fullRead(client);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(3000);
    expect(pages.flatMap((p) => p.deals)).toEqual(expected);
  });

  it('a limit that does not clear is rate_limited, with the wait HubSpot asked for', async () => {
    const { client, stand } = setup();
    stand.limitRequest(3, { count: 100, retryAfterSec: 10 });
    const e = await failure(fullRead(client));
    expect(e.code).toBe('rate_limited');
    expect(e.retryAfterMs).toBe(10_000);
    expect(e.detail).toContain('TEN_SECONDLY_ROLLING');
  });

  it('sends the token only as a bearer header to api.hubapi.com: never in a URL, never elsewhere', async () => {
    const { client, stand, urls } = setup({ extra: 120 });
    await fullRead(client);
    await collect(client, new Date(Date.now() - 60_000).toISOString());
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) {
      expect(new URL(u).origin).toBe('https://api.hubapi.com');
      expect(u).not.toContain(TOKEN);
    }
    for (const s of stand.seen) expect(s.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('reads and never writes: only GETs and the documented read-only POSTs', async () => {
    const { client, stand } = setup();
    stand.upsertDeal('7005', { hs_is_closed_won: 'true', closedate: '2026-11-01T00:00:00Z', amount: '10' }, { companyId: ACME });
    await fullRead(client);
    await collect(client, new Date(Date.now() - 60_000).toISOString());
    for (const s of stand.seen.filter((x) => x.method !== 'GET')) {
      expect(s.method).toBe('POST');
      expect(new URL(s.url).pathname).toMatch(/\/(search|batch\/read)$/);
    }
  });
});
