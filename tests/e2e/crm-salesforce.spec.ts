import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { PRODUCT_MATCHES } from '../../lib/sites/hosts';
import { salesforceOrg, salesforceStandIn, type SalesforceStandIn, type SmallOrg } from '../crm-api/salesforce';
import { routeStandIns } from '../crm-api/serve';
import { launchWithExtension } from './browser';
import { DockDriver } from './dock';
import { openOptions } from './options-nav';
import { serveFixtures } from './serve';

/**
 * Connect Salesforce (issue 16), end to end: the built extension in Chromium reads a stand-in
 * of the Salesforce REST API served at the org's real My Domain host (acme.my.salesforce.com)
 * with the `sid` cookie the rep's browser holds for it, and the dock on the account's
 * Lightning record page shows what the sync brought in.
 */
const API_HOST = 'acme.my.salesforce.com';
const ACME = '001Dn00000AcmeCoAA';
const RECORD = `https://acme.lightning.force.com/lightning/r/Account/${ACME}/view`;
/** Accounts besides Acme: several pages of PAGE, so the progress has pages to count. */
const OTHERS = 450;
const PAGE = 200;

const now = new Date();
/** The calendar day `months` before today (day clamped to the month's end), YYYY-MM-DD. */
function monthsAgo(months: number): string {
  const first = new Date(now.getFullYear(), now.getMonth() - months, 1);
  const last = new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${first.getFullYear()}-${pad(first.getMonth() + 1)}-${pad(Math.min(now.getDate(), last))}`;
}

/**
 * Acme: Platform bought 20 months ago as a new customer, then 3 months ago Analytics and
 * Onboarding, products new to Acme (cross-sell). An open support deal brings nothing yet.
 */
function acmeOrg(): { org: SmallOrg; stand: SalesforceStandIn; ids: { support: string; analytics: string } } {
  const org = salesforceOrg({ name: 'Acme Inc.' });
  org.addUser({ Name: 'Jane Morgan', Email: 'jane.morgan@vendor.example' });
  org.addAccount({ Id: ACME, Name: 'Acme Corp', Website: 'https://www.acme-corp.com', Type: 'Customer - Direct' });
  for (let i = 0; i < OTHERS; i++) org.addAccount({ Name: `Company ${i + 1}`, Website: `company${i + 1}.example`, Type: i % 5 ? 'Customer - Channel' : 'Prospect' });
  org.addOpportunity({ Name: 'Acme platform', AccountId: ACME, CloseDate: monthsAgo(20), Type: 'New Customer', lines: [{ product: 'Platform', amount: 12000 }] });
  const analytics = org.addOpportunity({
    Name: 'Acme analytics', AccountId: ACME, CloseDate: monthsAgo(3), Type: 'Existing Customer - Upgrade',
    lines: [{ product: 'Analytics', amount: 3000 }, { product: 'Onboarding', amount: 1000 }],
  });
  const support = org.addOpportunity({ Name: 'Acme support', AccountId: ACME, CloseDate: monthsAgo(-1), IsWon: false, StageName: 'Proposal/Price Quote', lines: [{ product: 'Premium Support', amount: 2000 }] });
  return { org, stand: salesforceStandIn(org, { pageSize: PAGE }), ids: { support: support.Id, analytics: analytics.Id } };
}

let context: BrowserContext;
let extensionId: string;
test.afterEach(async () => {
  await context?.close();
});

/** The session cookie the browser holds for the org's API host, as Salesforce sets it. */
async function signIn(stand: SalesforceStandIn, sid = stand.sid): Promise<void> {
  await context.addCookies([{ name: 'sid', value: sid, url: `https://${API_HOST}`, secure: true, httpOnly: true, sameSite: 'None' }]);
}

/** A profile with Salesforce's pages granted and the cookies permission given, the API and the record page served. */
async function start(stand: SalesforceStandIn): Promise<void> {
  ({ context, extensionId } = await launchWithExtension({ grant: [...PRODUCT_MATCHES.salesforce], permissions: ['cookies'] }));
  await serveFixtures(context, { 'https://acme.lightning.force.com/*': 'sites/salesforce-account-record-2026-11.html' });
  // Routes registered later answer first: the API host is the stand-in's.
  await routeStandIns(context, stand);
  await signIn(stand);
}

const card = (page: Page) => page.getByTestId('crm-salesforce');

async function connect(page: Page): Promise<void> {
  await openOptions(page, extensionId, 'crm');
  await card(page).getByLabel('CRM address').fill('https://acme.lightning.force.com');
  await card(page).getByRole('button', { name: 'Connect Salesforce' }).click();
}

