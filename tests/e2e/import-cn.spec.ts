import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { largeSheet } from '../fixtures/import/make-xlsx';
import { launchWithExtension } from './browser';
import { DockDriver } from './dock';
import { openOptions } from './options-nav';
import { serveFixtures } from './serve';

/**
 * Imports from Chinese CRMs (issue 17): an Fxiaoke 纷享销客 .xlsx export and a Xiaoshouyi 销售易
 * CSV that Excel saved in GBK, with Chinese headers, ¥/￥/元/万元 amounts and Chinese dates.
 * The fixtures and their sources: tests/fixtures/import/README.md.
 */
const FIXTURES = path.resolve('tests/fixtures/import');
const FX_ACCOUNTS = path.join(FIXTURES, 'fxiaoke-accounts-2026-12.xlsx');
const FX_DEALS = path.join(FIXTURES, 'fxiaoke-opportunities-2026-12.xlsx');
const XSY_GBK = path.join(FIXTURES, 'xiaoshouyi-opportunities-2026-12.csv');
/** A Salesforce record of the same company (its website www.acme-corp.com), as a multinational's Chinese arm shares it. */
const RECORD = 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABcdeIAD/view';

/** Screenshots for review, only when HOLDFAST_SHOTS names a folder. */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.HOLDFAST_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.locator('section.import').screenshot({ path: path.join(dir, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

let context: BrowserContext;
let extensionId: string;
test.afterEach(async () => {
  await context?.close();
});

async function importPage(lang?: string): Promise<Page> {
  ({ context, extensionId } = await launchWithExtension(lang ? { lang } : {}));
  await serveFixtures(context, { 'https://acme.lightning.force.com/*': 'sites/salesforce-account-record-2026-11.html' });
  const page = await openOptions(await context.newPage(), extensionId, 'data');
  await page.setViewportSize({ width: 1000, height: 900 });
  return page;
}

test('an Fxiaoke .xlsx export imports customers and CNY deals, and the tenure panel shows them', async () => {
  const page = await importPage();

  await page.getByLabel('CSV file').setInputFiles(FX_ACCOUNTS);
  await expect(page.getByTestId('import-format')).toHaveText('Excel workbook (.xlsx): the first sheet is read.');
  await expect(page.getByLabel('Exported from').locator('option:checked')).toHaveText('Fxiaoke 纷享销客 (detected)');
  await expect(page.getByLabel('What the file holds')).toHaveValue('accounts');
  await expect(page.getByLabel('Customer name').locator('option:checked')).toHaveText('客户名称');
  await expect(page.getByLabel('Owner (rep)').locator('option:checked')).toHaveText('负责人');
  await page.getByLabel(/use the record's created date/).check();
  const preview = page.getByTestId('import-preview').locator('tbody tr');
  await expect(preview.first()).toContainText('艾克姆（中国）有限公司');
  await expect(preview.first()).toContainText('acme-corp.com');
  // 成交状态 未成交: a prospect; a created date typed as 2022年9月15日 reads as a day.
  await expect(preview.nth(3)).toContainText('Prospect');
  await expect(preview.nth(5)).toContainText('2022-09-15');
  await page.getByRole('button', { name: 'Import 7 rows' }).click();
  const report = page.getByTestId('import-report');
  await expect(report.locator('[data-count=created]')).toHaveText('6 imported (new)');
  // The nameless row is named by its customer number.
  await expect(page.getByTestId('import-rejected').locator('tbody tr')).toHaveText(['Row 6KH20240611005客户名称: empty']);

  await page.getByRole('button', { name: 'Import another file' }).click();
  const started = Date.now();
  await page.getByLabel('CSV file').setInputFiles(FX_DEALS);
  await expect(page.getByLabel('What the file holds')).toHaveValue('deals');
  const readMs = Date.now() - started;
  await expect(page.getByLabel(/Currency for rows that name none/)).toHaveValue('CNY');
  await expect(page.getByLabel('Amount', { exact: true }).locator('option:checked')).toHaveText('商机金额');
  await expect(page.getByLabel('Close date').locator('option:checked')).toHaveText('结单日期');
  await expect(page.getByLabel('Stage or status').locator('option:checked')).toHaveText('阶段状态');
  // The title row above the header is skipped; rows keep the numbers Excel shows.
  await expect(preview.first().locator('td').first()).toHaveText('3');
  await expect(preview.first()).toContainText('CN¥120,000.00');
  await expect(preview.nth(3)).toContainText('CN¥36,000.00'); // "¥36,000.00" as text
  await expect(preview.nth(6)).toContainText('2020-06-30'); // 2020/6/30
  await expect(preview.nth(6)).toContainText('CN¥58,000.00'); // 5.8万元
  await expect(preview.nth(8)).toContainText('CN¥45,000.00'); // ￥４５，０００
  await shot(page, 'import-preview-xlsx-en');
  await page.getByRole('button', { name: 'Import 13 rows' }).click();
  await expect(report.locator('[data-count=created]')).toHaveText('10 imported (new)');
  await expect(report.locator('[data-count=skipped]')).toHaveText('2 skipped');
  await expect(page.getByTestId('import-rejected').locator('tbody tr')).toHaveText(['Row 15上海浦江医疗器械有限公司商机金额: “待定” is not an amount']);
  await shot(page, 'import-report-xlsx-en');
  console.log(`[measure] Fxiaoke opportunities .xlsx (13 rows): read + preview ${readMs} ms`);

  // The Salesforce page of the same company: its tenure and yuan revenue, from the Fxiaoke export.
  const crm = await context.newPage();
  await crm.goto(RECORD);
  const dock = await DockDriver.attach(crm);
  await dock.waitForText((t) => t.includes('Open Holdfast'));
  await dock.click('.tab');
  const text = await dock.waitForText((t) => t.includes('艾克姆（中国）有限公司') && t.includes('CN¥'));
  expect(text).toContain('Mar 14, 2019');
  // 4 × 120,000 renewals + 36,000 for the analytics module; the open expansion is not revenue.
  expect(await dock.textOf('[data-testid=tenure-alltime] [data-currency=CNY] .t-total')).toBe('CN¥516,000.00 total');
});

test('a Xiaoshouyi CSV saved in GBK imports in Chinese, with its encoding shown and rejected rows named', async () => {
  const page = await importPage('zh-CN');
  await expect(page.getByRole('heading', { name: '从 CRM 导入' })).toBeVisible();
  await page.getByLabel('CSV 文件').setInputFiles(XSY_GBK);
  await expect(page.getByTestId('import-format')).toHaveText('CSV · 编码：GB18030（中文 GBK，中文版 Excel 保存 CSV 时的编码）');
  await expect(page.getByLabel('导出来源').locator('option:checked')).toHaveText('销售易（自动识别）');
  await expect(page.getByLabel('文件内容')).toHaveValue('deals');
  await expect(page.getByLabel(/未注明货币的行使用的货币/)).toHaveValue('CNY');
  const preview = page.getByTestId('import-preview').locator('tbody tr');
  await expect(preview.first()).toContainText('苏州鼎新精密制造有限公司');
  await expect(preview.first()).toContainText('¥120,000.00');
  await expect(preview.nth(1)).toContainText('2025-03-20'); // 2025年3月20日
  await expect(preview.nth(1)).toContainText('¥120,000.00'); // 12万元
  await expect(preview.nth(2)).toContainText('2025-12-03'); // 2025.12.03
  await expect(preview.nth(5)).toContainText('¥68,000.00'); // ￥６８，０００
  await expect(preview.nth(6)).toContainText('拒绝');
  await page.getByLabel(/为 Holdfast 中没有的客户新建记录/).check();
  await shot(page, 'import-preview-gbk-zh');
  await page.getByRole('button', { name: '导入 7 行' }).click();
  const report = page.getByTestId('import-report');
  await expect(report.locator('[data-count=created]')).toHaveText('新导入 4 条');
  await expect(report).toContainText('为未知客户新建 2 家客户');
  await expect(page.getByTestId('import-rejected').locator('tbody tr')).toHaveText(['第 8 行宁波港通物流有限公司结单日期: “2026年2月30日”不是可识别的日期']);
  await expect(page.getByTestId('import-next')).toContainText('在销售易中打开一家客户');
  await shot(page, 'import-report-gbk-zh');

  // The book lists the customers the deals brought in.
  const side = await context.newPage();
  await side.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await expect(side.getByText('苏州鼎新精密制造有限公司').first()).toBeVisible();
  await expect(side.getByText('宁波港通物流有限公司').first()).toBeVisible();
});

test('a 10,000-row .xlsx imports within the test budget (timed)', async () => {
  test.setTimeout(120_000);
  const page = await importPage();
  const buffer = await writeXlsxFile(largeSheet(10_000)).toBuffer();
  const t0 = Date.now();
  await page.getByLabel('CSV file').setInputFiles({ name: 'fxiaoke-10k.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  await expect(page.getByRole('button', { name: 'Import 10000 rows' })).toBeVisible({ timeout: 30_000 });
  const read = Date.now() - t0;
  await page.getByLabel(/Create customers for accounts/).check();
  const t1 = Date.now();
  await page.getByRole('button', { name: 'Import 10000 rows' }).click();
  await expect(page.getByTestId('import-report').locator('[data-count=created]')).toHaveText('10000 imported (new)', { timeout: 90_000 });
  const write = Date.now() - t1;
  console.log(`[measure] 10,000-row .xlsx (${buffer.length} B): read + preview ${read} ms, import ${write} ms`);
});
