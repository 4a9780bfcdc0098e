import { describe, expect, it } from 'vitest';
import { HoldfastDB } from '@/lib/db';
import { dynamicsClient } from '@/lib/crm/dynamics';
import { runCrmSync } from '@/lib/crm/engine';
import type { CrmConnectionRow } from '@/lib/crm/state';
import { newId } from '@/lib/util/ids';
import { CrmError } from '@/lib/crm/errors';
import type { CrmFetch, CrmPage } from '@/lib/crm/types';
import { testUrls } from '@/lib/sites/dynamics';
import { DYNAMICS_HOST, DynamicsStandIn, SESSION_COOKIE, guid, type DynamicsData } from '../../crm-api/dynamics';
import { standInFetch } from '../../crm-api/serve';

const ACME = '7a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d';
const GLOBEX = guid(2, 'acc0');
const INITECH = guid(3, 'acc0');
const PLATFORM = guid(1, 'pr0d');
const ANALYTICS = guid(2, 'pr0d');
const T0 = Date.parse('2026-11-01T09:00:00Z');

function data(): DynamicsData {
  return {
    users: [
      { systemuserid: guid(1, 'aaaa'), fullname: 'Jane Rep', internalemailaddress: 'Jane.Rep@contoso.example' },
      { systemuserid: guid(2, 'aaaa'), fullname: 'Omar Lead', internalemailaddress: 'omar@contoso.example' },
    ],
    products: [{ productid: PLATFORM, name: 'Platform' }, { productid: ANALYTICS, name: 'Analytics' }],
    accounts: [
      { accountid: ACME, name: 'Acme Corp', websiteurl: 'https://www.acme-corp.com', customertypecode: 3, owner: guid(1, 'aaaa') },
      { accountid: GLOBEX, name: 'Globex', websiteurl: 'globex.example', customertypecode: 8, owner: guid(2, 'aaaa') },
      { accountid: INITECH, name: 'Initech', customertypecode: null },
    ],
    opportunities: [
      {
        opportunityid: guid(1, '0bb0'), name: 'Acme platform', parentaccountid: ACME, statecode: 1, actualclosedate: '2025-03-14', actualvalue: 12000, currency: 'USD',
        lines: [{ opportunityproductid: guid(11, '11e0'), productid: PLATFORM, extendedamount: 12000 }],
      },
      {
        opportunityid: guid(2, '0bb0'), name: 'Acme analytics', parentaccountid: ACME, statecode: 1, actualclosedate: '2026-08-01', actualvalue: 4500.5, currency: 'EUR',
        lines: [
          { opportunityproductid: guid(21, '11e0'), productid: ANALYTICS, extendedamount: 4000.5 },
          { opportunityproductid: guid(22, '11e0'), productdescription: 'Onboarding (write-in)', extendedamount: 500 },
        ],
      },
      { opportunityid: guid(3, '0bb0'), name: 'Globex yen', parentaccountid: GLOBEX, statecode: 1, actualclosedate: '2026-05-20', actualvalue: 300000, currency: 'JPY' },
      { opportunityid: guid(4, '0bb0'), name: 'Initech open', parentaccountid: INITECH, statecode: 0, currency: 'USD', lines: [{ opportunityproductid: guid(41, '11e0'), productid: PLATFORM, extendedamount: 999 }] },
    ],
  };
}

function setup(o: { pageSize?: number; d?: DynamicsData; maxRetries?: number } = {}) {
  let clock = T0;
  const stand = new DynamicsStandIn(o.d ?? data(), { now: () => clock });
  const sleeps: number[] = [];
  const calls: Array<{ url: string; credentials?: RequestCredentials; headers: Record<string, string> }> = [];
  const inner = standInFetch(stand);
  const fetch: CrmFetch = (url, init) => {
    calls.push({ url, ...(init.credentials ? { credentials: init.credentials } : {}), headers: init.headers });
    return inner(url, init);
  };
  const client = dynamicsClient({
    fetch, apiHost: DYNAMICS_HOST, random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...(o.pageSize ? { pageSize: o.pageSize } : {}),
    ...(o.maxRetries !== undefined ? { maxRetries: o.maxRetries } : {}),
  });
  return { stand, client, sleeps, calls, tick: (ms: number) => (clock += ms) };
}

