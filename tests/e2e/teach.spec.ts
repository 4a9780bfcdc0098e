import { expect, test, type BrowserContext } from '@playwright/test';
import { PRODUCT_PATTERNS } from '../../lib/sites/hosts';
import { launchWithExtension } from './browser';
import { DockDriver } from './dock';
import { serveFixtures } from './serve';
import { openOptions } from './options-nav';

const HOST = 'https://crm.inhouse.example';

let context: BrowserContext;
let extensionId: string;
test.beforeEach(async () => {
  // The user has added their in-house CRM as a site (options → Sites).
  ({ context, extensionId } = await launchWithExtension({ grant: [...PRODUCT_PATTERNS, `${HOST}/*`] }));
  await serveFixtures(context, {
    [`${HOST}/customers/4711`]: 'pages/inhouse-customer-4711-2026-11.html',
    [`${HOST}/customers/4712`]: 'pages/inhouse-customer-4712-2026-11.html',
  });
});
test.afterEach(async () => {
  await context?.close();
});

test('teach mode: point at the customer name once, recognised on every record after', async () => {
  const page = await context.newPage();
  const dock = await DockDriver.open(page, `${HOST}/customers/4711`);
  // Untaught, the page title is all the generic adapter has.
  await dock.waitForText((t) => t.includes('Add “Record 4711” as a customer'));

  await dock.click('.teach .link');
  await dock.waitForText((t) => t.includes('Click the element that holds'));
  // A page script's synthetic click picks nothing (issue 14, finding 9): only the rep's own does.
  await page.evaluate(() => (document.querySelector('#page-button') as HTMLElement).click());
  expect(await dock.text()).toContain('Click the element that holds');
  await page.click('text=Wayne Enterprises');
  // The click picked the element; it did not reach the page.
  await dock.waitForText((t) => t.includes('Reads: “Wayne Enterprises”'));
  const buttons = await dock.eval<string[]>('function () { return [...this.querySelectorAll(".choices button")].map((b) => b.textContent); }');
  expect(buttons).toEqual(['name', 'email', 'website', 'Cancel']);
  await dock.click('.choices .primary'); // "name"
  await dock.waitForText((t) => t.includes('Add “Wayne Enterprises” as a customer'));
  expect(await dock.text()).toContain('Learned. Holdfast will read this on every matching page of crm.inhouse.example');

  // Next visit, another record: the rule applies by itself.
  const again = await DockDriver.open(page, `${HOST}/customers/4712`);
  await again.waitForText((t) => t.includes('Add “Stark Industries” as a customer'));

  // The rule is data in settings: listed, and removable, in options.
  const options = await context.newPage();
  await openOptions(options, extensionId, 'sites');
  const rules = options.getByTestId('teach-rules');
  await expect(rules).toContainText('crm.inhouse.example');
  await expect(rules.getByRole('textbox')).toHaveValue('/customers/*');
  await rules.getByRole('button', { name: 'Remove' }).click();
  await expect(options.getByText('Nothing taught yet')).toBeVisible();

  await page.reload();
  const after = await DockDriver.attach(page);
  await after.waitForText((t) => t.includes('Open Holdfast'));
  await after.click('.tab');
  await after.waitForText((t) => t.includes('Add “Record 4712” as a customer'));
});

test('teach mode: Escape cancels and the page gets its clicks back', async () => {
  const page = await context.newPage();
  const dock = await DockDriver.open(page, `${HOST}/customers/4711`);
  await dock.click('.teach .link');
  await dock.waitForText((t) => t.includes('Click the element that holds'));
  await page.keyboard.press('Escape');
  await dock.waitForText((t) => t.includes('Teach Holdfast this page'));
  await page.click('#page-button');
  expect(await page.evaluate(() => document.body.dataset.clicked)).toBe('yes');
});

test('a page nobody recognises: pick the customer by hand', async () => {
  const page = await context.newPage();
  const dock = await DockDriver.open(page, `${HOST}/customers/4711`);
  await dock.waitForText((t) => t.includes('Add “Record 4711” as a customer'));
  await dock.click('.unknown .primary'); // so there is someone to find
  await dock.waitForText((t) => t.includes('Customer tenure'));

  const other = await DockDriver.open(page, `${HOST}/customers/4712`);
  await other.waitForText((t) => t.includes('Or choose the customer'));
  await other.focus('#holdfast-pick');
  await page.keyboard.type('record');
  await other.waitForText((t) => t.includes('Record 4711'));
  await other.click('.results .link');
  const text = await other.waitForText((t) => t.includes('Matched by your pick'));
  expect(text).toContain('Record 4711');
});
