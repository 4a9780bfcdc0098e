import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { PRODUCT_MATCHES } from '../../lib/sites/hosts';
import { HUBSPOT_HOST, HubSpotStandIn, type HubSpotSeed } from '../crm-api/hubspot';
import { routeStandIns } from '../crm-api/serve';
import { launchWithExtension } from './browser';
import { DockDriver } from './dock';
import { openOptions } from './options-nav';
import { serveFixtures } from './serve';

/**
 * Connect HubSpot (issue 16), end to end: the built extension in Chromium reads a stand-in of
 * HubSpot's CRM API served at its real address (api.hubapi.com) with a pasted private app
 * token, and the dock on the portal's company record page shows what the sync brought in.
 */
const TOKEN = 'pat-eu1-0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const PORTAL = 26555111;
const ACME = '18213999001';
const RECORD = `https://app-eu1.hubspot.com/contacts/${PORTAL}/record/0-2/${ACME}`;
/** Companies besides Acme: several pages of 100, so the progress has pages to count. */
const OTHERS = 600;
const PLATFORM_DEAL = '5001';
const ANALYTICS_DEAL = '5002';
const SUPPORT_DEAL = '5003';

const now = new Date();
/** The calendar day `months` before today, at noon UTC (day clamped to the month's end). */
function monthsAgo(months: number): string {
  const first = new Date(now.getFullYear(), now.getMonth() - months, 1);
  const last = new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${first.getFullYear()}-${pad(first.getMonth() + 1)}-${pad(Math.min(now.getDate(), last))}T12:00:00.000Z`;
}

/**
 * Acme (the record page's company): Platform bought 20 months ago (its first purchase: new
 * business), then 3 months ago Analytics and onboarding, products new to Acme (cross-sell).
 * An open deal brings nothing.
 */
function portal(): HubSpotStandIn {
  const seed: HubSpotSeed = {
    portalId: PORTAL,
    currency: 'USD',
    owners: [{ id: '7001', email: 'jane.rep@vendor.example', firstName: 'Jane', lastName: 'Rep', userId: 31 }],
    companies: [
      { id: ACME, properties: { name: 'Acme Corp', domain: 'acme-corp.com', hubspot_owner_id: '7001', lifecyclestage: 'customer' } },
      ...Array.from({ length: OTHERS }, (_, i) => ({ id: String(40_000 + i), properties: { name: `Company ${i + 1}`, domain: `company${i + 1}.example` } })),
    ],
    deals: [
      {
        id: PLATFORM_DEAL, companyId: ACME,
        properties: { dealname: 'Acme platform', amount: '12000', closedate: monthsAgo(20), dealstage: 'closedwon', hs_is_closed_won: 'true' },
        lines: [{ id: '9101', name: 'Platform', amount: '12000' }],
      },
      {
        id: ANALYTICS_DEAL, companyId: ACME,
        properties: { dealname: 'Acme analytics', amount: '4500.5', closedate: monthsAgo(3), dealstage: 'closedwon', hs_is_closed_won: 'true' },
        lines: [{ id: '9201', name: 'Analytics', amount: '4000.5' }, { id: '9202', name: 'Onboarding', amount: '500' }],
      },
      {
        id: SUPPORT_DEAL, companyId: ACME,
        properties: { dealname: 'Acme support (open)', amount: '2000', closedate: monthsAgo(-1), dealstage: 'contractsent', hs_is_closed_won: 'false' },
        lines: [{ id: '9301', name: 'Premium Support', amount: '2000' }],
      },
    ],
  };
  return new HubSpotStandIn(seed, TOKEN);
}

let context: BrowserContext;
let extensionId: string;
test.afterEach(async () => {
  await context?.close();
});

/** A profile with HubSpot's pages and its API host granted, the API and the record page served. */
async function start(stand: HubSpotStandIn): Promise<void> {
  ({ context, extensionId } = await launchWithExtension({ grant: [...PRODUCT_MATCHES.hubspot, `https://${HUBSPOT_HOST}/*`] }));
  // Routes registered later answer first: the API host is the stand-in's, the record page a fixture.
  await serveFixtures(context, { 'https://app-eu1.hubspot.com/*': 'sites/hubspot-company-record-2026-11.html' });
  await routeStandIns(context, stand);
}

const card = (page: Page) => page.getByTestId('crm-hubspot');

async function connect(page: Page, token = TOKEN): Promise<void> {
  await openOptions(page, extensionId, 'crm');
  await card(page).getByLabel('Access token').fill(token);
  await card(page).getByRole('button', { name: 'Connect HubSpot' }).click();
}

async function tenure(): Promise<{ dock: DockDriver; page: Page }> {
  const page = await context.newPage();
  const dock = await DockDriver.open(page, RECORD);
  await dock.waitForText((t) => t.includes('Retention risk'), 8_000);
  return { dock, page };
}

