import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { XSS_PAYLOADS } from '../fixtures/xss/payloads';
import { launchWithExtension } from './browser';
import { DockDriver } from './dock';
import { openOptions } from './options-nav';

const FIXTURE = readFileSync('tests/fixtures/sites/salesforce-account-record-2026-11.html', 'utf8');
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const recordUrl = (i: number) => `https://acme.lightning.force.com/lightning/r/Account/001Dn00000XSS${String(i).padStart(3, '0')}AA/view`;

/**
 * The name a page shows: a numbered company around the payload, so that no two pages are the
 * same customer by name (names compare case-insensitively, and some payloads differ only in case).
 */
const nameFor = (i: number) => `Co${i} ${XSS_PAYLOADS[i]!}`;

/**
 * Counts what an injected payload leaves behind under `root`: an element carrying an event
 * handler attribute or a javascript: URL, an inline script, or an element of the payload's
 * own tags. Holdfast's UI has none: Preact attaches listeners with addEventListener.
 */
const INJECTED_COUNT = `function (root) {
  const r = root || this;
  return [...r.querySelectorAll('*')].filter((el) =>
    [...el.attributes].some((a) => /^on/i.test(a.name) || /^\\s*(javascript|data):/i.test(a.value)) ||
    (el.localName === 'script' && !el.src) ||
    ['iframe', 'object', 'embed', 'marquee', 'math', 'base', 'meta', 'isindex', 'img'].includes(el.localName)).length;
}`;

let context: BrowserContext;
let extensionId: string;
test.afterEach(async () => {
  await context?.close();
});

/** The CRM shows each payload as the account's name (escaped, as a CRM would). */
async function serveHostilePages(ctx: BrowserContext, hostileCss = '') {
  await ctx.route(
    (url) => url.protocol === 'https:',
    (route) => {
      const m = /XSS(\d{3})AA/.exec(route.request().url());
      const payload = m ? nameFor(Number(m[1])) : 'Acme Corp';
      // Each payload is its own company (its own domain), so each page is a new customer.
      const html = FIXTURE.replaceAll('Acme Corp', escape(payload))
        .replaceAll('acme-corp.com', `xss${m?.[1] ?? 'x'}.example`)
        .replace('</head>', `<style>${hostileCss}</style></head>`);
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    },
  );
}

async function assertNothingRan(page: Page) {
  expect(await page.evaluate(() => document.documentElement.dataset.xss ?? null)).toBeNull();
}

test(`${XSS_PAYLOADS.length} XSS payloads as customer names run nowhere: dock, popup, side panel, options`, async () => {
  test.setTimeout(180_000);
  ({ context, extensionId } = await launchWithExtension());
  await serveHostilePages(context);
  const page = await context.newPage();

  for (let i = 0; i < XSS_PAYLOADS.length; i++) {
    const dock = await DockDriver.open(page, recordUrl(i));
    await dock.waitForText((t) => t.includes('as a customer'));
    await dock.click('.unknown .primary');
    await dock.waitForText((t) => t.includes('Customer tenure'));
    expect(await dock.textOf('.customer'), `payload ${i}`).toBe(nameFor(i).replace(/\s+/g, ' ').trim().slice(0, 200));
    expect(await dock.eval<number>(INJECTED_COUNT), `payload ${i}`).toBe(0);
    await assertNothingRan(page);
  }

  for (const surface of ['sidepanel.html', 'popup.html', 'options.html']) {
    const ext = await context.newPage();
    await ext.goto(`chrome-extension://${extensionId}/${surface}`);
    await ext.waitForLoadState('networkidle');
    await ext.waitForTimeout(300);
    if (surface === 'sidepanel.html') await expect(ext.getByTestId('customers')).toContainText(nameFor(1));
    if (surface === 'popup.html') expect(await ext.locator('#customer option').count()).toBeGreaterThanOrEqual(XSS_PAYLOADS.length);
    expect(await ext.evaluate(`(${INJECTED_COUNT})(document.body)`), surface).toBe(0);
    await assertNothingRan(ext);
    await ext.close();
  }
});

