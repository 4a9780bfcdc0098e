import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { withExtension } from './browser';
import { axeDockSerious } from './axe-dock';
import { DockDriver } from './dock';
import { openOptions } from './options-nav';

/**
 * Issue 15, point 3: mail threads resolve to the company. Maria Lopez writes from
 * acme-corp.com about "Renewal: Acme Corp 2027 licences"; the book (a Salesforce accounts
 * export) files Acme Corp under acme.com. The dock used to offer "Add “Maria Lopez” as a
 * customer" first, "Make Maria Lopez a coach" second, and the search box third. Now its first
 * button adds acme-corp.com to Acme Corp; the next thread from there matches by itself.
 */
const FIXTURES = path.resolve('tests/fixtures/sites');
const ACCOUNTS = path.resolve('tests/fixtures/import/salesforce-accounts.csv');
const GMAIL = 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQXJWDsKmTskbNvbGxkMXDvmxTq';
const SF_USER = 'https://acme.lightning.force.com/lightning/r/User/005Dn000002SamPIAA/view';
const SHOTS = process.env.HOLDFAST_SHOTS ?? '';

const ext = withExtension({ 'https://acme.lightning.force.com/*': 'sites/salesforce-user-record-2026-11.html' });

/** The Gmail thread fixture, with its company renamed when `company` is given (a sender the book does not know). */
async function serveThread(company?: { domain: string; name: string }): Promise<void> {
  let html = readFileSync(path.join(FIXTURES, 'gmail-thread-2026-11.html'), 'utf8');
  if (company) html = html.replaceAll('acme-corp.com', company.domain).replaceAll('Acme Corp', company.name);
  await ext.context.unroute('https://mail.google.com/**');
  await ext.context.route('https://mail.google.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
}

async function importAccounts(): Promise<void> {
  const page = await ext.context.newPage();
  await openOptions(page, ext.extensionId, 'data');
  await page.getByLabel('CSV file', { exact: true }).setInputFiles(ACCOUNTS);
  await page.getByLabel('Your CRM address or account (optional)').fill('acme');
  await page.getByRole('button', { name: 'Import 10 rows' }).click();
  await expect(page.getByTestId('import-report').locator('[data-count=created]')).toHaveText('9 imported (new)');
  await page.close();
}

/** The dock's buttons and links in reading order (below the header's name and close), by their text: what the rep sees first. */
function controls(dock: DockDriver): Promise<string[]> {
  return dock.eval<string[]>(
    'function () { return [...this.querySelectorAll(".panels button:not(header *), .panels input[type=search]")].map((e) => e.tagName === "INPUT" ? "[search]" : e.textContent.replace(/\\s+/g, " ").trim()); }',
  );
}

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

test.describe.configure({ mode: 'serial' });

test('a sender the book does not know: the main action adds the company, the person is offered as its contact and coach', async () => {
  await serveThread({ domain: 'blue-harbor.com', name: 'Blue Harbor' });
  const page = await ext.context.newPage();
  const dock = await DockDriver.open(page, GMAIL);
  await dock.waitForText((t) => t.includes('Add company Blue Harbor (blue-harbor.com)'));
  const first = await controls(dock);
  // The company first; the person is never offered as a customer nor on their own.
  expect(first[0]).toBe('Add company Blue Harbor (blue-harbor.com)');
  expect(first.join(' | ')).not.toMatch(/Add “Maria Lopez” as a customer|Make Maria Lopez a coach/);
  expect(await dock.text()).toContain('Add Maria Lopez as a contact');
  expect(await dock.eval<boolean>('function () { return this.querySelector("[data-act=asContact]").checked; }')).toBe(true);
  await shoot(page, 'mail-new-company-en-light');
  expect(await axeDockSerious(page, dock)).toEqual([]);

  // Contact and coach: one tick, one click.
  await dock.click('[data-act=asCoach]');
  await dock.click('[data-act=addCompany]');
  const after = await dock.waitForText((t) => t.includes('Coach Maria Lopez works here'));
  expect(await dock.textOf('.head .customer')).toBe('Blue Harbor');
  expect(after).not.toContain('Add company');
  await page.close();
});

test('Acme Corp in the book as acme.com: the first button adds acme-corp.com to it; the next visit matches by itself', async () => {
  await importAccounts();
  await serveThread();
  const page = await ext.context.newPage();
  const dock = await DockDriver.open(page, GMAIL);
  const text = await dock.waitForText((t) => t.includes('Add acme-corp.com to Acme Corp'));
  expect(text).toContain('Mail from acme-corp.com: this looks like Acme Corp, a customer you have.');
  const before = await controls(dock);
  expect(before[0]).toBe('Add acme-corp.com to Acme Corp');
  expect(before).not.toContain('Add “Maria Lopez” as a customer');
  expect(before).not.toContain('Make Maria Lopez a coach');
  await shoot(page, 'mail-link-acme-en-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shoot(page, 'mail-link-acme-en-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // One click: the thread is Acme's, its tenure panel shows, Maria is its contact.
  await dock.click('[data-act=linkCompany]');
  await dock.waitForText((t) => t.includes('Matched by email domain'));
  expect(await dock.textOf('.head .customer')).toBe('Acme Corp');
  expect(await dock.textOf('section.panel[aria-label="Customer tenure"] h2')).toBe('Customer tenure');
  expect(await dock.text()).not.toContain('Not in Holdfast yet');

  // Reloading the thread (or any thread from acme-corp.com) matches Acme directly.
  await page.reload();
  const again = await DockDriver.attach(page);
  await again.waitForText((t) => t.includes('Open Holdfast'));
  await again.click('.tab');
  await again.waitForText((t) => t.includes('Matched by email domain'));
  expect(await again.textOf('.head .customer')).toBe('Acme Corp');

  // The side panel files acme-corp.com under Acme Corp, beside acme.com.
  const side = await ext.context.newPage();
  await side.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
  await expect(side.getByTestId('customers')).toContainText('acme-corp.com');
  await side.close();
  await page.close();
});

test('in Chinese, light and dark: the same offer reads natively', async () => {
  await importAccounts();
  await serveThread();
  const options = await ext.context.newPage();
  await openOptions(options, ext.extensionId, 'me');
  await options.getByLabel('Show Holdfast in').selectOption('zh_CN');
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('Holdfast 设置');
  await options.close();

  const page = await ext.context.newPage();
  await page.goto(GMAIL);
  const dock = await DockDriver.attach(page);
  await dock.waitForText((t) => t.includes('打开 Holdfast'));
  await dock.click('.tab');
  const text = await dock.waitForText((t) => t.includes('将 acme-corp.com 归入 Acme Corp'));
  expect(text).toContain('来自 acme-corp.com 的邮件，看起来是你已有的客户 Acme Corp。');
  expect(text).toContain('把 Maria Lopez 加为联系人');
  expect((await controls(dock))[0]).toBe('将 acme-corp.com 归入 Acme Corp');
  await shoot(page, 'mail-link-acme-zh-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shoot(page, 'mail-link-acme-zh-dark');
  expect(await axeDockSerious(page, dock)).toEqual([]);
  await page.close();
});

test('a Salesforce User page (a colleague) is never offered as a customer', async () => {
  const page = await ext.context.newPage();
  const dock = await DockDriver.open(page, SF_USER);
  const text = await dock.waitForText((t) => t.includes('not a customer'));
  expect(text).not.toContain('as a customer');
  expect(text).not.toContain('Add with details');
  expect(await dock.textOf('[data-testid=not-customer]')).toBe('This page is about your CRM itself (a user, report, dashboard or setting), not a customer.');
  await page.close();
});
