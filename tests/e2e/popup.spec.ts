import { expect, test, type Page, type Worker } from '@playwright/test';
import { openExtensionPage, withExtension } from './browser';
import { DockDriver } from './dock';

// The quick-log popup (issue 15, point 8) and the empty states of popup and side panel
// (point 1): on a real Salesforce address with Acme Corp added from the dock, the popup is
// driven as a rep does, by keyboard, in its own window so the CRM tab stays the active one.
const RECORD = 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABcdeIAD/view';
const ext = withExtension({ 'https://acme.lightning.force.com/*': 'sites/salesforce-account-record-2026-11.html' });

const worker = (): Worker => ext.context.serviceWorkers()[0]!;

async function openPopup(): Promise<Page> {
  return openExtensionPage(ext.context, ext.extensionId, 'popup.html');
}

async function addAcmeFromTheDock(): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto(RECORD);
  const dock = await DockDriver.attach(page);
  await dock.waitForText((t) => t.includes('Open Holdfast'));
  await dock.click('.tab');
  await dock.waitForText((t) => t.includes('as a customer'));
  await dock.click('.unknown .primary');
  await dock.waitForText((t) => t.includes('Issue owner'));
}

/** Presses Tab until `target` has focus; returns how many presses that took (at most `limit`). */
async function tabsTo(page: Page, target: ReturnType<Page['getByRole']>, limit = 12): Promise<number> {
  for (let n = 1; n <= limit; n++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return n;
  }
  return Infinity;
}

test('quick-log: the customer once, Log two Tabs from the title, our own error on an empty Enter', async () => {
  await addAcmeFromTheDock();
  const popup = await openPopup();
  const title = popup.getByLabel('What is the problem?');
  // The customer is named once; the picker stays away until the rep asks to change it.
  await expect(popup.getByTestId('popup-customer')).toHaveText('Acme Corp');
  await expect(popup.getByText('Acme Corp', { exact: true })).toHaveCount(1);
  await expect(popup.getByLabel('Choose a customer')).toHaveCount(0);
  await expect(title).toBeFocused();

  // Enter on an empty title: our message next to the field, tied to it, and nothing logged.
  await popup.keyboard.press('Enter');
  const error = popup.getByTestId('title-error');
  await expect(error).toHaveText('Type what the problem is first: a few words are enough.');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveAccessibleDescription('Type what the problem is first: a few words are enough.');
  await expect(title).toBeFocused();
  await expect(popup.getByTestId('logged-note')).toHaveCount(0);
  // Typing clears it.
  await popup.keyboard.type('Invoice sent twice');
  await expect(error).toHaveCount(0);

  // The Log button is at most three Tabs from the title (it is two: the detail, then Log).
  const tabs = await tabsTo(popup, popup.getByRole('button', { name: 'Log problem (Enter)' }));
  expect(tabs).toBeLessThanOrEqual(3);
  expect(tabs).toBe(2);

  // Changing the customer shows the picker, with Acme chosen.
  await popup.getByRole('button', { name: 'Change' }).click();
  await expect(popup.getByLabel('Choose a customer')).toHaveValue(/.+/);
});