async function synced(page: Page, counts: string): Promise<void> {
  await expect(card(page).getByRole('progressbar')).toHaveCount(0, { timeout: 60_000 });
  await expect(card(page).getByTestId('crm-status')).toContainText('Last synced');
  await expect(card(page).getByTestId('crm-status')).toContainText(counts);
}

async function tenure(): Promise<{ dock: DockDriver; page: Page }> {
  const page = await context.newPage();
  const dock = await DockDriver.open(page, RECORD);
  await dock.waitForText((t) => t.includes('Retention risk'), 8_000);
  return { dock, page };
}

/** Everything the extension keeps: storage.local and .session, and every IndexedDB store, as JSON. */
async function everythingStored(): Promise<string> {
  type Chrome = { chrome: { storage: { local: { get(k: null): Promise<unknown> }; session?: { get(k: null): Promise<unknown> } } } };
  const worker = context.serviceWorkers()[0];
  if (!worker) throw new Error('no service worker');
  return worker.evaluate(async () => {
    const { storage } = (globalThis as unknown as Chrome).chrome;
    const out: unknown[] = [await storage.local.get(null), await storage.session?.get(null)];
    const request = <T>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
    for (const info of await indexedDB.databases()) {
      const db = await request(indexedDB.open(info.name!));
      for (const name of Array.from(db.objectStoreNames)) out.push({ [name]: await request(db.transaction(name).objectStore(name).getAll()) });
      db.close();
    }
    return JSON.stringify(out);
  });
}

const last12 = '[data-testid=tenure-last12] [data-currency=USD]';
const all = '[data-testid=tenure-alltime] [data-currency=USD]';
const FIRST_COUNTS = `${(OTHERS + 1).toLocaleString('en-US')} customers · 2 deals · 3 product lines`;

async function expectFirstSyncMix(): Promise<void> {
  const { dock, page } = await tenure();
  expect(await dock.textOf('.head .customer')).toBe('Acme Corp');
  expect(await dock.text()).toContain('Matched by CRM record');
  expect(await dock.textOf(`${last12} .t-total`)).toBe('$4,000.00 total');
  expect(await dock.textOf(`${last12} [data-kind=cross_sell]`)).toBe('Cross-sell $4,000.00 · 100%');
  expect(await dock.textOf(`${all} .t-total`)).toBe('$16,000.00 total');
  expect(await dock.textOf(`${all} [data-kind=new]`)).toBe('New $12,000.00 · 75%');
  expect(await dock.textOf(`${all} [data-kind=cross_sell]`)).toBe('Cross-sell $4,000.00 · 25%');
  await page.close();
}

test('connect Salesforce with the browser session: first sync with progress, the revenue mix on the record page, then a new won deal', async () => {
  test.setTimeout(150_000);
  const { org, stand, ids } = acmeOrg();
  await start(stand);
  // Caught on its second page of accounts, the sync shows where it is.
  const release = stand.hold((url) => url.includes('/services/data/') && /\/query\/01g\w+-200$/.test(url));
  const page = await context.newPage();
  await connect(page);
  await expect(card(page).getByRole('progressbar', { name: 'Reading Salesforce' })).toBeVisible({ timeout: 20_000 });
  await expect(card(page).getByTestId('crm-progress')).toHaveText('Reading accounts · 200 records · page 1');
  await expect(card(page).getByTestId('crm-connection')).toHaveText('Connected to acme.my.salesforce.com as Jane Morgan. Shared with: just you.');
  release();
  await synced(page, FIRST_COUNTS);
  // Every API request went to the org's own host with the session as a bearer token; none put it in the address.
  const api = stand.seen.filter((s) => s.url.includes('/services/'));
  expect(api.length).toBeGreaterThan(4);
  expect(api.every((s) => new URL(s.url).host === API_HOST && s.headers.authorization === `Bearer ${stand.sid}` && !s.url.includes(stand.sid))).toBe(true);
  // What the sync wrote is kept; the session id is kept nowhere.
  const stored = await everythingStored();
  expect(stored).toContain('Acme Corp');
  expect(stored).toContain('acme.my.salesforce.com');
  expect(stored).not.toContain(stand.sid);

  await expectFirstSyncMix();

  // In Salesforce: the support deal is won today.
  org.updateOpportunity(ids.support, { IsWon: true, IsClosed: true, StageName: 'Closed Won', CloseDate: monthsAgo(0) });
  const before = stand.seen.length;
  await card(page).getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(() => stand.seen.length, { timeout: 15_000 }).toBeGreaterThan(before);
  await synced(page, 'Last synced');
  // Incremental: only what changed since the last read, and the recycle bin.
  const asked = stand.seen.slice(before).map((s) => decodeURIComponent(s.url));
  const records = asked.filter((u) => /\?q=SELECT .* FROM (Account|Opportunity)\b/.test(u));
  expect(records.length).toBeGreaterThan(3);
  expect(records.every((u) => u.includes('SystemModstamp >= '))).toBe(true);
  expect(asked.some((u) => u.includes('/queryAll?q='))).toBe(true);

  const { dock } = await tenure();
  expect(await dock.textOf(`${last12} .t-total`)).toBe('$6,000.00 total');
  expect(await dock.textOf(`${last12} [data-kind=cross_sell]`)).toBe('Cross-sell $6,000.00 · 100%');
  expect(await dock.textOf(`${all} .t-total`)).toBe('$18,000.00 total');
});

