import { describe, expect, it } from 'vitest';
import { CrmError } from '@/lib/crm/errors';
import { pipedriveClient, pipedriveTenant } from '@/lib/crm/pipedrive';
import type { CrmClient, CrmFetch, CrmPage } from '@/lib/crm/types';
import { PipedriveStandIn, type PipedriveSeed } from '../../crm-api/pipedrive';
import { standInFetch } from '../../crm-api/serve';

const TOKEN = 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed';
const HOST = 'acme.pipedrive.com';

function seed(extraOrgs = 0): PipedriveSeed {
  return {
    company: 'acme',
    currency: 'EUR',
    me: { id: 1, name: 'Jane Rep', email: 'jane.rep@vendor.example' },
    users: [{ id: 1, name: 'Jane Rep', email: 'jane.rep@vendor.example' }, { id: 2, name: 'Sam Lead', email: 'sam.lead@vendor.example' }],
    orgs: [
      { id: 377, name: 'Acme Corp', owner_id: 1 },
      { id: 378, name: 'Globex', owner_id: 2 },
      ...Array.from({ length: extraOrgs }, (_, i) => ({ id: 1000 + i, name: `Org ${i}`, owner_id: 2 })),
    ],
    deals: [
      { id: 9051, title: 'Acme platform', org_id: 377, value: 15000.5, won_time: '2024-03-15T12:00:00Z', products: [{ id: 1, name: 'Platform', sum: 12000.5 }, { id: 2, name: 'Support', sum: 3000 }] },
      { id: 9052, title: 'Acme renewal', org_id: 377, value: 5000, currency: 'USD', won_time: '2025-03-15T08:00:00Z' },
      { id: 9053, title: 'Globex pilot', org_id: 378, value: 900, status: 'open', won_time: null },
    ],
  };
}

