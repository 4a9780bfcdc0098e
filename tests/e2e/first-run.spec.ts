import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PRODUCT_MATCHES } from '../../lib/sites/hosts';
import { firstRunPage, launchWithExtension } from './browser';
import { DockDriver } from './dock';
import { goToSection, openOptions, type OptionsSection } from './options-nav';
import { serveFixtures } from './serve';
import { waitForRegistration } from './sites';

const ACCOUNTS = path.resolve('tests/fixtures/import/salesforce-accounts.csv');
const RECORD = 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABcdeIAD/view';
const PAGES = { 'https://acme.lightning.force.com/*': 'sites/salesforce-account-record-2026-11.html' };
const SALESFORCE = [...PRODUCT_MATCHES.salesforce];
const GMAIL = [...PRODUCT_MATCHES.gmail];
const SECTIONS: OptionsSection[] = ['me', 'sites', 'data', 'crm', 'sync', 'lead'];

let context: BrowserContext;
let extensionId: string;
test.afterEach(async () => {
  await context?.close();
});

const step = (page: Page, id: 'sites' | 'profile' | 'customers') => page.locator(`[data-testid="setup-checklist"] li[data-step="${id}"]`);

/**
 * The browser's own site-access controls (chrome://extensions), which is where a user's
 * answers to a permission prompt land. Playwright cannot click the prompt itself; the test
 * copy of the extension lists the hosts as required (tests/e2e/sites.ts), so the browser
 * treats them like a prompt's: withheld until allowed, then granted.
 */
async function siteAccess(action: { withhold: true } | { allow: string[] }): Promise<void> {
  const page = await context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(
    async ([id, a]) => {
      type Dev = { developerPrivate: { updateExtensionConfiguration(u: object): Promise<void>; addHostPermission(id: string, host: string): Promise<void> } };
      const dev = (globalThis as unknown as { chrome: Dev }).chrome.developerPrivate;
      if ('withhold' in a) await dev.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_CLICK' });
      else for (const host of a.allow) await dev.addHostPermission(id, host);
    },
    [extensionId, action] as const,
  );
  await page.close();
}

/** Where an input's box sits against its label's text. */
async function boxAndLabel(input: Locator): Promise<{ gap: number; rowOffset: number }> {
  return input.evaluate((el: HTMLInputElement) => {
    const label = el.labels?.[0];
    if (!label) throw new Error(`no label for ${el.outerHTML}`);
    const range = document.createRange();
    if (label.contains(el)) {
      range.setStartAfter(el);
      range.setEndAfter(label.lastChild!);
    } else range.selectNodeContents(label);
    const text = [...range.getClientRects()].find((r) => r.width > 2)!;
    const box = el.getBoundingClientRect();
    return { gap: text.left - box.right, rowOffset: Math.abs(text.top + text.height / 2 - (box.top + box.height / 2)) };
  });
}

async function expectBeside(input: Locator): Promise<void> {
  const { gap, rowOffset } = await boxAndLabel(input);
  expect(gap, 'gap between the box and its label').toBeGreaterThanOrEqual(0);
  expect(gap, 'gap between the box and its label').toBeLessThan(40);
  expect(rowOffset, 'box and label on the same row').toBeLessThan(8);
}

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