const last12 = '[data-testid=tenure-last12] [data-currency=USD]';
const all = '[data-testid=tenure-alltime] [data-currency=USD]';

test('connect HubSpot: first sync with progress, the revenue mix on the company page, then an incremental change', async () => {
  test.setTimeout(120_000);
  const stand = portal();
  await start(stand);
  // Caught on its second page of companies, the sync shows where it is.
  const release = stand.hold((url) => url.includes('/crm/v3/objects/companies?') && url.includes('after='));
  const page = await context.newPage();
  await connect(page);
  await expect(card(page).getByRole('progressbar', { name: 'Reading HubSpot' })).toBeVisible({ timeout: 15_000 });
  await expect(card(page).getByTestId('crm-progress')).toHaveText('Reading accounts · 100 records · page 1');
  release();
  await expect(card(page).getByTestId('crm-status')).toContainText('Last synced', { timeout: 30_000 });
  await expect(card(page).getByTestId('crm-status')).toContainText(`${(OTHERS + 1).toLocaleString('en-US')} customers · 2 deals · 3 product lines`);
  // Every request carried the token as a bearer header, none in its address.
  expect(stand.seen.length).toBeGreaterThan(8);
  expect(stand.seen.every((s) => s.headers.authorization === `Bearer ${TOKEN}` && !s.url.includes(TOKEN))).toBe(true);
  // The API host is granted for the background's reads only: no content script is registered there.
  const scripts = await context.serviceWorkers()[0]!.evaluate(async () => {
    type Scripting = { scripting: { getRegisteredContentScripts(): Promise<Array<{ matches?: string[] }>> } };
    return (await (globalThis as unknown as { chrome: Scripting }).chrome.scripting.getRegisteredContentScripts()).flatMap((r) => r.matches ?? []);
  });
  expect(scripts).toContain('https://app-eu1.hubspot.com/*');
  expect(scripts.filter((m) => m.includes('hubapi.com'))).toEqual([]);

  const { dock, page: record } = await tenure();
  expect(await dock.text()).toContain('Matched by CRM record');
  expect(await dock.textOf('.head .customer')).toBe('Acme Corp');
  expect(await dock.textOf(`${last12} .t-total`)).toBe('$4,500.50 total');
  expect(await dock.textOf(`${last12} [data-kind=cross_sell]`)).toBe('Cross-sell $4,500.50 · 100%');
  expect(await dock.textOf(`${all} .t-total`)).toBe('$16,500.50 total');
  expect(await dock.textOf(`${all} [data-kind=new]`)).toBe('New $12,000.00 · 73%');
  expect(await dock.textOf(`${all} [data-kind=cross_sell]`)).toBe('Cross-sell $4,500.50 · 27%');
  await record.close();

  // In HubSpot: the support deal is won today; the analytics deal is reopened (no longer revenue).
  stand.upsertDeal(SUPPORT_DEAL, { hs_is_closed_won: 'true', dealstage: 'closedwon', closedate: monthsAgo(0) });
  stand.upsertDeal(ANALYTICS_DEAL, { hs_is_closed_won: 'false', dealstage: 'contractsent' });
  const before = stand.seen.length;
  await card(page).getByRole('button', { name: 'Sync now' }).click();
  // Incremental: the search API for what changed, not the whole list again.
  await expect.poll(() => stand.seen.slice(before).some((s) => s.method === 'POST' && s.url.endsWith('/crm/v3/objects/deals/search')), { timeout: 15_000 }).toBe(true);
  await expect(card(page).getByRole('progressbar')).toHaveCount(0, { timeout: 30_000 });
  await expect(card(page).getByTestId('crm-status')).toContainText('Last synced');
  expect(stand.seen.slice(before).some((s) => /\/crm\/v3\/objects\/companies\?limit=100&properties/.test(s.url))).toBe(false);

  const again = await tenure();
  expect(await again.dock.textOf(`${last12} .t-total`)).toBe('$2,000.00 total');
  expect(await again.dock.textOf(`${last12} [data-kind=cross_sell]`)).toBe('Cross-sell $2,000.00 · 100%');
  expect(await again.dock.textOf(`${all} .t-total`)).toBe('$14,000.00 total');
});

test('a revoked token is worded as such, nothing synced is lost, and the token is shown nowhere', async () => {
  test.setTimeout(90_000);
  const stand = portal();
  await start(stand);
  const page = await context.newPage();
  await connect(page);
  await expect(card(page).getByTestId('crm-status')).toContainText('Last synced', { timeout: 30_000 });
  // The private app's token is rotated in HubSpot.
  stand.revoke();
  await card(page).getByRole('button', { name: 'Sync now' }).click();
  const alert = card(page).getByRole('alert');
  await expect(alert).toHaveAttribute('data-testid', 'crm-error');
  await expect(alert).toContainText('HubSpot did not accept the access token: it is wrong, revoked or expired. Disconnect, then connect again with a new one.', { timeout: 15_000 });
  expect(await page.content()).not.toContain(TOKEN);

  // What the first sync brought in is still there.
  const { dock } = await tenure();
  expect(await dock.text()).toContain('Matched by CRM record');
  expect(await dock.textOf(`${all} .t-total`)).toBe('$16,500.50 total');
});

