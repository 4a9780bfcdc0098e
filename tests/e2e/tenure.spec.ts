import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { addMonths, localIsoDate, tenureBetween } from '../../lib/tenure';
import { withExtension } from './browser';
import { DockDriver } from './dock';
import { openOptions } from './options-nav';

/**
 * The tenure panel end to end: customers from a Salesforce accounts export, their deals
 * from an opportunities export, then the Salesforce record page at its real address shows
 * tenure and revenue figures computed in the background.
 */
const ACCOUNTS = path.resolve('tests/fixtures/import/salesforce-accounts.csv');
const RECORD = 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABcdeIAD/view';

const ext = withExtension({ 'https://acme.lightning.force.com/*': 'sites/salesforce-account-record-2026-11.html' });

const today = localIsoDate();
/** m/d/yyyy, as a US-locale Salesforce report writes dates. */
const us = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${m}/${d}/${y}`;
};

/** Acme's deals, dated from today so the 12-month window is the same on every run. */
function opportunitiesCsv(): Buffer {
  const rows = [
    ['006Dn00000Ten001AA', 'Acme platform', addMonths(today, -20), 'USD', '"10,000.00"', 'Platform'],
    ['006Dn00000Ten002AA', 'Acme renewal', addMonths(today, -8), 'USD', '"12,000.00"', 'Platform'],
    ['006Dn00000Ten003AA', 'Acme analytics', addMonths(today, -3), 'USD', '3000', 'Analytics'],
    ['006Dn00000Ten004AA', 'Acme Europe', addMonths(today, -2), 'EUR', '500.00', 'Platform'],
  ];
  const lines = ['Opportunity ID,Opportunity Name,Account ID,Account Name,Stage,Close Date,Amount Currency,Amount,Type,Product'];
  for (const [id, name, date, cur, amount, product] of rows) {
    lines.push(`${id},${name},001Dn00000AcmeCoAA,Acme Corp,Closed Won,${us(date!)},${cur},${amount},Existing Customer - Upgrade,${product}`);
  }
  return Buffer.from(lines.join('\r\n') + '\r\n');
}

async function importBoth(): Promise<Page> {
  const page = await ext.context.newPage();
  await openOptions(page, ext.extensionId, 'data');
  await page.getByLabel('CSV file').setInputFiles(ACCOUNTS);
  await page.getByLabel('Your CRM address or account (optional)').fill('acme');
  // This org has no "customer since" field: the user chooses the created date, labelled as such.
  await page.getByLabel(/use the record's created date/).check();
  await page.getByRole('button', { name: 'Import 10 rows' }).click();
  await expect(page.getByTestId('import-report').locator('[data-count=created]')).toHaveText('8 imported (new)');
  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.getByLabel('CSV file').setInputFiles({ name: 'opportunities.csv', mimeType: 'text/csv', buffer: opportunitiesCsv() });
  await expect(page.getByLabel('What the file holds')).toHaveValue('deals');
  await page.getByRole('button', { name: 'Import 4 rows' }).click();
  await expect(page.getByTestId('import-report').locator('[data-count=created]')).toHaveText('4 imported (new)');
  return page;
}

test('the dock shows tenure, revenue split per currency against 75/15/10, and the risk', async () => {
  await importBoth();
  const crm = await ext.context.newPage();
  await crm.goto(RECORD);
  const dock = await DockDriver.attach(crm);
  await dock.waitForText((t) => t.includes('Open Holdfast'));
  await dock.click('.tab');
  const text = await dock.waitForText((t) => t.includes('Retention risk'));

  const { years, months } = tenureBetween('2019-03-14', today);
  // English plurals: "7 years 1 month", "7 years" (components/tenure/format.ts).
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const tenure = months ? `${plural(years, 'year')} ${plural(months, 'month')}` : plural(years, 'year');
  expect(await dock.textOf('[data-testid=tenure-since]')).toBe(`Customer since Mar 14, 2019 (the CRM record's created date) · ${tenure}`);
  expect(text).toContain('Renewal date not recorded');
  expect(text).toContain('No contact recorded yet');

  // Last 12 months: 12,000 existing (Platform again) + 3,000 cross-sell (Analytics, new to Acme).
  const usd12 = '[data-testid=tenure-last12] [data-currency=USD]';
  expect(await dock.textOf(`${usd12} .t-total`)).toBe('$15,000.00 total');
  expect(await dock.textOf(`${usd12} [data-kind=existing]`)).toBe('Existing $12,000.00 · 80%');
  expect(await dock.textOf(`${usd12} [data-kind=cross_sell]`)).toBe('Cross-sell $3,000.00 · 20%');
  expect(await dock.textOf(`${usd12} [data-kind=new]`)).toBe('New $0.00 · 0%');
  expect(await dock.attr(`${usd12} svg`, 'aria-label')).toBe('USD: existing 80%, cross-sell 20%, new 0%; benchmark 75%, 15%, 10%');
  // Euros stay apart, never added to dollars.
  expect(await dock.textOf('[data-testid=tenure-last12] [data-currency=EUR] .t-total')).toBe('€500.00 total');
  // All time: the CRM calls every deal existing business, so the first one in the file is not new.
  expect(await dock.textOf('[data-testid=tenure-alltime] [data-currency=USD] .t-total')).toBe('$25,000.00 total');
  expect(await dock.textOf('[data-testid=tenure-alltime] [data-currency=USD] [data-kind=new]')).toBe('New $0.00 · 0%');
  expect(await dock.textOf('[data-testid=tenure-basis] p')).toBe("Kinds from the CRM's deal types.");
  expect(await dock.textOf('[data-testid=tenure-gap]')).toMatch(/^Purchases before \w+ \d{4} are not imported/);

  expect(await dock.textOf('[data-signal=never_contacted]')).toBe('No contact recorded');
  expect(await dock.textOf('[data-step]')).toBe('Next step: Get in touch and log it as a note.');
});

test('my book in the side panel: the customers against 75/15/10 and the tenure distribution', async () => {
  await importBoth();
  const side = await ext.context.newPage();
  await side.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
  await side.getByRole('tab', { name: 'My book' }).click();
  const book = side.getByTestId('my-book');
  await expect(book).toContainText('8 customers');
  await expect(book).toContainText('No customer is assigned to you yet');
  await expect(book.locator('[data-testid=book-mix][data-currency=USD]')).toContainText('$15,000.00 total · Existing 80% · Cross-sell 20% · New 0%');
  // Created dates 2016–2022 in the accounts file: all eight have a known tenure.
  await expect(book.locator('[data-bucket=unknown]')).toHaveAttribute('data-count', '0');
  await expect(book.getByTestId('book-table').locator('tr')).toHaveCount(8);
  // The team's book: every customer this device knows (with sync, the colleagues' too), without the "none assigned" caveat.
  await book.getByRole('radio', { name: 'The team’s' }).check();
  await expect(book).not.toContainText('No customer is assigned to you yet');
  await expect(book).toContainText('8 customers');
  await expect(book.getByTestId('book-table').locator('tr')).toHaveCount(8);
});
