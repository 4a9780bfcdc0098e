import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { localIsoDate } from '../../lib/tenure';
import { withExtension } from './browser';
import { DockDriver } from './dock';
import { openOptions } from './options-nav';

/**
 * Numbers a rep can trust (issue 13), from the fixture exports as a new user imports them:
 * Salesforce accounts, opportunities, and an "Opportunities with Products" report. Acme's
 * renewals are not new business and the dock says where its figures come from; a rep's
 * one-click correction survives a re-import; Hooli, silent for two years, is not "low"; the
 * side panel ranks customers by risk with their reasons.
 */
const FIXTURES = path.resolve('tests/fixtures/import');
const ACME = 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000AcmeCoAA/view';
const HOOLI = 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000HooliAAA/view';

const ext = withExtension({ 'https://acme.lightning.force.com/*': 'pages/salesforce-account-2026-11.html' });

async function importFile(page: Page, file: string, rows: number): Promise<void> {
  await page.getByLabel('CSV file').setInputFiles(path.join(FIXTURES, file));
  await page.getByLabel('Your CRM address or account (optional)').fill('acme');
  await page.getByRole('button', { name: `Import ${rows} rows` }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeFocused();
  await page.getByRole('button', { name: 'Import another file' }).click();
}

async function importAll(): Promise<Page> {
  const page = await ext.context.newPage();
  await openOptions(page, ext.extensionId, 'data');
  await page.getByLabel('CSV file').setInputFiles(path.join(FIXTURES, 'salesforce-accounts.csv'));
  // Created Date is offered as what it is, not as "customer since".
  await expect(page.getByLabel('Customer since').locator('option:checked')).toHaveText('— not imported —');
  await expect(page.getByLabel('Created date (of the CRM record)').locator('option:checked')).toHaveText('Created Date');
  await expect(page.getByTestId('import-preview').locator('tbody tr').nth(3)).toContainText('Prospect');
  await page.getByRole('button', { name: 'Import another file' }).or(page.getByLabel('CSV file')).first().isVisible();
  await importFile(page, 'salesforce-accounts.csv', 10);
  await importFile(page, 'salesforce-opportunities.csv', 8);
  // The products report: Deal type and Total Price proposed, the repeated Amount not summed.
  await page.getByLabel('CSV file').setInputFiles(path.join(FIXTURES, 'salesforce-opportunity-products.csv'));
  await expect(page.getByLabel('Line amount (product row)').locator('option:checked')).toHaveText('Total Price');
  await expect(page.getByLabel('Deal type (new or existing business)').locator('option:checked')).toHaveText('Type');
  await page.getByRole('button', { name: 'Import 8 rows' }).click();
  await expect(page.getByTestId('import-report').locator('[data-count=created]')).toHaveText('7 imported (new)');
  await page.getByRole('button', { name: 'Import another file' }).click();
  return page;
}

const usdAll = '[data-testid=tenure-alltime] [data-currency=USD]';

test("Acme's renewals are not new business, the dock says where the figures come from, and a correction survives a re-import", async () => {
  const options = await importAll();
  const crm = await ext.context.newPage();
  const dock = await DockDriver.open(crm, ACME);
  await dock.waitForText((t) => t.includes('Retention risk'));

  // 12,000 + 12,000 + 4,800 existing; Analytics (first bought 2024) and Training cross-sell; nothing new.
  expect(await dock.textOf(`${usdAll} .t-total`)).toBe('$35,700.50 total');
  expect(await dock.textOf(`${usdAll} [data-kind=existing]`)).toBe('Existing $28,800.00 · 81%');
  expect(await dock.textOf(`${usdAll} [data-kind=cross_sell]`)).toBe('Cross-sell $6,900.50 · 19%');
  expect(await dock.textOf(`${usdAll} [data-kind=new]`)).toBe('New $0.00 · 0%');
  expect(await dock.attr('[data-testid=tenure-basis]', 'data-basis')).toBe('crm');
  expect(await dock.textOf('[data-testid=tenure-basis]')).toBe("Kinds from the CRM's deal types.");
  // No customer-since field in this org's export: the first won deal, labelled.
  expect(await dock.textOf('[data-testid=tenure-since]')).toMatch(/^Customer since Mar 14, 2024 \(first purchase\)/);
  // Each deal says why it has its kind.
  const why = await dock.eval<string[]>('function () { return [...this.querySelectorAll("[data-testid=tenure-lines] li")].map((li) => li.getAttribute("data-reason") + " " + li.querySelector(".t-line-why").textContent); }');
  expect(why).toContain('crm_cross_sell CRM: existing business; first purchase of Analytics');
  expect(why).toContain('crm_existing CRM: existing business');

  // `npm run report` on the same exports says what the dock says (same import and domain code, in Node).
  const files = ['salesforce-accounts.csv', 'salesforce-opportunities.csv', 'salesforce-opportunity-products.csv'].map((f) => path.join(FIXTURES, f));
  const out = execFileSync('node', ['--import', 'tsx', 'scripts/report.ts', '--json', '--as-of', localIsoDate(), ...files], { encoding: 'utf8' });
  const acme = (JSON.parse(out) as { customers: Array<{ name: string; since: string; mix: { allTime: Record<string, Record<string, number>> }; risk: { level: string } }> })
    .customers.find((c) => c.name === 'Acme Corp')!;
  expect(acme.mix.allTime.USD).toMatchObject({ existing: 28_800, cross_sell: 6_900.5, new: 0, total: 35_700.5 });
  expect(acme.since).toBe('2024-03-14');
  expect(await dock.attr('[data-testid=tenure-risk]', 'data-level')).toBe(acme.risk.level);

  // One choice corrects the 2024 Analytics deal to new business.
  const analytics = await dock.eval<string>('function () { return [...this.querySelectorAll("[data-testid=tenure-lines] li")].find((li) => li.textContent.includes("Analytics") && li.textContent.includes("2024")).getAttribute("data-line"); }');
  await dock.eval(
    'function (id) { const s = this.querySelector(`[data-line="${id}"] select`); s.value = "new"; s.dispatchEvent(new Event("change", { bubbles: true })); }',
    analytics,
  );
  await dock.waitForText((t) => t.includes('1 corrected by you'));
  expect(await dock.textOf(`${usdAll} [data-kind=new]`)).toBe('New $4,500.50 · 13%');

  // The same export again: the correction stays.
  await options.getByLabel('CSV file').setInputFiles(path.join(FIXTURES, 'salesforce-opportunities.csv'));
  await options.getByRole('button', { name: 'Import 8 rows' }).click();
  await expect(options.getByTestId('import-report').locator('[data-count=updated]')).toHaveText('0 updated');
  const again = await DockDriver.open(await ext.context.newPage(), ACME);
  await again.waitForText((t) => t.includes('1 corrected by you'));
  expect(await again.textOf(`${usdAll} [data-kind=new]`)).toBe('New $4,500.50 · 13%');
  expect(await again.attr(`[data-line="${analytics}"]`, 'data-reason')).toBe('corrected');
});

test('Hooli, without revenue for two years, is not low, on the collapsed tab too; the side panel ranks customers by risk with reasons', async () => {
  await importAll();
  const crm = await ext.context.newPage();
  await crm.goto(HOOLI);
  const tab = await DockDriver.attach(crm);
  await tab.waitForText((t) => t.includes('Open Holdfast'));
  // Collapsed: a colour bar and words, before the rep opens anything.
  await tab.waitForText((t) => t.includes('Retention risk: medium'));
  expect(await tab.attr('.tab', 'data-risk')).toBe('medium');
  expect(await tab.attr('.tab', 'title')).toMatch(/Retention risk: medium — No revenue in the last 12 months/);
  await tab.click('.tab');
  // Matched by its CRM record, whatever the page's own heading says.
  await tab.waitForText((t) => t.includes('Next step') && t.includes('Hooli') && t.includes('¥1,500,000'));
  expect(await tab.attr('[data-testid=tenure-risk]', 'data-level')).toBe('medium');
  expect(await tab.attr('[data-testid=risk-top]', 'data-signal')).toBe('revenue_stopped');

  const side = await ext.context.newPage();
  await side.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
  await side.getByRole('tab', { name: 'My book' }).click();
  const book = side.getByTestId('my-book');
  // Umbrella (Type "Prospect") is no customer: eight in the book, one prospect apart.
  await expect(book).toContainText('8 customers');
  await expect(book).toContainText('prospects left out: 1');
  const rows = book.getByTestId('book-table').locator('tr');
  await expect(rows).toHaveCount(8);
  const levels = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-risk')));
  // Riskiest first, and not everyone "low".
  const rank = { high: 0, medium: 1, low: 2, unknown: 3 } as Record<string, number>;
  expect(levels.some((l) => l !== 'low')).toBe(true);
  expect(levels.map((l) => rank[l!])).toEqual([...levels.map((l) => rank[l!])].sort((a, b) => a! - b!));
  const hooli = rows.filter({ hasText: 'Hooli' });
  await expect(hooli).toHaveAttribute('data-risk', 'medium');
  await expect(hooli.getByTestId('book-reason')).toContainText('No revenue in the last 12 months');
});