test('a host stylesheet that restyles every element neither hides nor restyles the dock', async () => {
  ({ context, extensionId } = await launchWithExtension());
  await serveHostilePages(
    context,
    `* { all: unset !important; display: none !important; color: red !important; font-size: 40px !important; }
     holdfast-dock { display: none !important; visibility: hidden !important; opacity: 0 !important; }
     :root, body { display: block !important; }`,
  );
  const page = await context.newPage();
  await page.goto('https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABcdeIAD/view');
  const dock = await DockDriver.attach(page);
  await dock.waitForText((t) => t.includes('Open Holdfast'));
  const look = await dock.eval<{ w: number; h: number; bg: string; font: string; visible: boolean }>(`function () {
    const tab = this.querySelector('.tab');
    const r = tab.getBoundingClientRect();
    const s = getComputedStyle(tab);
    const host = this.host;
    const hs = getComputedStyle(host);
    return { w: r.width, h: r.height, bg: s.backgroundColor, font: s.fontSize, visible: hs.display !== 'none' && hs.visibility !== 'hidden' && hs.opacity !== '0' };
  }`);
  expect(look.visible).toBe(true);
  expect(look.w).toBeGreaterThan(20);
  expect(look.h).toBeGreaterThan(30);
  expect(look.bg).not.toBe('rgba(0, 0, 0, 0)');
  expect(look.font).toBe('12px'); // tab.css's own size, not the host's 40px
  await dock.click('.tab');
  await dock.waitForText((t) => t.includes('Customer tenure') || t.includes('Not in Holdfast yet'));
});

test(`${XSS_PAYLOADS.length} XSS payloads in an imported CRM export run nowhere`, async () => {
  ({ context, extensionId } = await launchWithExtension());
  // A Salesforce accounts export whose names are the payloads (CSV-quoted as Salesforce writes them).
  const csv = Papa.unparse({
    fields: ['Account ID', 'Account Name', 'Website', 'Created Date'],
    data: XSS_PAYLOADS.map((p, i) => [`001Dn00000IMP${String(i).padStart(3, '0')}AA`, `Co${i} ${p}`, `https://imp${i}.example`, '3/14/2019']),
  });
  const file = path.join(tmpdir(), `hf-xss-${Date.now()}.csv`);
  writeFileSync(file, csv);

  const options = await context.newPage();
  await openOptions(options, extensionId, 'data');
  await options.getByLabel('CSV file').setInputFiles(file);
  await options.getByRole('button', { name: `Import ${XSS_PAYLOADS.length} rows` }).click();
  await expect(options.getByTestId('import-report').locator('[data-count=created]')).toHaveText(`${XSS_PAYLOADS.length} imported (new)`);
  await assertNothingRan(options);
  expect(await options.evaluate(`(${INJECTED_COUNT})(document.body)`)).toBe(0);

  for (const surface of ['sidepanel.html', 'popup.html']) {
    const ext = await context.newPage();
    await ext.goto(`chrome-extension://${extensionId}/${surface}`);
    await ext.waitForLoadState('networkidle');
    if (surface === 'sidepanel.html') await expect(ext.getByTestId('customers')).toContainText('Co1 <img');
    expect(await ext.evaluate(`(${INJECTED_COUNT})(document.body)`), surface).toBe(0);
    await assertNothingRan(ext);
  }
});

test(`${XSS_PAYLOADS.length} XSS payloads written as notes run nowhere, and each reads back verbatim`, async () => {
  test.setTimeout(120_000);
  ({ context, extensionId } = await launchWithExtension());
  await serveHostilePages(context);
  const page = await context.newPage();
  const dock = await DockDriver.open(page, 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABcdeIAD/view');
  await dock.waitForText((t) => t.includes('as a customer'));
  await dock.click('.unknown .primary');
  await dock.waitForText((t) => t.includes('Customer tenure'));

  // The side panel in its own window, as the browser shows it beside the CRM tab.
  const worker = context.serviceWorkers()[0]!;
  const [side] = await Promise.all([
    context.waitForEvent('page'),
    worker.evaluate(
      (url) => (globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } }).chrome.windows.create({ url, type: 'popup' }),
      `chrome-extension://${extensionId}/sidepanel.html`,
    ),
  ]);
  await expect(side.getByTestId('current-customer')).toHaveText('Acme Corp');
  const notes = side.getByTestId('notes');
  for (const [i, payload] of XSS_PAYLOADS.entries()) {
    await notes.getByLabel('New note').fill(payload);
    await notes.getByRole('button', { name: 'Add note' }).click();
    await expect(notes.getByTestId('note-list').locator('li')).toHaveCount(i + 1);
  }
  const shown = await notes.getByTestId('note-list').locator('li').allTextContents();
  for (const payload of XSS_PAYLOADS) expect(shown.some((text) => text.includes(payload.trim())), payload).toBe(true);
  expect(await side.evaluate(`(${INJECTED_COUNT})(document.body)`)).toBe(0);
  await assertNothingRan(side);
  await assertNothingRan(page);
});
