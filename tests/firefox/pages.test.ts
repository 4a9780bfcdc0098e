import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { byLabel, clickButton, FirefoxDock, launchFirefox, waitForTextOf, type FirefoxSession } from './driver';

/**
 * The extension's own pages in Firefox: Options and its CRM import, the popup's quick-log and
 * the sidebar, each checked where a user sees the result (the dock on the CRM page).
 */
const ACCOUNTS = path.resolve('tests/fixtures/import/salesforce-accounts.csv');

let session: FirefoxSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

test('options: a Salesforce accounts export imports, and its account is recognised on its record page', async () => {
  session = await launchFirefox();
  const options = session.options;
  await options.bringToFront();
  await options.evaluate(() => {
    location.hash = '#data';
  });
  await (await byLabel(options, 'CSV file')).uploadFile(ACCOUNTS);
  await (await byLabel(options, 'Your CRM address or account (optional)')).type('acme');
  await clickButton(options, 'Import 10 rows');
  await waitForTextOf(options, '[data-testid="import-report"] [data-count=created]', (t) => t === '9 imported (new)', 10_000);
  expect(await waitForTextOf(options, '[data-testid="data-counts"]', (t) => t.includes('customers'))).toContain('9 customers');

  const crm = await session.browser.newPage();
  await session.serve(crm, { 'https://acme.lightning.force.com/*': 'pages/salesforce-account-2026-11.html' });
  const dock = await FirefoxDock.open(crm, 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000AcmeCoAA/view');
  const text = await dock.waitForText((t) => t.includes('Matched by CRM record'));
  expect(text).toContain('Acme Corp');
});

test('popup quick-log for the CRM tab’s customer; the sidebar shows that customer and the problem, and so does the dock', async () => {
  session = await launchFirefox();
  const crm = await session.browser.newPage();
  await session.serve(crm, { 'https://acme.lightning.force.com/*': 'sites/salesforce-account-record-2026-11.html' });
  const dock = await FirefoxDock.open(crm, 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABcdeIAD/view');
  await dock.waitForText((t) => t.includes('Add “Acme Corp” as a customer'));
  await dock.click('.unknown .primary');
  await dock.waitForText((t) => t.includes('Customer tenure'));
  await crm.bringToFront();

  const popup = await session.openWindow('/popup.html');
  await waitForTextOf(popup, '[data-testid="popup-customer"]', (t) => t === 'Acme Corp');
  const title = await byLabel(popup, 'What is the problem?');
  // An empty Enter is refused with our message, and nothing is logged.
  await title.press('Enter');
  await waitForTextOf(popup, '[data-testid="title-error"]', (t) => t === 'Type what the problem is first: a few words are enough.');
  await title.type('Invoice sent twice');
  await title.press('Enter');
  await waitForTextOf(popup, '[data-testid="logged-note"]', (t) => t.includes('Logged “Invoice sent twice” for Acme Corp.'));
  expect(await popup.evaluate(() => (document.getElementById('title') as HTMLInputElement).value)).toBe('');

  const side = await session.openWindow('/sidepanel.html');
  await waitForTextOf(side, '[data-testid="current-customer"]', (t) => t === 'Acme Corp');
  await waitForTextOf(side, '[data-testid="my-problems"]', (t) => t.includes('Invoice sent twice') && t.includes('Acme Corp'));

  // The dock on the CRM page hears of the new problem without a reload.
  const text = await dock.waitForText((t) => t.includes('Invoice sent twice'));
  expect(text).toContain('mine');
});
