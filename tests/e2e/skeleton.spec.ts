import { expect, test, type Page } from '@playwright/test';
import { openExtensionPage, withExtension } from './browser';
import { DockDriver } from './dock';

const RECORD = 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000AcmeCoAA/view';
const PAGES = {
  'https://acme.lightning.force.com/*': 'pages/salesforce-account-2026-11.html',
  'https://www.example.com/*': 'pages/salesforce-account-2026-11.html',
};

const ext = withExtension(PAGES);

async function openRecord(): Promise<{ page: Page; dock: DockDriver }> {
  const page = await ext.context.newPage();
  await page.goto(RECORD);
  const dock = await DockDriver.attach(page);
  await dock.waitForText((t) => t.includes('Open Holdfast'));
  return { page, dock };
}

/** Opens the popup the way the toolbar does: its own window, the CRM tab stays active. */
async function openPopup(): Promise<Page> {
  return openExtensionPage(ext.context, ext.extensionId, 'popup.html', { width: 380, height: 520 });
}

test('the dock appears collapsed on a CRM record and expands into the three panels', async () => {
  const { dock } = await openRecord();
  expect(await dock.attr('.tab', 'aria-expanded')).toBe('false');
  await dock.click('.tab');
  await dock.waitForText((t) => t.includes('Not in Holdfast yet'));
  expect(await dock.text()).toContain('Add “Acme Corp” as a customer');

  await dock.click('.unknown .primary');
  const text = await dock.waitForText((t) => t.includes('Customer tenure'));
  expect(text).toContain('Acme Corp');
  expect(text).toContain('Issue owner');
  expect(text).toContain('Pod partner');
  expect(text).toContain('Matched by CRM record');
});

test('nothing shows on a page the extension does not serve', async () => {
  // The same markup at a served address gets the dock, so this test can fail.
  const { dock: served } = await openRecord();
  expect(await served.isMounted()).toBe(true);

  const page = await ext.context.newPage();
  await page.goto('https://www.example.com/account/acme');
  await page.waitForTimeout(750);
  const dock = await DockDriver.attach(page);
  expect(await dock.isMounted()).toBe(false);
  expect(await page.evaluate(() => document.querySelectorAll('holdfast-dock').length)).toBe(0);
});

test('a problem logged in the popup shows in the side panel and in the dock', async () => {
  const { page, dock } = await openRecord();
  const popup = await openPopup();
  await popup.getByRole('button', { name: 'Add “Acme Corp” as a customer' }).click();
  await expect(popup.getByTestId('popup-customer')).toHaveText('Acme Corp');
  await popup.getByLabel('What is the problem?').fill('Invoice sent twice');
  await popup.getByLabel('What is the problem?').press('Enter');
  await expect(popup.getByRole('status')).toContainText('You own it');

  const side = await ext.context.newPage();
  await side.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
  await expect(side.getByTestId('my-problems')).toContainText('Invoice sent twice');
  await expect(side.getByTestId('my-problems')).toContainText('Acme Corp');

  await page.bringToFront();
  await dock.click('.tab');
  const text = await dock.waitForText((t) => t.includes('Invoice sent twice'));
  expect(text).toContain('mine');
  expect(await dock.textOf('.badge')).toBe('1'); // the tab's badge counts open problems
});

test('the dock follows in-page navigation to another record', async () => {
  const { page, dock } = await openRecord();
  await dock.click('.tab');
  await dock.waitForText((t) => t.includes('Acme Corp'));
  await page.click('#next-record');
  await dock.waitForText((t) => t.includes('Globex Ltd'), 2_000);
});

test('the dock is usable from the keyboard', async () => {
  const { page, dock } = await openRecord();
  await dock.focus('.tab');
  await page.keyboard.press('Enter');
  // The panels load on first open, so the tab says "expanded" once they are there.
  await expect.poll(() => dock.attr('.tab', 'aria-expanded')).toBe('true');
  await dock.waitForText((t) => t.includes('Customer tenure') || t.includes('Not in Holdfast yet'));
  await dock.focus('#holdfast-pick');
  await page.keyboard.press('Escape');
  await expect.poll(() => dock.attr('.tab', 'aria-expanded')).toBe('false');
});