test('at install Options opens on the checklist; saving the profile and importing a CSV tick their steps; it can be hidden', async () => {
  ({ context, extensionId } = await launchWithExtension({ grant: [], keepFirstRun: true }));
  const page = (await firstRunPage(context, extensionId))!;
  expect(page, 'an Options tab opened at install').toBeTruthy();
  await expect(page.getByRole('heading', { name: 'Set up Holdfast in three steps' })).toBeVisible();
  await expect(page.locator('nav a[aria-current="page"]')).toHaveText('Me');
  await expect(page.getByTestId('setup-checklist')).toContainText('0 of 3 done');
  for (const id of ['sites', 'profile', 'customers'] as const) await expect(step(page, id)).toHaveAttribute('data-done', 'false');

  // Step 2 from its link: focus lands on the profile; name and email saved tick it.
  await step(page, 'profile').getByRole('link', { name: 'Fill in my name and email' }).click();
  await expect(page.locator('#profile-h')).toBeFocused();
  await page.getByLabel('Your name').fill('Ana Souza');
  await expect(step(page, 'profile')).toHaveAttribute('data-done', 'false');
  await page.getByLabel('Your work email').fill('ana@acme.example');
  await page.getByLabel('Your work email').press('Enter');
  await expect(step(page, 'profile')).toHaveAttribute('data-done', 'true');
  await expect(page.getByTestId('setup-checklist')).toContainText('1 of 3 done');

  // Step 3 from its link, by keyboard: Data opens on the import; a real import ticks it.
  await step(page, 'customers').getByRole('link', { name: 'Import a CSV' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#import$/);
  await expect(page.locator('#import-h')).toBeFocused();
  await page.getByLabel('CSV file', { exact: true }).setInputFiles(ACCOUNTS);
  await page.getByRole('button', { name: 'Import 10 rows' }).click();
  await expect(page.getByTestId('import-report')).toBeVisible();
  await goToSection(page, 'me');
  await expect(step(page, 'customers')).toHaveAttribute('data-done', 'true');
  await expect(step(page, 'sites')).toHaveAttribute('data-done', 'false');
  await expect(page.getByTestId('setup-checklist')).toContainText('2 of 3 done');

  // Hidden before it is done: stays hidden after a reload, and comes back on request.
  await page.getByRole('button', { name: 'Hide this checklist' }).click();
  await expect(page.getByTestId('setup-checklist')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Show the setup checklist' })).toBeVisible();
  await expect(page.getByTestId('setup-checklist')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the setup checklist' }).click();
  await expect(page.getByTestId('setup-checklist')).toContainText('2 of 3 done');
});

test('"Enable the sites I use" asks once for the chosen sites; once allowed, step 1 ticks, the dock appears on Salesforce, adding a customer finishes the setup', async () => {
  ({ context, extensionId } = await launchWithExtension({ grant: [...SALESFORCE, ...GMAIL] }));
  await serveFixtures(context, PAGES);
  await siteAccess({ withhold: true });
  const page = await openOptions(await context.newPage(), extensionId, 'me');
  await expect(step(page, 'sites')).toHaveAttribute('data-done', 'false');

  await page.getByRole('link', { name: 'Choose my sites' }).click();
  await expect(page.locator('#section-sites-h')).toBeFocused();
  const row = (p: string) => page.locator(`li.site-row[data-product="${p}"]`);
  await expect(row('salesforce')).toHaveAttribute('data-state', 'off');
  // No dock choice for a site that is off; the addresses are folded away.
  await expect(row('salesforce').getByLabel('Dock on Salesforce')).toHaveCount(0);
  await expect(row('salesforce').getByText('https://*.lightning.force.com/*')).toBeHidden();
  await row('salesforce').getByText('addresses').click();
  await expect(row('salesforce').getByText('https://*.lightning.force.com/*')).toBeVisible();

  // Nothing chosen yet: the button says what to do rather than asking the browser for nothing.
  await page.getByRole('button', { name: 'Enable the sites I use' }).click();
  await expect(page.getByText('Switch on the sites you use, then press')).toBeVisible();

  await page.getByRole('switch', { name: 'Salesforce' }).check();
  await page.getByRole('switch', { name: 'Gmail' }).check();
  await expect(row('salesforce')).toHaveAttribute('data-state', 'chosen');
  await expect(row('salesforce')).toContainText('chosen, not enabled yet');
  // Record what is asked of the browser (the prompt itself stays the browser's).
  await page.evaluate(() => {
    type P = { request(r: { origins?: string[] }): Promise<boolean> };
    const perms = (globalThis as unknown as { chrome: { permissions: P } }).chrome.permissions;
    const asked: string[][] = ((globalThis as unknown as { asked: string[][] }).asked = []);
    const real = perms.request.bind(perms);
    perms.request = (r) => (asked.push(r.origins ?? []), real(r));
  });
  await page.getByRole('button', { name: 'Enable the sites I use' }).click();
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as { asked: string[][] }).asked)).toEqual([[...SALESFORCE, ...GMAIL]]);

  // The user allows it in the browser: the rows turn on with their dock choice, step 1 ticks.
  await siteAccess({ allow: [...SALESFORCE, ...GMAIL] });
  await expect(row('salesforce')).toHaveAttribute('data-state', 'on');
  await expect(row('gmail')).toHaveAttribute('data-state', 'on');
  await expect(page.getByLabel('Dock on Salesforce')).toHaveValue('right');
  await expectBeside(page.getByRole('switch', { name: 'Salesforce' }));
  await goToSection(page, 'me');
  await expect(step(page, 'sites')).toHaveAttribute('data-done', 'true');

  await waitForRegistration(context, SALESFORCE);
  const crm = await context.newPage();
  const dock = await DockDriver.open(crm, RECORD);
  await dock.waitForText((t) => t.includes('Add “Acme Corp” as a customer'));
  await dock.click('.unknown .primary');
  await dock.waitForText((t) => t.includes('Customer tenure'));
  await expect(step(page, 'customers')).toHaveAttribute('data-done', 'true');

  await page.getByLabel('Your name').fill('Ana Souza');
  await page.getByLabel('Your work email').fill('ana@acme.example');
  await page.getByRole('form', { name: 'My profile' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('setup-done')).toHaveText('Holdfast is set up ✓');
  await expect(page.getByTestId('setup-checklist')).toHaveCount(0);
});

test('the navigation works by keyboard: Enter opens a section, focus goes to its heading, the current one is marked, Back returns', async () => {
  ({ context, extensionId } = await launchWithExtension({ grant: [] }));
  const page = await openOptions(await context.newPage(), extensionId, 'me');
  const nav = page.getByRole('navigation', { name: 'Settings sections' });
  await expect(nav.getByRole('link')).toHaveText(['Me', 'Sites', 'Data', 'Connect CRM', 'Team sync', 'Team lead']);
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Me' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Sites' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/options\.html#sites$/);
  await expect(page.locator('#section-sites-h')).toBeFocused();
  await expect(nav.getByRole('link', { name: 'Sites' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Me' })).not.toHaveAttribute('aria-current', /.*/);
  await expect(page.getByLabel('Your name')).toBeHidden();

  // Back to the navigation from the heading, to the lead's section: said to be for the lead.
  await page.keyboard.press('Shift+Tab');
  await expect(nav.getByRole('link', { name: 'Team lead' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#section-lead-h')).toBeFocused();
  await expect(page.locator('section.panel[data-section="lead"]')).toContainText('This area is for the team lead');
  await expect(page.locator('#pods-team-h')).toBeVisible();
  await expect(page.locator('#owner-measures')).toBeVisible();
  await page.goBack();
  await expect(page.locator('#section-sites-h')).toBeFocused();
  await expect(page.locator('#pods-team-h')).toBeHidden();

  // A narrow window puts the navigation on top.
  await page.setViewportSize({ width: 600, height: 800 });
  const navBox = (await nav.boundingBox())!;
  const mainBox = (await page.locator('main').boundingBox())!;
  expect(navBox.y + navBox.height).toBeLessThanOrEqual(mainBox.y + 1);
});

test('checkboxes and radios sit beside their labels: the sites, the debug switch, the self-assessment, the import, the side panel’s “Whose book”', async () => {
  ({ context, extensionId } = await launchWithExtension());
  const page = await openOptions(await context.newPage(), extensionId, 'sites');
  for (const name of ['Salesforce', 'HubSpot', 'Gmail', 'Outlook']) await expectBeside(page.getByRole('switch', { name }));
  await expectBeside(page.locator('.sites input[type="checkbox"]:not(.switch)').first());
  // Each site is one row: switch, name, state and dock choice within a row's height.
  const rowBox = (await page.locator('li.site-row[data-product="salesforce"]').boundingBox())!;
  expect(rowBox.height).toBeLessThan(60);
  const select = (await page.getByLabel('Dock on Salesforce').boundingBox())!;
  expect(select.width).toBeLessThan(140);

  await goToSection(page, 'me');
  const firstGroup = page.locator('#pods-q-g1-1');
  await expectBeside(firstGroup);
  await expectBeside(page.locator('#pods-q-g1-5'));

  // The side panel's book needs a customer to show.
  await goToSection(page, 'data');
  await page.getByLabel('CSV file', { exact: true }).setInputFiles(ACCOUNTS);
  // The import's own checkbox, too.
  await expectBeside(page.getByLabel(/use the record's created date/));
  await page.getByRole('button', { name: 'Import 10 rows' }).click();
  await expect(page.getByTestId('import-report')).toBeVisible();
  const side = await context.newPage();
  await side.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await side.getByRole('tab', { name: 'My book' }).click();
  const radios = side.getByTestId('book-scope').getByRole('radio');
  await expect(radios).toHaveCount(2);
  await expectBeside(radios.nth(0));
  await expectBeside(radios.nth(1));
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation in any Options section (${scheme})`, async () => {
    test.setTimeout(150_000);
    ({ context, extensionId } = await launchWithExtension());
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    for (const section of SECTIONS) {
      await openOptions(page, extensionId, section);
      await page.waitForTimeout(200);
      expect(await axe(page), section).toEqual([]);
    }
  });
}

/** Screenshots of every section for a person to look at: HOLDFAST_SHOTS=<dir>. */
test('screenshots of every section, English and Chinese, light and dark, wide and narrow', async () => {
  const dir = process.env.HOLDFAST_SHOTS;
  test.skip(!dir, 'set HOLDFAST_SHOTS to a folder to take them');
  test.setTimeout(180_000);
  mkdirSync(dir!, { recursive: true });
  for (const lang of ['en', 'zh_CN'] as const) {
    ({ context, extensionId } = await launchWithExtension({ grant: SALESFORCE }));
    const page = await context.newPage();
    if (lang === 'zh_CN') {
      await openOptions(page, extensionId, 'me');
      await page.getByLabel('Show Holdfast in').selectOption('zh_CN');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Holdfast 设置');
    }
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const width of [1280, 800]) {
        await page.setViewportSize({ width, height: 900 });
        for (const section of SECTIONS) {
          await openOptions(page, extensionId, section);
          await page.waitForTimeout(150);
          await page.screenshot({ path: path.join(dir!, `${section}-${lang}-${scheme}-${width}.png`), fullPage: true });
        }
      }
    }
    await context.close();
  }
});
