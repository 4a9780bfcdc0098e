import { beforeEach, describe, expect, it } from 'vitest';
import { CrmError } from '@/lib/crm/errors';
import { classifySalesforce, currencyOfLocale, forgetSalesforceOrgs, salesforceClient, soqlDateTime } from '@/lib/crm/salesforce';
import type { CrmPage } from '@/lib/crm/types';
import { standInFetch } from '../../crm-api/serve';
import { bigSalesforceOrg, parseSoql, salesforceOrg, salesforceStandIn, type SmallOrgOptions } from '../../crm-api/salesforce';

const HOST = 'acme.my.salesforce.com';

// Each test is another org at the same address: nothing learnt about an earlier one carries over.
beforeEach(() => forgetSalesforceOrgs());

/** An org with two customers (one with a merged-away twin later), a prospect, and won and open deals. */
function acme(o: SmallOrgOptions = {}) {
  const org = salesforceOrg({ start: '2026-11-01T09:00:00.000Z', ...o });
  org.addUser({ Name: 'Dana Rep', Email: 'Dana@Acme.example' });
  const sam = org.addUser({ Name: 'Sam Lead', Email: 'sam@acme.example' });
  const acmeCo = org.addAccount({ Id: '001Dn00000AcmeCoAA', Name: 'Acme Corp', Website: 'https://www.acme-corp.com', Type: 'Customer - Direct' });
  const globex = org.addAccount({ Name: 'Globex Ltd', Website: 'globex.co.uk', Type: 'Customer - Channel', OwnerId: sam.Id });
  const initech = org.addAccount({ Name: 'Initech', Type: 'Prospect' });
  const won1 = org.addOpportunity({ Name: 'Acme platform', AccountId: acmeCo.Id, CloseDate: '2025-03-01', Type: 'New Customer', lines: [{ product: 'Platform', amount: 10000 }, { product: 'Support', amount: 1250.5 }] });
  const won2 = org.addOpportunity({ Name: 'Globex analytics', AccountId: globex.Id, CloseDate: '2026-06-30', Type: 'Existing Customer - Upgrade', Amount: 3000 });
  const open = org.addOpportunity({ Name: 'Initech pilot', AccountId: initech.Id, CloseDate: '2026-12-31', IsWon: false, lines: [{ product: 'Platform', amount: 500 }] });
  const stand = salesforceStandIn(org, { pageSize: 2 });
  const sid = { value: stand.sid as string | undefined };
  const waits: number[] = [];
  const client = salesforceClient({
    apiHost: HOST,
    fetch: standInFetch(stand),
    session: async () => sid.value,
    sleep: async (ms) => void waits.push(ms),
    random: () => 0.5,
  });
  return { org, stand, client, sid, waits, ids: { acmeCo: acmeCo.Id, globex: globex.Id, initech: initech.Id, won1: won1.Id, won2: won2.Id, open: open.Id } };
}

async function all(it: AsyncIterable<CrmPage>): Promise<CrmPage[]> {
  const out: CrmPage[] = [];
  for await (const p of it) out.push(p);
  return out;
}

async function failure(p: Promise<unknown> | AsyncIterable<CrmPage>): Promise<CrmError> {
  try {
    if (Symbol.asyncIterator in p) await all(p);
    else await p;
  } catch (e) {
    if (e instanceof CrmError) return e;
    throw e;
  }
  throw new Error('expected a CrmError');
}

