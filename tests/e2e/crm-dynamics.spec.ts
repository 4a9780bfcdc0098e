import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DYNAMICS_HOST, DynamicsStandIn, SESSION_COOKIE, guid, type DynAccount } from '../crm-api/dynamics';
import { routeStandIns } from '../crm-api/serve';
import { launchWithExtension } from './browser';
import { DockDriver } from './dock';
import { openOptions } from './options-nav';
import { serveFixtures } from './serve';

/**
 * Connect Dynamics 365 (issue 16), end to end: the built extension in Chromium reads a
 * stand-in of the Dataverse Web API served at the org's real address, with the browser's own
 * signed-in session (the CrmOwinAuth cookie, which the stand-in checks on every request), and
 * the dock on the org's account record page shows what the sync brought in.
 */
const ACME = '7a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d';
const RECORD = `https://${DYNAMICS_HOST}/main.aspx?appid=0b7a2f4e-1c3d-4e5f-8a9b-112233445566&pagetype=entityrecord&etn=account&id=%7B7A1B2C3D-4E5F-4A6B-8C9D-0E1F2A3B4C5D%7D`;
const API = `https://${DYNAMICS_HOST}/api/data/v9.2`;
const PLATFORM = guid(1, 'pr0d');
const ANALYTICS = guid(2, 'pr0d');
const SUPPORT = guid(3, 'pr0d');
/** Accounts besides Acme: enough for several pages of 250, so the progress has pages to count. */
const OTHERS = 600;

const now = new Date();
/** The calendar day `months` before today, YYYY-MM-DD (day clamped to the month's end). */
function monthsAgo(months: number): string {
  const first = new Date(now.getFullYear(), now.getMonth() - months, 1);
  const last = new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${first.getFullYear()}-${pad(first.getMonth() + 1)}-${pad(Math.min(now.getDate(), last))}`;
}

/**
 * Acme (the record page's account): Platform bought 20 months ago (its first purchase: new
 * business), then products new to Acme (cross-sell): training 6 months ago, Analytics and
 * onboarding 3 months ago. An open opportunity brings nothing.
 */
function org(): DynamicsStandIn {
  const accounts: DynAccount[] = [{ accountid: ACME, name: 'Acme Corp', websiteurl: 'https://www.acme-corp.com', customertypecode: 3 }];
  for (let i = 1; i <= OTHERS; i++) accounts.push({ accountid: guid(i, 'acc0'), name: `Account ${i}`, websiteurl: `account${i}.example` });
  const stand = new DynamicsStandIn({
    products: [{ productid: PLATFORM, name: 'Platform' }, { productid: ANALYTICS, name: 'Analytics' }, { productid: SUPPORT, name: 'Premium Support' }],
    accounts,
    opportunities: [
      { opportunityid: guid(1, '0bb0'), name: 'Acme platform', parentaccountid: ACME, statecode: 1, actualclosedate: monthsAgo(20), actualvalue: 12000, lines: [{ opportunityproductid: guid(11, '11e0'), productid: PLATFORM, extendedamount: 12000 }] },
      {
        opportunityid: guid(2, '0bb0'), name: 'Acme analytics', parentaccountid: ACME, statecode: 1, actualclosedate: monthsAgo(3), actualvalue: 4500.5,
        lines: [
          { opportunityproductid: guid(21, '11e0'), productid: ANALYTICS, extendedamount: 4000.5 },
          { opportunityproductid: guid(22, '11e0'), productdescription: 'Onboarding', extendedamount: 500 },
        ],
      },
      { opportunityid: guid(4, '0bb0'), name: 'Acme training', parentaccountid: ACME, statecode: 1, actualclosedate: monthsAgo(6), actualvalue: 1000, lines: [{ opportunityproductid: guid(41, '11e0'), productdescription: 'Training', extendedamount: 1000 }] },
      { opportunityid: guid(3, '0bb0'), name: 'Acme support (open)', parentaccountid: ACME, statecode: 0, lines: [{ opportunityproductid: guid(31, '11e0'), productid: SUPPORT, extendedamount: 2000 }] },
    ],
  });
  stand.cookieRequired = true;
  return stand;
}

let context: BrowserContext;
let extensionId: string;
test.afterEach(async () => {
  await context?.close();
});

/**
 * A profile with Dynamics granted, signed in to the org (its session cookie), the org's API and
 * record page served. CrmOwinAuth is SameSite=None, Dataverse's default (Power Platform admin,
 * "Configure the SameSite attribute for session cookies"): measured here, Chromium sends it
 * with the service worker's fetch. An org whose admin set Lax or Strict gets 401 from that
 * fetch even while signed in (measured too, not asserted here).
 */
async function signedIn(stand: DynamicsStandIn): Promise<void> {
  ({ context, extensionId } = await launchWithExtension({ grant: ['https://*.dynamics.com/*'] }));
  // Routes registered later answer first: any other address is refused, the org's host is the
  // API stand-in's, except its record page, which is the fixture.
  await serveFixtures(context, {});
  await routeStandIns(context, stand);
  await context.route(`https://${DYNAMICS_HOST}/main.aspx**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(path.resolve('tests/fixtures/sites/dynamics-account-record-2026-11.html')) }));
  await context.addCookies([{ name: SESSION_COOKIE, value: stand.sessionCookie, domain: DYNAMICS_HOST, path: '/', secure: true, httpOnly: true, sameSite: 'None' }]);
}