test("HubSpot's rate limit mid-sync: what was read is kept, and the next sync completes", async () => {
  test.setTimeout(120_000);
  const stand = portal();
  await start(stand);
  // The first read of the deals is refused for longer than a sync waits (Retry-After 10 minutes).
  let limited = false;
  const handle = stand.handle.bind(stand);
  stand.handle = async (req) => {
    if (!limited && req.url.includes('/crm/v3/objects/deals?limit=100&properties=')) {
      limited = true;
      stand.limitRequest(1, { retryAfterSec: 600 });
    }
    return handle(req);
  };
  const page = await context.newPage();
  await connect(page);
  await expect(card(page).getByTestId('crm-error')).toContainText('HubSpot’s API limit was reached. Everything read so far is kept; the sync will continue later.', { timeout: 30_000 });
  expect(limited).toBe(true);

  // Nothing lost: the companies read before the limit are there, Acme recognised by its CRM record.
  const first = await tenure();
  expect(await first.dock.text()).toContain('Matched by CRM record');
  expect(await first.dock.textOf('.head .customer')).toBe('Acme Corp');
  await first.page.close();

  await card(page).getByRole('button', { name: 'Sync now' }).click();
  await expect(card(page).getByTestId('crm-error')).toHaveCount(0, { timeout: 30_000 });
  await expect(card(page).getByTestId('crm-status')).toContainText('2 deals · 3 product lines', { timeout: 30_000 });
  const done = await tenure();
  expect(await done.dock.textOf(`${all} .t-total`)).toBe('$16,500.50 total');
});

test('a private app without the scopes it needs is told which, at connect, before anything is read', async () => {
  test.setTimeout(60_000);
  const stand = portal();
  stand.withoutScopes(TOKEN, 'crm.objects.line_items.read', 'crm.objects.owners.read');
  await start(stand);
  const page = await context.newPage();
  await connect(page);
  await expect(card(page).getByTestId('crm-error')).toContainText(
    'The HubSpot token lacks scopes Holdfast needs: crm.objects.line_items.read, crm.objects.owners.read. Add them to the private app, then connect again.',
    { timeout: 15_000 },
  );
  // Not connected: the form stays, and no company or deal was read.
  await expect(card(page).getByRole('button', { name: 'Connect HubSpot' })).toBeVisible();
  expect(stand.seen.some((s) => s.url.includes('after=') || s.url.includes('/batch/read') || s.url.includes('limit=100'))).toBe(false);
});

test('a company merged into Acme in HubSpot brings its revenue to Acme; a deleted deal takes its revenue away', async () => {
  test.setTimeout(120_000);
  const stand = portal();
  // Acme Holdings, a duplicate of Acme with a won deal of its own, 6 months ago.
  stand.upsert('companies', '18213999009', { name: 'Acme Holdings', domain: 'acme-holdings.example' });
  stand.upsertDeal('5009', { dealname: 'Holdings add-on', amount: '1000', closedate: monthsAgo(6), hs_is_closed_won: 'true' }, { companyId: '18213999009', lines: [{ id: '9901', name: 'Platform add-on', amount: '1000' }] });
  await start(stand);
  const page = await context.newPage();
  await connect(page);
  await expect(card(page).getByTestId('crm-status')).toContainText('3 deals · 4 product lines', { timeout: 30_000 });
  const first = await tenure();
  expect(await first.dock.textOf(`${all} .t-total`)).toBe('$16,500.50 total');
  await first.page.close();

  // In HubSpot: Acme Holdings is merged into Acme; the platform deal is deleted.
  stand.mergeCompanies(ACME, '18213999009');
  stand.archive('deals', PLATFORM_DEAL);
  await card(page).getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(() => stand.seen.some((s) => s.url.includes('/crm/v3/objects/deals?') && s.url.includes('archived=true')), { timeout: 15_000 }).toBe(true);
  await expect(card(page).getByRole('progressbar')).toHaveCount(0, { timeout: 30_000 });
  await expect(card(page).getByTestId('crm-error')).toHaveCount(0);

  const after = await tenure();
  expect(await after.dock.textOf('.head .customer')).toBe('Acme Corp');
  // 4,500.50 (analytics) + 1,000 (the merged company's deal); the deleted platform deal is gone.
  expect(await after.dock.textOf(`${all} .t-total`)).toBe('$5,500.50 total');
});