describe('the Salesforce stand-in reads SOQL as the client writes it', () => {
  it('parses fields, a child subquery, AND conditions and date-time literals', () => {
    const q = parseSoql('SELECT Id, Account.Name, (SELECT Id, Product2.Name FROM OpportunityLineItems) FROM Opportunity WHERE IsWon = true AND SystemModstamp >= 2026-11-01T09:00:00Z');
    expect(q.object).toBe('Opportunity');
    expect(q.fields).toEqual(['Id', 'Account.Name']);
    expect(q.child?.relationship).toBe('OpportunityLineItems');
    expect(q.where).toEqual([
      { field: 'IsWon', op: '=', value: true },
      { field: 'SystemModstamp', op: '>=', value: '2026-11-01T09:00:00.000Z' },
    ]);
  });

  it('answers the versions list without a session, and a query in the documented shape', async () => {
    const { stand } = acme();
    const versions = (await (await stand.handle(new Request(`https://${HOST}/services/data/`))).json()) as Array<{ version: string; url: string; label: string }>;
    expect(versions.at(-1)).toEqual({ label: "Winter '27", url: '/services/data/v68.0', version: '68.0' });
    expect(versions.find((v) => v.version === '67.0')?.label).toBe("Summer '26");
    expect(versions.find((v) => v.version === '31.0')?.label).toBe("Summer '14");
    const res = await stand.handle(new Request(`https://${HOST}/services/data/v63.0/query?q=${encodeURIComponent('SELECT Id, Owner.Email FROM Account')}`, { headers: { Authorization: `Bearer ${stand.sid}` } }));
    const body = (await res.json()) as { totalSize: number; done: boolean; nextRecordsUrl: string; records: Array<Record<string, unknown>> };
    expect(body.totalSize).toBe(3);
    expect(body.done).toBe(false);
    expect(body.nextRecordsUrl).toMatch(/^\/services\/data\/v63\.0\/query\/01g[A-Za-z0-9]+-2$/);
    expect(body.records[0]).toEqual({
      attributes: { type: 'Account', url: '/services/data/v63.0/sobjects/Account/001Dn00000AcmeCoAA' },
      Id: '001Dn00000AcmeCoAA',
      Owner: { attributes: { type: 'User', url: expect.stringMatching(/^\/services\/data\/v63\.0\/sobjects\/User\/005/) }, Email: 'Dana@Acme.example' },
    });
  });

  it('refuses fields an org does not have, as Salesforce does', async () => {
    const { stand } = acme();
    const res = await stand.handle(new Request(`https://${HOST}/services/data/v63.0/query?q=${encodeURIComponent('SELECT Id, CurrencyIsoCode FROM Opportunity')}`, { headers: { Authorization: `Bearer ${stand.sid}` } }));
    expect(res.status).toBe(400);
    const [err] = (await res.json()) as Array<{ errorCode: string; message: string }>;
    expect(err!.errorCode).toBe('INVALID_FIELD');
    expect(err!.message).toContain("No such column 'CurrencyIsoCode' on entity 'Opportunity'");
  });
});

