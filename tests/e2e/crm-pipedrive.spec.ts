import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PRODUCT_MATCHES } from '../../lib/sites/hosts';
import { PipedriveStandIn, type PipedriveSeed } from '../crm-api/pipedrive';
import { routeStandIns } from '../crm-api/serve';
import { launchWithExtension } from './browser';
import { DockDriver } from './dock';
import { openOptions } from './options-nav';
import { serveFixtures } from './serve';

/**
 * Connect Pipedrive (issue 16), end to end: the built extension in Chromium reads a stand-in
 * of Pipedrive's API served at the company's real address (acme.pipedrive.com/api/…) with the
 * user's pasted API token, and the dock on the company's organization page shows what the
 * sync brought in.
 */
const TOKEN = '5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e';
const HOST = 'acme.pipedrive.com';
const RECORD = `https://${HOST}/organization/377`;
/** Organizations besides Acme: two pages of 500, so the progress has a page to count. */
const OTHERS = 600;

const now = new Date();
/** The calendar day `months` before today, at noon UTC (day clamped to the month's end). */
function monthsAgo(months: number): string {
  const first = new Date(now.getFullYear(), now.getMonth() - months, 1);
  const last = new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${first.getFullYear()}-${pad(first.getMonth() + 1)}-${pad(Math.min(now.getDate(), last))}T12:00:00Z`;
}

/**
 * Acme (the record page's organization): Platform bought 20 months ago (its first purchase:
 * new business), then 3 months ago Analytics and onboarding, products new to Acme
 * (cross-sell). An open deal brings nothing.
 */
function company(): PipedriveStandIn {
  const seed: PipedriveSeed = {
    company: 'acme',
    currency: 'USD',
    me: { id: 11, name: 'Jane Rep', email: 'jane.rep@vendor.example' },
    orgs: [
      { id: 377, name: 'Acme Corp', owner_id: 11 },
      ...Array.from({ length: OTHERS }, (_, i) => ({ id: 5000 + i, name: `Organization ${i + 1}`, owner_id: 11 })),
    ],
    deals: [
      { id: 901, title: 'Acme platform', org_id: 377, value: 12000, won_time: monthsAgo(20), products: [{ id: 1, name: 'Platform', sum: 12000 }] },
      { id: 902, title: 'Acme analytics', org_id: 377, value: 4500.5, won_time: monthsAgo(3), products: [{ id: 2, name: 'Analytics', sum: 4000.5 }, { id: 3, name: 'Onboarding', sum: 500 }] },
      { id: 903, title: 'Acme support (open)', org_id: 377, value: 2000, status: 'open', won_time: null, products: [{ id: 4, name: 'Premium Support', sum: 2000 }] },
    ],
  };
  return new PipedriveStandIn(seed, TOKEN);
}

let context: BrowserContext;
let extensionId: string;
test.afterEach(async () => {
  await context?.close();
});

/** A profile with Pipedrive granted, the company's API and its organization page served. */
async function start(stand: PipedriveStandIn): Promise<void> {
  ({ context, extensionId } = await launchWithExtension({ grant: [...PRODUCT_MATCHES.pipedrive] }));
  // Routes registered later answer first: the company's host is the API stand-in's, except
  // its organization page, which is the fixture.
  await serveFixtures(context, {});
  await routeStandIns(context, stand);
  await context.route(`https://${HOST}/organization/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(path.resolve('tests/fixtures/sites/pipedrive-organization-record-2026-11.html')) }));
}

const card = (page: Page) => page.getByTestId('crm-pipedrive');

async function connect(page: Page): Promise<void> {
  await openOptions(page, extensionId, 'crm');
  await card(page).getByLabel('CRM address').fill(`https://${HOST}`);
  await card(page).getByLabel('Access token').fill(TOKEN);
  await card(page).getByRole('button', { name: 'Connect Pipedrive' }).click();
}

async function tenure(): Promise<{ dock: DockDriver; page: Page }> {
  const page = await context.newPage();
  const dock = await DockDriver.open(page, RECORD);
  await dock.waitForText((t) => t.includes('Retention risk'), 8_000);
  return { dock, page };
}

const last12 = '[data-testid=tenure-last12] [data-currency=USD]';
const all = '[data-testid=tenure-alltime] [data-currency=USD]';
const api = (stand: PipedriveStandIn) => stand.seen.filter((s) => new URL(s.url).pathname.startsWith('/api/'));