const card = (page: Page) => page.getByTestId('crm-dynamics');

async function connect(page: Page): Promise<void> {
  await openOptions(page, extensionId, 'crm');
  await card(page).getByLabel('CRM address').fill(`https://${DYNAMICS_HOST}`);
  await card(page).getByRole('button', { name: 'Connect Dynamics 365' }).click();
}

async function tenure(url = RECORD): Promise<{ dock: DockDriver; page: Page }> {
  const page = await context.newPage();
  const dock = await DockDriver.open(page, url);
  await dock.waitForText((t) => t.includes('Retention risk'), 8_000);
  return { dock, page };
}

test("the service worker's credentials: 'include' fetch carries the org's session cookie", async () => {
  const stand = org();
  await signedIn(stand);
  const worker = context.serviceWorkers()[0]!;
  const status = await worker.evaluate(async (url) => (await fetch(url, { credentials: 'include', headers: { 'OData-Version': '4.0' } })).status, `${API}/WhoAmI`);
  expect(status).toBe(200);
  expect(stand.seen.at(-1)!.headers.cookie).toContain(`${SESSION_COOKIE}=${stand.sessionCookie}`);
  // Without the cookie the same request is refused, so the check above is the cookie's doing.
  await context.clearCookies();
  const after = await worker.evaluate(async (url) => (await fetch(url, { credentials: 'include' })).status, `${API}/WhoAmI`);
  expect(after).toBe(401);
});

test('connect Dynamics 365: first sync with progress, the revenue mix on the account page, then an incremental change', async () => {
  test.setTimeout(120_000);
  const stand = org();
  await signedIn(stand);
  // Caught on its second page of accounts, the sync shows where it is.
  const release = stand.hold((url) => url.includes('/accounts?') && url.includes('$skiptoken='));
  const page = await context.newPage();
  await connect(page);
  const bar = card(page).getByRole('progressbar', { name: 'Reading Dynamics 365' });
  await expect(bar).toBeVisible({ timeout: 15_000 });
  await expect(card(page).getByTestId('crm-progress')).toHaveText('Reading accounts · 250 records · page 1');
  // Dataverse counted the accounts ($count=true): the bar fills, 250 of 601.
  await expect(bar).toHaveJSProperty('max', OTHERS + 1);
  await expect(bar).toHaveJSProperty('value', 250);
  release();
  await expect(card(page).getByTestId('crm-status')).toContainText('Last synced', { timeout: 30_000 });
  await expect(card(page).getByTestId('crm-status')).toContainText(`${(OTHERS + 1).toLocaleString('en-US')} customers · 3 deals · 4 product lines`);
  // Every request carried the session; none went anywhere but the org.
  const api = stand.seen.filter((s) => s.url.startsWith(API));
  expect(api.length).toBeGreaterThan(5);
  expect(api.every((s) => s.headers.cookie?.includes(`${SESSION_COOKIE}=${stand.sessionCookie}`))).toBe(true);

  const { dock, page: record } = await tenure();
  expect(await dock.text()).toContain('Matched by CRM record');
  expect(await dock.textOf('.head .customer')).toBe('Acme Corp');
  const last12 = '[data-testid=tenure-last12] [data-currency=USD]';
  expect(await dock.textOf(`${last12} .t-total`)).toBe('$5,500.50 total');
  expect(await dock.textOf(`${last12} [data-kind=cross_sell]`)).toBe('Cross-sell $5,500.50 · 100%');
  const all = '[data-testid=tenure-alltime] [data-currency=USD]';
  expect(await dock.textOf(`${all} .t-total`)).toBe('$17,500.50 total');
  // 12,000 / 17,500.50 = 68.6%; 5,500.50 / 17,500.50 = 31.4%.
  expect(await dock.textOf(`${all} [data-kind=new]`)).toBe('New $12,000.00 · 69%');
  expect(await dock.textOf(`${all} [data-kind=cross_sell]`)).toBe('Cross-sell $5,500.50 · 31%');
  await record.close();

  // In the CRM: the support deal is won this month; the analytics deal is reopened (no longer
  // revenue); the training deal is deleted.
  stand.win(guid(3, '0bb0'), monthsAgo(0));
  stand.reopen(guid(2, '0bb0'));
  stand.deleteOpportunity(guid(4, '0bb0'));
  const before = stand.seen.length;
  await card(page).getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(() => stand.seen.slice(before).some((s) => decodeURIComponent(s.url).includes('modifiedon ge '))).toBe(true);
  // One deal more (support, one line), two fewer (analytics, two lines; training, one).
  await expect(card(page).getByTestId('crm-status')).toContainText(`${(OTHERS + 1).toLocaleString('en-US')} customers · 2 deals · 2 product lines`, { timeout: 30_000 });

  const again = await tenure();
  expect(await again.dock.textOf(`${last12} .t-total`)).toBe('$2,000.00 total');
  expect(await again.dock.textOf(`${last12} [data-kind=cross_sell]`)).toBe('Cross-sell $2,000.00 · 100%');
  expect(await again.dock.textOf(`${all} .t-total`)).toBe('$14,000.00 total');
  expect(await again.dock.textOf(`${all} [data-kind=new]`)).toBe('New $12,000.00 · 86%');
});