describe('salesforceClient', () => {
  it('whoAmI: the My Domain as the tenant, the org currency from its locale, the user from userinfo', async () => {
    const { client } = acme();
    expect(await client.whoAmI()).toEqual({ tenant: 'acme', apiHost: HOST, currency: 'USD', userName: 'Dana Rep', userEmail: 'dana@acme.example' });
    const sandbox = salesforceOrg({ host: 'acme--uat.sandbox.my.salesforce.com', multiCurrency: true, currency: 'EUR' });
    sandbox.addUser({ Name: 'Uta Tester', Email: 'uta@acme.example' });
    const stand = salesforceStandIn(sandbox);
    const ok = salesforceClient({ apiHost: 'acme--uat.sandbox.my.salesforce.com', fetch: standInFetch(stand), session: async () => stand.sid });
    expect(await ok.whoAmI()).toMatchObject({ tenant: 'acme--uat', currency: 'EUR', userName: 'Uta Tester' });
  });

  it('reads every account page, then every won deal with its lines, following nextRecordsUrl', async () => {
    const { client, stand, ids } = acme();
    const pages = await all(client.read({}));
    expect(pages.map((p) => p.phase)).toEqual(['accounts', 'accounts', 'deals']);
    const accounts = pages.flatMap((p) => p.accounts);
    expect(accounts).toEqual([
      { id: ids.acmeCo, name: 'Acme Corp', website: 'https://www.acme-corp.com', ownerEmail: 'dana@acme.example', ownerName: 'Dana Rep', prospect: false },
      { id: ids.globex, name: 'Globex Ltd', website: 'globex.co.uk', ownerEmail: 'sam@acme.example', ownerName: 'Sam Lead', prospect: false },
      { id: ids.initech, name: 'Initech', ownerEmail: 'dana@acme.example', ownerName: 'Dana Rep', prospect: true },
    ]);
    expect(pages[0]!.totalInPhase).toBe(3);
    const deals = pages.flatMap((p) => p.deals);
    expect(deals).toHaveLength(2);
    expect(deals[0]).toEqual({
      id: ids.won1, name: 'Acme platform', accountId: ids.acmeCo, accountName: 'Acme Corp', closeDate: '2025-03-01', amount: 11250.5, currency: 'USD', type: 'New Customer',
      lines: [
        { id: expect.stringMatching(/^00k\w{15}$/), product: 'Platform', amount: 10000 },
        { id: expect.stringMatching(/^00k\w{15}$/), product: 'Support', amount: 1250.5 },
      ],
    });
    expect(deals[1]).toMatchObject({ id: ids.won2, amount: 3000, lines: [], type: 'Existing Customer - Upgrade' });
    expect(pages[2]!.records).toBe(4); // 2 deals + 2 lines
    // No removals on a first read; every request went to the org's own host with the session as a bearer token.
    expect(stand.seen.every((r) => new URL(r.url).host === HOST && r.headers.authorization === `Bearer ${stand.sid}`)).toBe(true);
    expect(stand.seen.some((r) => r.url.includes('queryAll'))).toBe(false);
  });

  it('single-currency org: asks for CurrencyIsoCode once, drops it on INVALID_FIELD, uses the org currency', async () => {
    const { client, stand } = acme({ locale: 'de_DE' });
    const deals = (await all(client.read({}))).flatMap((p) => p.deals);
    expect(deals.map((d) => d.currency)).toEqual(['EUR', 'EUR']);
    expect(stand.seen.filter((r) => decodeURIComponent(r.url).includes('CurrencyIsoCode'))).toHaveLength(1);
    // What was learnt is remembered: a second read (each sync makes a new client) does not ask again.
    stand.seen.length = 0;
    const next = salesforceClient({ apiHost: HOST, fetch: standInFetch(stand), session: async () => stand.sid });
    expect((await all(next.read({}))).flatMap((p) => p.deals).map((d) => d.currency)).toEqual(['EUR', 'EUR']);
    expect(stand.seen.map((r) => decodeURIComponent(r.url)).filter((u) => /CurrencyIsoCode|Customer_Since__c|FROM CurrencyType|FROM Organization/.test(u))).toEqual([]);
  });

  it('multi-currency org: each deal in its own currency', async () => {
    const { org, client, ids } = acme({ multiCurrency: true, currency: 'USD' });
    org.updateOpportunity(ids.won2, { CurrencyIsoCode: 'GBP' });
    const deals = (await all(client.read({}))).flatMap((p) => p.deals);
    expect(deals.map((d) => d.currency)).toEqual(['USD', 'GBP']);
  });

  it("reads an org's Customer_Since__c when it has one", async () => {
    const { org, client, ids } = acme({ customerSinceField: true });
    org.updateAccount(ids.acmeCo, { Customer_Since__c: '2019-03-14' });
    const accounts = (await all(client.read({}))).flatMap((p) => p.accounts);
    expect(accounts[0]!.customerSince).toBe('2019-03-14');
    expect(accounts[1]!.customerSince).toBeUndefined();
  });

  it('fields hidden from the rep (field-level security) are left out, not fatal; required ones are', async () => {
    const { org, client, stand } = acme();
    org.hiddenFields = new Set(['Account.Website', 'User.Email', 'Opportunity.Amount', 'OpportunityLineItem.TotalPrice']);
    const pages = await all(client.read({}));
    const [acmeCo] = pages.flatMap((p) => p.accounts);
    expect(acmeCo).toEqual({ id: '001Dn00000AcmeCoAA', name: 'Acme Corp', ownerName: 'Dana Rep', prospect: false });
    // Without line prices the deals come without lines (their amount hidden too here).
    expect(pages.flatMap((p) => p.deals).map((d) => [d.name, d.amount, d.lines.length])).toEqual([['Acme platform', undefined, 0], ['Globex analytics', undefined, 0]]);
    const asked = stand.seen.map((r) => decodeURIComponent(r.url));
    expect(asked.filter((u) => u.includes('FROM Account')).at(-1)).not.toMatch(/Website|Owner\.Email/);
    org.hiddenFields = new Set(['Opportunity.CloseDate']);
    const e = await failure(salesforceClient({ apiHost: HOST, fetch: standInFetch(stand), session: async () => stand.sid }).read({}));
    expect(e.code).toBe('bad_response');
    expect(e.detail).toContain("No such column 'CloseDate' on entity 'Opportunity'");
  });

  it('a rep who may not read opportunity products gets the deals with their amounts', async () => {
    const { org, client } = acme();
    org.hiddenObjects = new Set(['OpportunityLineItem']);
    const deals = (await all(client.read({}))).flatMap((p) => p.deals);
    expect(deals.map((d) => [d.name, d.amount, d.lines.length])).toEqual([['Acme platform', 11250.5, 0], ['Globex analytics', 3000, 0]]);
  });

  it('a deal with more lines than a subquery batch: its lines page too', async () => {
    const org = salesforceOrg();
    const a = org.addAccount({ Name: 'Big Co' });
    org.addOpportunity({ Name: 'Many lines', AccountId: a.Id, CloseDate: '2026-01-01', lines: Array.from({ length: 7 }, (_, i) => ({ product: `P${i}`, amount: i + 1 })) });
    const stand = salesforceStandIn(org, { childPageSize: 3 });
    const client = salesforceClient({ apiHost: HOST, fetch: standInFetch(stand), session: async () => stand.sid });
    const [deal] = (await all(client.read({}))).flatMap((p) => p.deals);
    expect(deal!.lines.map((l) => l.product)).toEqual(['P0', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
  });

  it('incremental: only what changed since, then removals (deletes, merges, deals no longer won)', async () => {
    const { org, client, stand, ids } = acme();
    await all(client.read({}));
    const since = org.tick(60_000);
    org.updateAccount(ids.initech, { Type: 'Customer - Direct' });
    const newWin = org.addOpportunity({ Name: 'Initech platform', AccountId: ids.initech, CloseDate: '2026-11-20', lines: [{ product: 'Platform', amount: 8000 }] });
    org.updateOpportunity(ids.won2, { IsWon: false, StageName: 'Negotiation' });
    org.deleteOpportunity(ids.won1);
    const twin = org.addAccount({ Name: 'Acme Corporation' });
    org.tick();
    org.mergeAccounts(ids.acmeCo, twin.Id);
    stand.seen.length = 0;

    const pages = await all(client.read({ since }));
    const soql = stand.seen.map((r) => decodeURIComponent(new URL(r.url).searchParams.get('q') ?? ''));
    expect(soql.filter(Boolean).every((q) => q.includes(`SystemModstamp >= ${since.replace('.000Z', 'Z')}`))).toBe(true);
    expect(pages.flatMap((p) => p.accounts).map((a) => a.name).sort()).toEqual(['Acme Corp', 'Initech']);
    expect(pages.flatMap((p) => p.accounts).find((a) => a.name === 'Initech')?.prospect).toBe(false);
    expect(pages.flatMap((p) => p.deals).map((d) => d.id)).toEqual([newWin.Id]);
    const removals = pages.filter((p) => p.phase === 'removals');
    expect(removals.flatMap((p) => p.removedAccounts)).toEqual([{ id: twin.Id, mergedInto: ids.acmeCo }]);
    // The open deal did not change: it is not among them.
    expect(removals.flatMap((p) => p.removedDeals).sort()).toEqual([ids.won1, ids.won2].sort());
    expect(stand.seen.filter((r) => r.url.includes('/queryAll?'))).toHaveLength(2);
  });

  it('an account deleted outright is a removal without a master', async () => {
    const { org, client, ids } = acme();
    const since = org.tick(1000);
    org.deleteAccount(ids.globex);
    const pages = await all(client.read({ since }));
    expect(pages.flatMap((p) => p.removedAccounts)).toEqual([{ id: ids.globex }]);
    // Its opportunities went with it (cascade delete).
    expect(pages.flatMap((p) => p.removedDeals)).toContain(ids.won2);
  });

  it('since becomes a SOQL date-time literal in whole seconds', () => {
    expect(soqlDateTime('2026-11-01T09:00:00.789Z')).toBe('2026-11-01T09:00:00Z');
    expect(soqlDateTime('2026-11-01T10:00:00+01:00')).toBe('2026-11-01T09:00:00Z');
    expect(currencyOfLocale('en_GB')).toBe('GBP');
    expect(currencyOfLocale('fr_FR_EURO')).toBe('EUR');
    expect(currencyOfLocale('xx_ZZ')).toBeUndefined();
  });
});

describe('Salesforce errors, worded by what the rep should do', () => {
  it('maps every error Salesforce documents for reads', () => {
    const err = (status: number, errorCode: string) => classifySalesforce(status, [{ errorCode, message: 'm' }])?.code;
    expect(err(401, 'INVALID_SESSION_ID')).toBe('signed_out');
    expect(err(403, 'REQUEST_LIMIT_EXCEEDED')).toBe('rate_limited');
    expect(err(403, 'API_DISABLED_FOR_ORG')).toBe('no_api_access');
    expect(err(403, 'API_CURRENTLY_DISABLED')).toBe('no_api_access');
    expect(err(500, 'UNKNOWN_EXCEPTION')).toBe('server');
    expect(err(400, 'MALFORMED_QUERY')).toBe('bad_response');
    expect(classifySalesforce(503, '<html>')).toBeUndefined(); // → the generic reading: server
  });

  it('an expired session is signed_out, and the session id is nowhere in the error', async () => {
    const { client, stand, sid } = acme();
    const old = stand.sid;
    stand.expireSession();
    const e = await failure(client.read({}));
    expect(e.code).toBe('signed_out');
    expect(e.detail).toBe('INVALID_SESSION_ID: Session expired or invalid');
    expect(`${e.message} ${e.detail} ${e.stack} ${JSON.stringify(e)}`).not.toContain(old);
    // No session at all (signed out of Salesforce): signed_out without a request.
    sid.value = undefined;
    stand.seen.length = 0;
    const none = await failure(client.whoAmI());
    expect(none.code).toBe('signed_out');
    expect(stand.seen).toHaveLength(0);
    // Signed in again: the next request carries the new session, read afresh.
    sid.value = stand.signIn();
    expect((await client.whoAmI()).tenant).toBe('acme');
  });

  it('the session is read for every request, so a new sign-in mid-read is used', async () => {
    const { stand, sid } = acme();
    const reads: string[] = [];
    const c = salesforceClient({ apiHost: HOST, fetch: standInFetch(stand), session: async () => (reads.push('x'), sid.value) });
    await all(c.read({}));
    expect(reads.length).toBe(stand.seen.length);
  });

  it('REQUEST_LIMIT_EXCEEDED mid-read is waited out (no real waiting), then the read completes', async () => {
    const { client, stand, waits } = acme();
    stand.failNth(2, 'limit', 2);
    const pages = await all(client.read({}));
    expect(pages.flatMap((p) => p.accounts)).toHaveLength(3);
    expect(pages.flatMap((p) => p.deals)).toHaveLength(2);
    expect(waits).toHaveLength(2);
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
  });

  it('a limit that does not clear gives up as rate_limited after the retries', async () => {
    const { client, stand, waits } = acme();
    stand.failAll = 'limit';
    const e = await failure(client.read({}));
    expect(e.code).toBe('rate_limited');
    expect(e.detail).toBe('REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.');
    expect(waits).toHaveLength(5);
  });

  it('API disabled for the org or profile: no_api_access; 5xx: server', async () => {
    const { client, stand } = acme();
    stand.failAll = 'disabled';
    const e = await failure(client.whoAmI());
    expect(e.code).toBe('no_api_access');
    expect(e.detail).toBe('API_DISABLED_FOR_ORG: The REST API is not enabled for this Organization.');
    stand.failAll = 'server';
    expect((await failure(client.read({}))).code).toBe('server');
    stand.failAll = undefined;
    stand.failNth(1, 'unavailable');
    // 503 is waited out like a limit.
    expect((await all(client.read({}))).flatMap((p) => p.accounts)).toHaveLength(3);
  });

  it('never asks another host, even when a next-page address names one', async () => {
    const { stand } = acme();
    const seenElsewhere: string[] = [];
    const fetch = standInFetch(stand);
    const c = salesforceClient({
      apiHost: HOST,
      session: async () => stand.sid,
      fetch: async (url, init) => {
        if (new URL(url).host !== HOST) seenElsewhere.push(url);
        const res = await fetch(url, init);
        const body = (await res.clone().json().catch(() => null)) as { nextRecordsUrl?: string } | null;
        // A tampered answer pointing the next page elsewhere.
        if (body?.nextRecordsUrl) return new Response(JSON.stringify({ ...body, nextRecordsUrl: 'https://evil.example/services/data/v63.0/query/01g-2' }), { status: 200 });
        return res;
      },
    });
    const e = await failure(c.read({}));
    expect(e.code).toBe('bad_response');
    expect(seenElsewhere).toEqual([]);
  });
});

describe('the bench org', () => {
  it('makes rows lazily and pages through them: 20 accounts, 30 deals of 3 lines', async () => {
    const org = bigSalesforceOrg({ accounts: 20, deals: 30, linesPerDeal: 3 });
    const stand = salesforceStandIn(org, { pageSize: 8 });
    const client = salesforceClient({ apiHost: HOST, fetch: standInFetch(stand), session: async () => stand.sid });
    const pages = await all(client.read({}));
    const accounts = pages.flatMap((p) => p.accounts);
    const deals = pages.flatMap((p) => p.deals);
    expect(accounts).toHaveLength(20);
    expect(new Set(accounts.map((a) => a.id)).size).toBe(20);
    expect(deals).toHaveLength(30);
    expect(deals.flatMap((d) => d.lines)).toHaveLength(90);
    expect(deals.every((d) => accounts.some((a) => a.id === d.accountId))).toBe(true);
    expect(pages.filter((p) => p.phase === 'deals')).toHaveLength(4);
    expect(accounts.filter((a) => a.prospect)).toHaveLength(2);
  });
});