test('connect Pipedrive: first sync with progress, the revenue mix on the organization page, then an incremental change', async () => {
  test.setTimeout(120_000);
  const stand = company();
  await start(stand);
  // Caught on its second page of organizations, the sync shows where it is.
  const release = stand.hold((url) => url.includes('/api/v2/organizations?') && url.includes('cursor='));
  const page = await context.newPage();
  await connect(page);
  await expect(card(page).getByRole('progressbar', { name: 'Reading Pipedrive' })).toBeVisible({ timeout: 15_000 });
  await expect(card(page).getByTestId('crm-progress')).toHaveText('Reading accounts · 500 records · page 1');
  release();
  await expect(card(page).getByTestId('crm-status')).toContainText('Last synced', { timeout: 30_000 });
  await expect(card(page).getByTestId('crm-status')).toContainText(`${(OTHERS + 1).toLocaleString('en-US')} customers · 2 deals · 3 product lines`);
  // Every request carried the token in its header, none in its address.
  expect(api(stand).length).toBeGreaterThan(4);
  expect(api(stand).every((s) => s.headers['x-api-token'] === TOKEN && !s.url.includes(TOKEN))).toBe(true);

  const { dock, page: record } = await tenure();
  expect(await dock.text()).toContain('Matched by CRM record');
  expect(await dock.textOf('.head .customer')).toBe('Acme Corp');
  expect(await dock.textOf(`${last12} .t-total`)).toBe('$4,500.50 total');
  expect(await dock.textOf(`${last12} [data-kind=cross_sell]`)).toBe('Cross-sell $4,500.50 · 100%');
  expect(await dock.textOf(`${all} .t-total`)).toBe('$16,500.50 total');
  expect(await dock.textOf(`${all} [data-kind=new]`)).toBe('New $12,000.00 · 73%');
  expect(await dock.textOf(`${all} [data-kind=cross_sell]`)).toBe('Cross-sell $4,500.50 · 27%');
  await record.close();

  // In Pipedrive: the support deal is won today; the analytics deal is reopened (no longer revenue).
  stand.upsertDeal({ id: 903, status: 'won', won_time: monthsAgo(0) });
  stand.upsertDeal({ id: 902, status: 'open', won_time: null });
  const before = stand.seen.length;
  await card(page).getByRole('button', { name: 'Sync now' }).click();
  // Incremental: only what changed since the last sync.
  await expect.poll(() => stand.seen.slice(before).some((s) => s.url.includes('/api/v2/deals?') && s.url.includes('updated_since=')), { timeout: 15_000 }).toBe(true);
  await expect(card(page).getByRole('progressbar')).toHaveCount(0, { timeout: 30_000 });
  await expect(card(page).getByTestId('crm-status')).toContainText('Last synced');

  const again = await tenure();
  expect(await again.dock.textOf(`${last12} .t-total`)).toBe('$2,000.00 total');
  expect(await again.dock.textOf(`${last12} [data-kind=cross_sell]`)).toBe('Cross-sell $2,000.00 · 100%');
  expect(await again.dock.textOf(`${all} .t-total`)).toBe('$14,000.00 total');
});

test('a revoked API token is worded as such, nothing synced is lost, and the token is shown nowhere', async () => {
  test.setTimeout(90_000);
  const stand = company();
  await start(stand);
  const page = await context.newPage();
  await connect(page);
  await expect(card(page).getByTestId('crm-status')).toContainText('Last synced', { timeout: 30_000 });
  // The user regenerates their API token in Pipedrive: the old one stops working.
  stand.revoke();
  await card(page).getByRole('button', { name: 'Sync now' }).click();
  const alert = card(page).getByRole('alert');
  await expect(alert).toHaveAttribute('data-testid', 'crm-error');
  await expect(alert).toContainText('Pipedrive did not accept the access token: it is wrong, revoked or expired. Disconnect, then connect again with a new one.', { timeout: 15_000 });
  expect(await page.content()).not.toContain(TOKEN);

  const { dock } = await tenure();
  expect(await dock.text()).toContain('Matched by CRM record');
  expect(await dock.textOf(`${all} .t-total`)).toBe('$16,500.50 total');
});

test("Pipedrive's rate limit mid-sync: what was read is kept, and the next sync completes", async () => {
  test.setTimeout(120_000);
  const stand = company();
  await start(stand);
  // The deals are refused for longer than a sync waits (Retry-After 10 minutes).
  let limited = false;
  const handle = stand.handle.bind(stand);
  stand.handle = async (req) => {
    if (!limited && req.url.includes('/api/v2/deals?')) {
      limited = true;
      stand.limitRequest(1, { resetSec: 600 });
    }
    return handle(req);
  };
  const page = await context.newPage();
  await connect(page);
  await expect(card(page).getByTestId('crm-error')).toContainText('Pipedrive’s API limit was reached. Everything read so far is kept; the sync will continue later.', { timeout: 30_000 });
  expect(limited).toBe(true);

  // Nothing lost: the organizations read before the limit are there, Acme recognised by its CRM record.
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

test('a deal deleted in Pipedrive takes its revenue away at the next sync', async () => {
  test.setTimeout(90_000);
  const stand = company();
  await start(stand);
  const page = await context.newPage();
  await connect(page);
  await expect(card(page).getByTestId('crm-status')).toContainText('2 deals · 3 product lines', { timeout: 30_000 });

  stand.deleteDeal(901);
  const before = stand.seen.length;
  await card(page).getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(() => stand.seen.slice(before).some((s) => s.url.includes('status=open%2Cwon%2Clost%2Cdeleted')), { timeout: 15_000 }).toBe(true);
  await expect(card(page).getByRole('progressbar')).toHaveCount(0, { timeout: 30_000 });
  await expect(card(page).getByTestId('crm-error')).toHaveCount(0);

  const { dock } = await tenure();
  expect(await dock.textOf('.head .customer')).toBe('Acme Corp');
  expect(await dock.textOf(`${all} .t-total`)).toBe('$4,500.50 total');
  expect(await dock.textOf(`${last12} .t-total`)).toBe('$4,500.50 total');
});