test('a session that has ended is worded as such, and signing in again lets Sync now finish', async () => {
  test.setTimeout(90_000);
  const stand = org();
  await signedIn(stand);
  const page = await context.newPage();
  await connect(page);
  await expect(card(page).getByTestId('crm-status')).toContainText('Last synced', { timeout: 30_000 });
  // The user signs out of Dynamics 365 in this browser: its session cookie is gone.
  await context.clearCookies();
  await card(page).getByRole('button', { name: 'Sync now' }).click();
  const alert = card(page).getByRole('alert');
  await expect(alert).toHaveAttribute('data-testid', 'crm-error');
  await expect(alert).toContainText('Your Dynamics 365 session has ended. Open Dynamics 365, sign in again, then press Sync now.', { timeout: 15_000 });
  await expect(alert).not.toContainText(stand.sessionCookie);
  // Signed in again: the next sync completes and the error goes.
  await context.addCookies([{ name: SESSION_COOKIE, value: stand.sessionCookie, domain: DYNAMICS_HOST, path: '/', secure: true, httpOnly: true, sameSite: 'None' }]);
  await card(page).getByRole('button', { name: 'Sync now' }).click();
  await expect(card(page).getByTestId('crm-error')).toHaveCount(0, { timeout: 15_000 });
  await expect(card(page).getByTestId('crm-status')).toContainText('Last synced');
});

test("Dynamics' API limit mid-sync: what was read is kept, and the next sync completes", async () => {
  test.setTimeout(120_000);
  const stand = org();
  await signedIn(stand);
  // The first read of the deals is refused for longer than a sync waits (Retry-After 10 minutes).
  const page = await context.newPage();
  let limited = false;
  const handle = stand.handle.bind(stand);
  stand.handle = async (req) => {
    if (!limited && decodeURIComponent(req.url).includes('/opportunities?') && decodeURIComponent(req.url).includes('statecode eq 1')) {
      limited = true;
      stand.limitRequest(1, 600);
    }
    return handle(req);
  };
  await connect(page);
  const alert = card(page).getByTestId('crm-error');
  await expect(alert).toContainText('Dynamics 365’s API limit was reached. Everything read so far is kept; the sync will continue later.', { timeout: 30_000 });
  expect(limited).toBe(true);

  // Nothing lost: the accounts read before the limit are there, Acme recognised by its CRM record.
  const first = await tenure();
  expect(await first.dock.text()).toContain('Matched by CRM record');
  expect(await first.dock.textOf('.head .customer')).toBe('Acme Corp');
  await first.page.close();

  await card(page).getByRole('button', { name: 'Sync now' }).click();
  await expect(card(page).getByTestId('crm-error')).toHaveCount(0, { timeout: 30_000 });
  await expect(card(page).getByTestId('crm-status')).toContainText('3 deals · 4 product lines', { timeout: 30_000 });
  const done = await tenure();
  expect(await done.dock.textOf('[data-testid=tenure-alltime] [data-currency=USD] .t-total')).toBe('$17,500.50 total');
});