function setup(o: { extra?: number; sleeps?: number[] } = {}) {
  const stand = new PipedriveStandIn(seed(o.extra), TOKEN);
  const urls: string[] = [];
  const inner = standInFetch(stand);
  const fetch: CrmFetch = (url, init) => {
    urls.push(url);
    return inner(url, init);
  };
  const sleeps = o.sleeps ?? [];
  const client = pipedriveClient({ fetch, apiHost: HOST, token: TOKEN, sleep: async (ms) => void sleeps.push(ms), random: () => 0 });
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

describe('Pipedrive client against the stand-in', () => {
  it('a server that hands back the same page cursor again is a bad response, not an endless read', async () => {
    const stand = new PipedriveStandIn(seed(), TOKEN);
    const inner = standInFetch(stand);
    let calls = 0;
    const fetch: CrmFetch = async (url, init) => {
      const res = await inner(url, init);
      if (!url.includes('/api/v2/organizations')) return res;
      calls++;
      const body = (await res.json()) as { additional_data?: { next_cursor?: string | null } };
      body.additional_data = { ...body.additional_data, next_cursor: 'eyJpZCI6MX0' };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const client = pipedriveClient({ fetch, apiHost: HOST, token: TOKEN, sleep: async () => undefined, random: () => 0 });
    const e = await failure(collect(client));
    expect(e.code).toBe('bad_response');
    expect(e.detail).toContain('same page cursor twice');
    expect(calls).toBe(2); // the first page, then the one that repeated its cursor
  });

  it('names the company by its subdomain, as the record pages do (acme.pipedrive.com/organization/377)', async () => {
    const { client } = setup();
    expect(await client.whoAmI()).toEqual({ tenant: 'acme', apiHost: HOST, userName: 'Jane Rep', userEmail: 'jane.rep@vendor.example', currency: 'EUR' });
    expect(pipedriveTenant('acme-sales.pipedrive.com')).toBe('acme-sales');
    expect(pipedriveTenant('Acme')).toBe('acme');
  });

  it('reads every organization page by next_cursor, with owners by email, before any deal', async () => {
    const { client, urls } = setup({ extra: 620 });
    const pages = await collect(client);
    const phases = pages.map((p) => p.phase);
    expect(phases.lastIndexOf('accounts')).toBeLessThan(phases.indexOf('deals'));
    const accounts = pages.flatMap((p) => p.accounts);
    expect(accounts).toHaveLength(622);
    expect(new Set(accounts.map((a) => a.id)).size).toBe(622);
    expect(urls.filter((u) => u.includes('/api/v2/organizations?') && u.includes('cursor='))).toHaveLength(1);
    expect(accounts.find((a) => a.id === '377')).toEqual({ id: '377', name: 'Acme Corp', ownerEmail: 'jane.rep@vendor.example', ownerName: 'Jane Rep' });
    expect(accounts.find((a) => a.id === '378')?.ownerEmail).toBe('sam.lead@vendor.example');
  });

  it('reads won deals with their products and currency', async () => {
    const { client, urls } = setup();
    const pages = await collect(client);
    const deals = pages.flatMap((p) => p.deals);
    expect(urls.some((u) => u.includes('/api/v2/deals?status=won'))).toBe(true);
    expect(deals.map((d) => d.id).sort()).toEqual(['9051', '9052']);
    expect(deals.find((d) => d.id === '9051')).toEqual({
      id: '9051', name: 'Acme platform', accountId: '377', closeDate: '2024-03-15', amount: 15000.5, currency: 'EUR',
      lines: [{ id: '1', product: 'Platform', amount: 12000.5 }, { id: '2', product: 'Support', amount: 3000 }],
    });
    expect(deals.find((d) => d.id === '9052')).toMatchObject({ currency: 'USD', amount: 5000, lines: [] });
  });

  it('reads only what changed since (updated_since), and what was lost, reopened or deleted leaves', async () => {
    const { client, stand, urls } = setup({ extra: 40 });
    const since = new Date(Date.now() - 60_000).toISOString();
    stand.upsertOrg({ id: 378, name: 'Globex Corporation' });
    stand.upsertDeal({ id: 9054, title: 'Acme add-on', org_id: 377, value: 2400, status: 'won' }, [{ id: 3, name: 'Seats', sum: 2400 }]);
    stand.upsertDeal({ id: 9051, status: 'lost', won_time: null });
    stand.deleteDeal(9052);
    stand.upsertOrg({ id: 1005, name: 'Gone Ltd' });
    stand.deleteOrg(1005);

    const pages = await collect(client, since);
    const orgUrl = urls.find((u) => u.includes('/api/v2/organizations?'))!;
    expect(new URL(orgUrl).searchParams.get('updated_since')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(pages.flatMap((p) => p.accounts).map((a) => a.name)).toEqual(['Globex Corporation']);
    const deals = pages.flatMap((p) => p.deals);
    expect(deals.map((d) => d.id)).toEqual(['9054']);
    expect(deals[0]!.lines).toEqual([{ id: '3', product: 'Seats', amount: 2400 }]);
    expect(pages.flatMap((p) => p.removedDeals).sort()).toEqual(['9051', '9052']);
    expect(pages.flatMap((p) => p.removedAccounts)).toEqual([{ id: '1005' }]);
    const dealsUrl = new URL(urls.find((u) => u.includes('/api/v2/deals?'))!);
    expect(dealsUrl.searchParams.get('status')).toBe('open,won,lost,deleted');
    const recents = new URL(urls.find((u) => u.includes('/api/v1/recents'))!);
    expect(recents.searchParams.get('since_timestamp')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('a revoked token is bad_token, and the token is in no detail', async () => {
    const { client, stand } = setup();
    stand.revoke();
    const e = await failure(client.whoAmI());
    expect(e.code).toBe('bad_token');
    expect(e.detail).toBe('unauthorized access');
    expect(`${e.detail} ${e.message}`).not.toContain(TOKEN);
  });

  it('a company whose plan has no API access (402) is no_api_access', async () => {
    const { client, stand } = setup();
    stand.paymentRequired = true;
    const e = await failure(collect(client));
    expect(e.code).toBe('no_api_access');
    expect(e.status).toBe(402);
  });

  it('waits out a 429 until the window resets (x-ratelimit-reset), and the read completes', async () => {
    const sleeps: number[] = [];
    const { client, stand } = setup({ sleeps });
    const expected = (await collect(client)).flatMap((p) => p.deals);
    stand.limitRequest(4, { resetSec: 2 });
    const pages = await collect(client);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(2000);
    expect(pages.flatMap((p) => p.deals)).toEqual(expected);
  });

  it('a limit that does not clear is rate_limited', async () => {
    const { client, stand } = setup();
    stand.limitRequest(2, { count: 100, resetSec: 2 });
    const e = await failure(collect(client));
    expect(e.code).toBe('rate_limited');
    expect(e.retryAfterMs).toBe(2000);
  });

  it('sends the token only in the x-api-token header to the company’s own host, never in a URL', async () => {
    const { client, stand, urls } = setup({ extra: 600 });
    await collect(client);
    stand.upsertDeal({ id: 9060, org_id: 377, value: 10 });
    await collect(client, new Date(Date.now() - 60_000).toISOString());
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) {
      expect(new URL(u).origin).toBe(`https://${HOST}`);
      expect(u).not.toContain(TOKEN);
      expect(new URL(u).searchParams.has('api_token')).toBe(false);
    }
    for (const s of stand.seen) {
      expect(s.method).toBe('GET');
      expect(s.headers['x-api-token']).toBe(TOKEN);
      expect(s.headers.authorization).toBeUndefined();
    }
  });
});