async function readAll(it: AsyncIterable<CrmPage>): Promise<CrmPage[]> {
  const out: CrmPage[] = [];
  for await (const p of it) out.push(p);
  return out;
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

describe('dynamicsClient', () => {
  it('says who is signed in, naming the org as the Dynamics record pages do, with the base currency', async () => {
    const { client, calls } = setup();
    const me = await client.whoAmI();
    expect(me).toEqual({ tenant: 'contoso.crm4.dynamics.com', apiHost: 'contoso.crm4.dynamics.com', userName: 'Jane Rep', userEmail: 'jane.rep@contoso.example', currency: 'USD' });
    // The site adapter's tenant on an account page of this org is the same string.
    const page = testUrls.find((t) => t.url.includes('crm4') && t.expect?.recordId === ACME)!;
    expect(page.expect!.tenant).toBe(me.tenant);
    // The browser's session, OData 4.0, and nothing that looks like a token.
    for (const c of calls) {
      expect(c.credentials).toBe('include');
      expect(c.headers['OData-Version']).toBe('4.0');
      expect(c.headers['OData-MaxVersion']).toBe('4.0');
      expect(Object.keys(c.headers).map((k) => k.toLowerCase())).not.toContain('authorization');
    }
  });

  it('reads every account page by following @odata.nextLink, owners by their email, accounts before deals', async () => {
    const d = data();
    for (let i = 10; i < 17; i++) d.accounts!.push({ accountid: guid(i, 'acc0'), name: `Account ${i}` });
    const { client, stand } = setup({ pageSize: 4, d });
    const pages = await readAll(client.read({}));
    const accountPages = pages.filter((p) => p.phase === 'accounts');
    expect(accountPages.map((p) => p.accounts.length)).toEqual([4, 4, 2]);
    // $count=true: how many accounts the phase holds, for a bar that fills.
    expect(accountPages.map((p) => p.totalInPhase)).toEqual([10, 10, 10]);
    expect(pages.findIndex((p) => p.phase === 'deals')).toBeGreaterThan(pages.findLastIndex((p) => p.phase === 'accounts'));
    const accounts = accountPages.flatMap((p) => p.accounts);
    expect(new Set(accounts.map((a) => a.id)).size).toBe(10);
    expect(accounts.find((a) => a.id === ACME)).toEqual({ id: ACME, name: 'Acme Corp', website: 'https://www.acme-corp.com', ownerEmail: 'jane.rep@contoso.example', ownerName: 'Jane Rep', prospect: false });
    expect(accounts.find((a) => a.id === GLOBEX)).toMatchObject({ ownerEmail: 'omar@contoso.example', prospect: true });
    expect(accounts.find((a) => a.id === INITECH)!.prospect).toBeUndefined();
    const nextLinks = stand.seen.filter((s) => s.url.includes('/accounts?') && /(\$|%24)skiptoken=/.test(s.url));
    expect(nextLinks.length).toBeGreaterThanOrEqual(2);
    expect(stand.seen.every((s) => s.headers.prefer?.includes('odata.maxpagesize='))).toBe(true);
  });

  it('gives no total when the count reaches the cap of 5,000 (it no longer says how many)', async () => {
    const d = data();
    for (let i = 10; i < 5010; i++) d.accounts!.push({ accountid: guid(i, 'acc0'), name: `Account ${i}` });
    const { client } = setup({ d });
    for await (const p of client.read({})) {
      expect(p.phase).toBe('accounts');
      expect(p.accounts).toHaveLength(250);
      expect(p.totalInPhase).toBeUndefined();
      break;
    }
  });

  it('reads won opportunities only, with their products, amounts and currencies', async () => {
    const { client } = setup({ pageSize: 2 });
    const deals = (await readAll(client.read({}))).flatMap((p) => p.deals);
    expect(deals.map((x) => x.name).sort()).toEqual(['Acme analytics', 'Acme platform', 'Globex yen']);
    const analytics = deals.find((x) => x.name === 'Acme analytics')!;
    expect(analytics).toEqual({
      id: guid(2, '0bb0'), name: 'Acme analytics', accountId: ACME, accountName: 'Acme Corp', closeDate: '2026-08-01', currency: 'EUR', amount: 4500.5,
      lines: [
        { id: guid(21, '11e0'), product: 'Analytics', amount: 4000.5 },
        { id: guid(22, '11e0'), product: 'Onboarding (write-in)', amount: 500 },
      ],
    });
    expect(deals.find((x) => x.name === 'Acme platform')!.lines).toEqual([{ id: guid(11, '11e0'), product: 'Platform', amount: 12000 }]);
    const yen = deals.find((x) => x.name === 'Globex yen')!;
    expect(yen).toMatchObject({ currency: 'JPY', amount: 300000, lines: [], accountId: GLOBEX });
  });

  it('reads incrementally by modifiedon: only what changed since, and the deals reopened or lost', async () => {
    const { client, stand, tick } = setup();
    await readAll(client.read({}));
    tick(60 * 60_000);
    const since = new Date(T0 + 30 * 60_000).toISOString();
    stand.upsertAccount({ accountid: INITECH, name: 'Initech Ltd' });
    stand.win(guid(4, '0bb0'), '2026-11-01');
    stand.reopen(guid(2, '0bb0'));
    const before = stand.seen.length;
    const pages = await readAll(client.read({ since }));
    expect(pages.flatMap((p) => p.accounts).map((a) => a.name)).toEqual(['Initech Ltd']);
    expect(pages.flatMap((p) => p.deals).map((x) => [x.name, x.amount, x.lines.length])).toEqual([['Initech open', 999, 1]]);
    expect(pages.flatMap((p) => p.removedDeals)).toEqual([guid(2, '0bb0')]);
    const asked = stand.seen.slice(before).map((s) => decodeURIComponent(s.url));
    expect(asked.some((u) => u.includes(`modifiedon ge ${since.replace(/\.\d{3}Z$/, 'Z')}`))).toBe(true);
  });

  it('follows deletions by the ids that still exist, and merges by masterid', async () => {
    const { client, stand, tick } = setup();
    await readAll(client.read({}));
    tick(60_000);
    stand.deleteOpportunity(guid(1, '0bb0'));
    stand.merge(GLOBEX, ACME);
    stand.deleteAccount(INITECH);
    const known = async () => ({ accounts: [ACME, GLOBEX, INITECH.toUpperCase()], deals: [guid(1, '0bb0'), guid(2, '0bb0'), guid(3, '0bb0')] });
    const pages = await readAll(client.read({ since: new Date(T0 + 1).toISOString(), known }));
    const removedAccounts = pages.flatMap((p) => p.removedAccounts);
    expect(removedAccounts).toContainEqual({ id: GLOBEX, mergedInto: ACME });
    expect(removedAccounts).toContainEqual({ id: INITECH });
    expect(removedAccounts.filter((r) => r.id === ACME)).toEqual([]);
    expect(pages.flatMap((p) => p.removedDeals)).toEqual([guid(1, '0bb0')]);
    // Globex's yen deal moved to Acme with the merge: read again, now under Acme.
    expect(pages.flatMap((p) => p.deals).find((x) => x.id === guid(3, '0bb0'))?.accountId).toBe(ACME);
    expect(pages.at(-1)!.phase).toBe('removals');
  });

  it('a record this user may not read is not taken for deleted (a teammate shares it through team sync)', async () => {
    const { client, stand, tick } = setup();
    await readAll(client.read({}));
    tick(60_000);
    stand.hidden.add(GLOBEX);
    stand.hidden.add(guid(3, '0bb0'));
    stand.deleteOpportunity(guid(1, '0bb0'));
    stand.lose(guid(2, '0bb0'));
    const known = async () => ({ accounts: [ACME, GLOBEX, INITECH, 'not-a-guid'], deals: [guid(1, '0bb0'), guid(2, '0bb0'), guid(3, '0bb0')] });
    const pages = await readAll(client.read({ since: new Date(T0 + 1).toISOString(), known }));
    expect(pages.flatMap((p) => p.removedAccounts)).toEqual([]);
    expect(pages.flatMap((p) => p.removedDeals).sort()).toEqual([guid(1, '0bb0'), guid(2, '0bb0')]);
    // Each missing record was asked for by id: Globex answered 403 (kept), the deleted deal 404.
    const byId = stand.seen.map((s) => decodeURIComponent(new URL(s.url).pathname)).filter((p) => /\([0-9a-f-]{36}\)$/.test(p));
    expect(byId.sort()).toEqual([`/api/data/v9.2/accounts(${GLOBEX})`, `/api/data/v9.2/opportunities(${guid(1, '0bb0')})`, `/api/data/v9.2/opportunities(${guid(2, '0bb0')})`, `/api/data/v9.2/opportunities(${guid(3, '0bb0')})`].sort());
  });

  it('an ended session is "signed out", with no cookie or challenge details in the error', async () => {
    const { client, stand } = setup();
    stand.endSession();
    const e = await failure(client.whoAmI());
    expect(e.code).toBe('signed_out');
    expect(e.status).toBe(401);
    expect(e.detail).not.toContain(stand.sessionCookie);
    expect(e.detail).not.toContain('login.microsoftonline.com');
  });

  it('a request sent on to the Microsoft sign-in page is "signed out", not a page it cannot read', async () => {
    const signIn: CrmFetch = async () => {
      const res = new Response('<html><title>Sign in to your account</title></html>', { status: 200, headers: { 'content-type': 'text/html' } });
      Object.defineProperty(res, 'redirected', { value: true });
      Object.defineProperty(res, 'url', { value: 'https://login.microsoftonline.com/common/oauth2/authorize?client_id=00000007-0000-0000-c000-000000000000' });
      return res;
    };
    const e = await failure(dynamicsClient({ fetch: signIn, apiHost: DYNAMICS_HOST }).whoAmI());
    expect(e.code).toBe('signed_out');
    expect(e.detail).toBe('redirected to login.microsoftonline.com');
  });

  it('a user without read privilege is told the profile has no API access', async () => {
    const { client, stand } = setup();
    stand.forbidden.add('accounts');
    const e = await failure(readAll(client.read({})));
    expect(e.code).toBe('no_api_access');
    expect(e.detail).toMatch(/^0x80040220: Principal user .* is missing prvReadAccount privilege/);
  });

  it('waits out a 429 for as long as Retry-After says, and loses nothing', async () => {
    const { client, stand, sleeps } = setup({ pageSize: 2 });
    stand.limitRequest(2, 7);
    const pages = await readAll(client.read({}));
    expect(sleeps.length).toBe(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(7000);
    expect(pages.flatMap((p) => p.accounts)).toHaveLength(3);
    expect(pages.flatMap((p) => p.deals)).toHaveLength(3);
    expect(stand.seen.filter((s) => s.url.includes('/accounts')).length).toBe(3);
  });

  it('gives up with rate_limited and the wait asked for when the limit does not clear', async () => {
    const { client, stand } = setup({ maxRetries: 2 });
    for (let i = 1; i <= 3; i++) stand.limitRequest(i, 30);
    const e = await failure(client.whoAmI());
    expect(e.code).toBe('rate_limited');
    expect(e.retryAfterMs).toBe(30_000);
    expect(e.detail).toContain('Number of requests exceeded the limit of 6000 over time window of 300 seconds.');
  });

  it('never follows a link to another host', async () => {
    const d = data();
    for (let i = 10; i < 17; i++) d.accounts!.push({ accountid: guid(i, 'acc0'), name: `Account ${i}` });
    const { client, stand, calls } = setup({ pageSize: 2, d });
    stand.nextLinkOverride = 'https://evil.example/api/data/v9.2/accounts?$skiptoken=x';
    const e = await failure(readAll(client.read({})));
    expect(e.code).toBe('bad_response');
    expect(calls.every((c) => new URL(c.url).hostname === DYNAMICS_HOST)).toBe(true);
  });
});

describe('the Dynamics stand-in', () => {
  it('answers like Dataverse: an unknown column is a 400 with its error shape, paging by $skiptoken', async () => {
    const stand = new DynamicsStandIn(data());
    const res = await stand.handle(new Request(`https://${DYNAMICS_HOST}/api/data/v9.2/accounts?$select=accountid,nosuchcolumn`));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: '0x80060888', message: "Could not find a property named 'nosuchcolumn' on type 'Microsoft.Dynamics.CRM.account'." } });
    const paged = await stand.handle(new Request(`https://${DYNAMICS_HOST}/api/data/v9.2/accounts?$select=name`, { headers: { Prefer: 'odata.maxpagesize=2' } }));
    expect(paged.headers.get('preference-applied')).toBe('odata.maxpagesize=2');
    const body = (await paged.json()) as { value: unknown[]; '@odata.nextLink': string };
    expect(body.value).toHaveLength(2);
    expect(decodeURIComponent(body['@odata.nextLink'])).toMatch(/\$skiptoken=<cookie pagenumber="2" pagingcookie=".+" istracking="False" \/>$/);
  });

  it('checks the session cookie when the browser sends one', async () => {
    const stand = new DynamicsStandIn(data());
    stand.cookieRequired = true;
    const url = `https://${DYNAMICS_HOST}/api/data/v9.2/WhoAmI`;
    const without = await stand.handle(new Request(url));
    expect(without.status).toBe(401);
    expect(without.headers.get('www-authenticate')).toMatch(/^Bearer authorization_uri=https:\/\/login\.microsoftonline\.com\//);
    const withCookie = await stand.handle(new Request(url, { headers: { cookie: `other=1; ${SESSION_COOKIE}=${stand.sessionCookie}` } }));
    expect(withCookie.status).toBe(200);
    expect(await withCookie.json()).toMatchObject({ UserId: stand.userId, OrganizationId: stand.orgId, BusinessUnitId: stand.businessUnitId });
  });
});