test('after a log: a confirmation with a link to the problem, severity and channel back to the defaults, focus on the title', async () => {
  await addAcmeFromTheDock();
  const popup = await openPopup();
  await expect(popup.getByLabel('What is the problem?')).toBeFocused();
  await popup.keyboard.type('Wrong VAT on invoice');
  const more = popup.getByTestId('ql-more');
  await expect(more.locator('summary')).toHaveText('Severity normal · channel email · no due date');
  await more.locator('summary').click();
  await popup.getByLabel('Severity').selectOption('critical');
  await popup.getByLabel('Channel').selectOption('phone');
  await expect(more.locator('summary')).toHaveText('Severity critical · channel phone · no due date');
  // Enter from the detail: focus must come back to the title, not stay where Enter was pressed.
  await popup.getByLabel('Detail').fill('Charged 19% instead of 7%.');
  await popup.getByLabel('Detail').press('Enter');

  const note = popup.getByTestId('logged-note');
  await expect(note).toContainText('Logged “Wrong VAT on invoice” for Acme Corp.');
  await expect(note).toContainText('You own it until the customer confirms it is solved.');
  await expect(popup.getByRole('status')).toContainText('You own it');
  // Ready for the next problem: the title has focus and the labels of the last one are gone.
  await expect(popup.getByLabel('What is the problem?')).toBeFocused();
  await expect(popup.getByLabel('What is the problem?')).toHaveValue('');
  await expect(popup.getByLabel('Severity')).toHaveValue('normal');
  await expect(popup.getByLabel('Channel')).toHaveValue('email');
  await expect(more.locator('summary')).toHaveText('Severity normal · channel email · no due date');

  // The link leads to the problem: the side panel (or, where none can open here, its page) focused on it.
  const link = note.getByRole('link', { name: 'Open it in the side panel' });
  await expect(link).toHaveAttribute('href', /sidepanel\.html\?problem=.+/);
  await link.click();
  // The browser's side panel opened beside the CRM tab (Chromium lists it as an extension context).
  await expect
    .poll(() =>
      worker().evaluate(async () => {
        type Ctx = { contextType: string; documentUrl?: string };
        const runtime = (globalThis as unknown as { chrome: { runtime: { getContexts(f: object): Promise<Ctx[]> } } }).chrome.runtime;
        return (await runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).map((c) => new URL(c.documentUrl ?? '').pathname);
      }),
    )
    .toEqual(['/sidepanel.html']);
  // The link's own address shows the same problem, focused; what was logged kept the rep's choice: critical.
  const side = await ext.context.newPage();
  await side.goto((await link.getAttribute('href'))!);
  const card = side.getByTestId('my-problems').locator('li[data-problem].focused');
  await expect(card).toContainText('Wrong VAT on invoice');
  await expect(card).toContainText('critical');
});

test('an empty book: popup and side panel say how to bring customers in, with a link to the import', async () => {
  const popup = await openPopup();
  const empty = popup.getByTestId('no-customers');
  await expect(empty).toContainText('No customers yet.');
  await expect(empty).toContainText('Open a customer\'s page in your CRM and choose “Add as a customer”');
  await expect(popup.locator('body')).not.toContainText('or below');
  // Nothing to log against yet: no form to fill in vain.
  await expect(popup.getByLabel('What is the problem?')).toBeHidden();
  const link = empty.getByRole('link', { name: 'Set up and import customers in Settings' });
  await expect(link).toHaveAttribute('href', /options\.html#data$/);
  const [options] = await Promise.all([ext.context.waitForEvent('page', (p) => p.url().includes('options.html')), link.click()]);
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('Holdfast settings');

  const side = await ext.context.newPage();
  await side.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
  await expect(side.getByTestId('no-customers')).toContainText('No customers yet.');
  await expect(side.getByTestId('no-customers').getByRole('link', { name: 'Set up and import customers in Settings' })).toBeVisible();
  await expect(side.locator('body')).not.toContainText('or below');
});

test('side panel: customers by risk at the top of its own tab; names read larger than domains', async () => {
  await addAcmeFromTheDock();
  const side = await ext.context.newPage();
  await side.setViewportSize({ width: 400, height: 800 });
  await side.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
  // Overview: each customer's name first and larger, its domain smaller and muted.
  const row = side.getByTestId('customers').locator('li').first();
  await expect(row).toContainText('Acme Corp');
  const size = (sel: string) => row.locator(sel).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(await size('.sp-name')).toBeGreaterThan(await size('.sp-domain'));

  await side.getByRole('tab', { name: 'My book' }).click();
  const heading = side.getByRole('heading', { name: 'Customers by risk' });
  await expect(heading).toBeVisible();
  // Within the first screen of the panel, not ~1,000 px down.
  expect((await heading.boundingBox())!.y).toBeLessThan(300);
  await expect(side.getByTestId('book-table')).toContainText('Acme Corp');
});