test('an ended session is worded as such, nothing synced is lost, and signing in again syncs', async () => {
  test.setTimeout(150_000);
  const { org, stand, ids } = acmeOrg();
  await start(stand);
  const page = await context.newPage();
  await connect(page);
  await synced(page, FIRST_COUNTS);
  const oldSid = stand.sid;

  // The rep's Salesforce session times out.
  stand.expireSession();
  org.updateOpportunity(ids.analytics, { IsWon: false, IsClosed: false, StageName: 'Negotiation/Review' });
  await card(page).getByRole('button', { name: 'Sync now' }).click();
  const alert = card(page).getByTestId('crm-error');
  await expect(alert).toHaveAttribute('role', 'alert', { timeout: 30_000 });
  await expect(alert.locator('p')).toHaveText('Your Salesforce session has ended. Open Salesforce, sign in again, then press Sync now.');
  // The session id is shown nowhere, not even under Details.
  await alert.getByText('Details').click();
  await expect(alert).toContainText('INVALID_SESSION_ID: Session expired or invalid');
  expect(await page.content()).not.toContain(oldSid);
  await expectFirstSyncMix();

  // Signed in again (a new sid cookie): the next sync reads with it and the reopened deal's revenue leaves.
  await signIn(stand, stand.signIn());
  await card(page).getByRole('button', { name: 'Sync now' }).click();
  await expect(card(page).getByTestId('crm-error')).toHaveCount(0, { timeout: 30_000 });
  await synced(page, 'Last synced');
  const { dock } = await tenure();
  expect(await dock.textOf(`${all} .t-total`)).toBe('$12,000.00 total');
});

test('the API limit reached mid-sync: waited, then worded; what was synced stays, and the next sync completes', async () => {
  test.setTimeout(180_000);
  const { org, stand, ids } = acmeOrg();
  await start(stand);
  const page = await context.newPage();
  await connect(page);
  await synced(page, FIRST_COUNTS);

  // In Salesforce: the support deal is won; then the org's daily API limit runs out after the
  // next sync's first request (its accounts), until the end of this test's day.
  org.updateOpportunity(ids.support, { IsWon: true, IsClosed: true, StageName: 'Closed Won', CloseDate: monthsAgo(0) });
  stand.failNth(2, 'limit', 1000);
  await card(page).getByRole('button', { name: 'Sync now' }).click();
  await expect(card(page).getByTestId('crm-progress')).toHaveText(/^Waiting for Salesforce’s API limit \(\d+ s\)$/, { timeout: 20_000 });
  const alert = card(page).getByTestId('crm-error');
  await expect(alert.locator('p')).toHaveText('Salesforce’s API limit was reached. Everything read so far is kept; the sync will continue later.', { timeout: 120_000 });
  expect(stand.seen.filter((s) => s.url.includes('/services/data/')).length).toBeGreaterThan(3);
  // Nothing already synced is lost.
  await expectFirstSyncMix();

  // The limit clears: the next sync completes and brings the new deal.
  stand.clearFailures();
  await card(page).getByRole('button', { name: 'Sync now' }).click();
  await expect(card(page).getByTestId('crm-error')).toHaveCount(0, { timeout: 30_000 });
  await synced(page, 'Last synced');
  const { dock } = await tenure();
  expect(await dock.textOf(`${last12} .t-total`)).toBe('$6,000.00 total');
});

test('connecting while signed out of Salesforce says so, and asks the org nothing', async () => {
  test.setTimeout(60_000);
  const { stand } = acmeOrg();
  await start(stand);
  await context.clearCookies();
  const page = await context.newPage();
  await connect(page);
  // No Sync now on a card not yet connected: the advice names the button that is there.
  await expect(card(page).getByTestId('crm-error')).toContainText('Your Salesforce session has ended. Open Salesforce, sign in again, then press Connect again.', { timeout: 20_000 });
  await expect(card(page).getByRole('button', { name: 'Connect Salesforce' })).toBeVisible();
  expect(stand.seen).toEqual([]);
});
