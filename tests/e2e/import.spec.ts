import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import path from 'node:path';
import { launchWithExtension } from './browser';
import { DockDriver } from './dock';
import { serveFixtures } from './serve';
import { openOptions as openSection } from './options-nav';

// Ten rows: row 5 has Created Date 2/30/2021, row 7 no Account Name (tests/fixtures/import/README.md).
const ACCOUNTS = path.resolve('tests/fixtures/import/salesforce-accounts.csv');
const RECORD = 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000AcmeCoAA/view';

let context: BrowserContext;
let extensionId: string;

test.beforeEach(async () => {
  ({ context, extensionId } = await launchWithExtension());
});
test.afterEach(async () => {
  await context?.close();
});

async function openOptions(): Promise<Page> {
  const page = await context.newPage();
  await openSection(page, extensionId, 'data');
  await expect(page.getByRole('heading', { name: 'Import from a CRM' })).toBeVisible();
  return page;
}

test('a Salesforce accounts export imports, reports its two bad rows, and imports again without duplicates', async () => {
  const page = await openOptions();
  await page.getByLabel('CSV file').setInputFiles(ACCOUNTS);

  // Detected and mapped from the real column names.
  await expect(page.getByLabel('Exported from')).toHaveValue('salesforce');
  await expect(page.getByLabel('What the file holds')).toHaveValue('accounts');
  await expect(page.getByLabel('Customer name').locator('option:checked')).toHaveText('Account Name');
  // Created Date is the day the account was typed in: offered as that, used as "customer since" only when chosen.
  await expect(page.getByLabel('Customer since').locator('option:checked')).toHaveText('— not imported —');
  await expect(page.getByLabel('Created date (of the CRM record)').locator('option:checked')).toHaveText('Created Date');
  await page.getByLabel(/use the record's created date/).check();

  // The preview shows rows as they will be stored, bad ones with their reason.
  const preview = page.getByTestId('import-preview');
  await expect(preview.locator('tbody tr')).toHaveCount(10);
  await expect(preview.locator('tbody tr').first()).toContainText('Acme Corp');
  await expect(preview.locator('tbody tr').first()).toContainText('acme.com');
  await expect(preview.locator('tbody tr').first()).toContainText("2019-03-14 (the CRM record's created date)");
  await expect(preview.locator('tbody tr').nth(3)).toContainText('rejected: Created Date: “2/30/2021” is not a date');

  await page.getByLabel('Your CRM address or account (optional)').fill('https://acme.lightning.force.com/lightning/page/home');
  await page.getByRole('button', { name: 'Import 10 rows' }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeFocused();

  const report = page.getByTestId('import-report');
  await expect(report.locator('[data-count=created]')).toHaveText('8 imported (new)');
  await expect(report.locator('[data-count=rejected]')).toHaveText('2 rejected');
  // Each rejected row names its account (or, without a name, the website it has), so it can be found in the CRM.
  const rejected = page.getByTestId('import-rejected').locator('tbody tr');
  await expect(rejected).toHaveText([
    'Row 5Umbrella CorporationCreated Date: “2/30/2021” is not a date Holdfast can read',
    'Row 7stark.exampleAccount Name: empty',
  ]);
  // What now: where the imported customers show, with a link to the CRM address given.
  const next = page.getByTestId('import-next');
  await expect(next.getByRole('heading', { name: 'Where to see what you imported' })).toBeVisible();
  await expect(next.getByRole('link', { name: 'Open Salesforce' })).toHaveAttribute('href', 'https://acme.lightning.force.com');
  await expect(next.getByRole('link', { name: 'See the book' })).toHaveAttribute('href', `chrome-extension://${extensionId}/sidepanel.html`);
  await expect(next).toContainText('Next, import the won deals');
  await expect(page.getByTestId('data-counts')).toContainText('8 customers');

  // Again, the same file: the CRM address is remembered, nothing is new.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await expect(page.getByLabel('CSV file')).toBeFocused();
  await page.getByLabel('CSV file').setInputFiles(ACCOUNTS);
  await expect(page.getByLabel('Your CRM address or account (optional)')).toHaveValue('https://acme.lightning.force.com/lightning/page/home');
  await page.getByLabel(/use the record's created date/).check();
  await page.getByRole('button', { name: 'Import 10 rows' }).click();
  await expect(report.locator('[data-count=created]')).toHaveText('0 imported (new)');
  await expect(report.locator('[data-count=updated]')).toHaveText('0 updated');
  await expect(report.locator('[data-count=unchanged]')).toHaveText('8 already up to date');
  await expect(report.locator('[data-count=rejected]')).toHaveText('2 rejected');
  await expect(page.getByTestId('data-counts')).toContainText('8 customers');
});

test('an imported account is recognised on its Salesforce record page', async () => {
  await serveFixtures(context, { 'https://acme.lightning.force.com/*': 'pages/salesforce-account-2026-11.html' });
  const page = await openOptions();
  await page.getByLabel('CSV file').setInputFiles(ACCOUNTS);
  await page.getByLabel('Your CRM address or account (optional)').fill('acme');
  await page.getByRole('button', { name: 'Import 10 rows' }).click();
  await expect(page.getByTestId('import-report').locator('[data-count=created]')).toHaveText('9 imported (new)');

  const crm = await context.newPage();
  await crm.goto(RECORD);
  const dock = await DockDriver.attach(crm);
  await dock.waitForText((t) => t.includes('Open Holdfast'));
  await dock.click('.tab');
  const text = await dock.waitForText((t) => t.includes('Matched by CRM record'));
  expect(text).toContain('Acme Corp');
});

test('the import starts from the keyboard and reads in Chinese', async () => {
  await context.close();
  ({ context, extensionId } = await launchWithExtension({ lang: 'zh-CN' }));
  const page = await context.newPage();
  await openSection(page, extensionId, 'data');
  await expect(page.getByRole('heading', { name: '从 CRM 导入' })).toBeVisible();
  await page.getByLabel('CSV 文件').setInputFiles(ACCOUNTS);
  await expect(page.getByLabel('导出来源').locator('option:checked')).toHaveText('Salesforce（自动识别）');
  await page.getByLabel(/用记录的创建时间/).check();
  await page.getByRole('button', { name: '导入 10 行' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '导入完成' })).toBeFocused();
  await expect(page.getByTestId('import-rejected').locator('tbody tr').first()).toHaveText('第 5 行Umbrella CorporationCreated Date: “2/30/2021”不是可识别的日期');
});

test('the CRM address is filled in from the Salesforce instance the browser has granted, and said so', async () => {
  await context.close();
  ({ context, extensionId } = await launchWithExtension({ grant: ['https://acme.lightning.force.com/*'] }));
  const page = await openOptions();
  await page.getByLabel('CSV file').setInputFiles(ACCOUNTS);
  await expect(page.getByLabel('Exported from')).toHaveValue('salesforce');
  const tenant = page.getByLabel('Your CRM address or account (optional)');
  await expect(tenant).toHaveValue('https://acme.lightning.force.com');
  await expect(page.locator('#imp-tenant-hint')).toHaveText(/^Filled in from the Salesforce address you enabled in Sites\./);
  // A file from another CRM is not given Salesforce's address.
  await page.getByLabel('Exported from').selectOption('hubspot');
  await expect(tenant).toHaveValue('');
  await page.getByLabel('Exported from').selectOption('salesforce');
  await expect(tenant).toHaveValue('https://acme.lightning.force.com');
  await page.getByRole('button', { name: 'Import 10 rows' }).click();
  await expect(page.getByTestId('import-report').locator('[data-count=created]')).toHaveText('9 imported (new)');
  await expect(page.getByTestId('import-next').getByRole('link', { name: 'Open Salesforce' })).toHaveAttribute('href', 'https://acme.lightning.force.com');
});