describe('a Dynamics sync through the engine (real database)', () => {
  it('keeps revenue true to the CRM: products as lines, then deletions, reopened deals and merges followed', async () => {
    const db = new HoldfastDB(`crm-dynamics-${newId()}`);
    await db.open();
    const { client, stand, tick } = setup();
    const row: CrmConnectionRow = { key: 'dynamics', apiHost: DYNAMICS_HOST, tenant: DYNAMICS_HOST, share: 'me', connectedAt: new Date(T0).toISOString(), failures: 0, currency: 'USD' };
    await db.crm.put(row);
    const sync = async () => runCrmSync({ db, row: (await db.crm.get('dynamics'))!, client, now: () => stand.now(), random: () => 0.5 });
    const live = async () => (await db.revenueLines.toArray()).filter((l) => !l.deleted);
    const customer = async (id: string) => (await db.customers.where('crmKeys').equals(`dynamics|${DYNAMICS_HOST}|account|${id}`).toArray()).find((c) => !c.deleted);

    const first = await sync();
    expect(first.error).toBeUndefined();
    expect((await live()).map((l) => l.amount).sort((a, b) => a - b)).toEqual([50000, 300000, 400050, 1200000]);
    expect(first.row.lastCounts).toMatchObject({ accounts: 3, deals: 3, lines: 4 });
    expect(await customer(GLOBEX)).toBeDefined();

    tick(10 * 60_000);
    stand.deleteOpportunity(guid(1, '0bb0')); // Acme's platform deal: its 12,000 USD leaves
    stand.reopen(guid(2, '0bb0')); // Acme's analytics deal is no longer won
    stand.merge(GLOBEX, ACME); // Globex folds into Acme with its yen deal
    const second = await sync();
    expect(second.error).toBeUndefined();
    const lines = await live();
    expect(lines.map((l) => l.amount)).toEqual([300000]);
    const acme = (await customer(ACME))!;
    expect(lines[0]!.customerId).toBe(acme.id);
    expect(await customer(GLOBEX)).toBeUndefined();

    tick(10 * 60_000);
    stand.deleteAccount(ACME); // and with it the yen deal now under Acme
    await sync();
    expect(await live()).toEqual([]);
    expect(await customer(ACME)).toBeUndefined();
    db.close();
  });
});
