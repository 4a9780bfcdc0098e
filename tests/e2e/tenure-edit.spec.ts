import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { withExtension } from './browser';
import { DockDriver } from './dock';
import { openOptions, type OptionsSection } from './options-nav';

/**
 * Getting customer data in without an import, and keeping it current: capture from a CRM
 * page, manual entry and editing in the dock (keyboard only), and last contact moving
 * forward when the rep opens a mail thread with the customer.
 */
const FIXTURES = path.resolve('tests/fixtures/sites');
const ACCOUNTS = path.resolve('tests/fixtures/import/salesforce-accounts.csv');
const SF = 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000AcmeCoAA/view';
const ZOHO = 'https://crm.zoho.com/crm/org123456/tab/Accounts/4150868000000224005';
const GMAIL = 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQXJWDsKmTskbNvbGxkMXDvmxTq';
const OUTLOOK = 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hYjI4LWM3MjctMDACLTAwCgAQAHs0B%2Fdk%2BNRHjZc2gE9Y1uE%3D';

const ext = withExtension({
  'https://acme.lightning.force.com/*': 'sites/salesforce-account-record-2026-11.html',
  'https://crm.zoho.com/*': 'sites/zoho-account-record-2026-11.html',
});

/** A mail fixture with Maria Lopez's company addresses at acme.com (the domain the export files Acme under). */
async function serveThread(url: string, file: string): Promise<void> {
  const html = readFileSync(path.join(FIXTURES, file), 'utf8').replaceAll('acme-corp.com', 'acme.com');
  await ext.context.route(`${new URL(url).origin}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
}

async function options(section: OptionsSection = 'data'): Promise<Page> {
  const page = await ext.context.newPage();
  await openOptions(page, ext.extensionId, section);
  return page;
}

async function importAccounts(): Promise<void> {
  const page = await options();
  await page.getByLabel('CSV file', { exact: true }).setInputFiles(ACCOUNTS);
  await page.getByLabel('Your CRM address or account (optional)').fill('acme');
  await page.getByRole('button', { name: 'Import 10 rows' }).click();
  await expect(page.getByTestId('import-report').locator('[data-count=created]')).toHaveText('9 imported (new)');
  await page.close();
}

/** Set a control's value as typing would (Preact listens to input events). */
async function fill(dock: DockDriver, selector: string, value: string): Promise<void> {
  await dock.eval(
    'function (s, v) { const el = this.querySelector(s); if (!el) throw new Error("no " + s); el.value = v; el.dispatchEvent(new Event("input", { bubbles: true })); }',
    selector,
    value,
  );
}

const today = new Date();
/** Whole days from a local date-time to now, as the panel counts days since contact. */
const daysSinceInstant = (at: Date) => Math.floor((Date.now() - at.getTime()) / 86_400_000);
const daysSince = (y: number, m: number, d: number) => Math.round((Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()) - Date.UTC(y, m - 1, d)) / 86_400_000);

test('capture from the page: the fields the Salesforce page states are offered and saved with one key press', async () => {
  await importAccounts();
  // The rep is Jane Rep, whom the page names as the account's owner.
  const opts = await options('me');
  // (The form fills in the stored name once loaded: wait for it, or it overwrites ours.)
  await expect(opts.getByLabel('Your name')).toHaveValue('Me');
  await opts.getByLabel('Your name').fill('Jane Rep');
  await opts.locator('form[aria-labelledby=profile-h]').getByRole('button', { name: 'Save' }).click();
  await expect(opts.locator('form[aria-labelledby=profile-h]')).toContainText('Saved.');

  const page = await ext.context.newPage();
  const dock = await DockDriver.open(page, SF);
  // The owner is offered once the colleagues are known (asked for when the panel opens).
  await dock.waitForText((t) => t.includes('From this page') && t.includes('The page says owner'));
  // The export's Created Date is not "customer since" (issue 13): nothing known until the page says it.
  expect(await dock.textOf('[data-testid=tenure-since]')).toBeNull();
  expect(await dock.textOf('[data-testid=tenure-owner]')).toBe('No owner recorded');
  const offers = await dock.eval<string[]>('function () { return [...this.querySelectorAll("[data-capture] span")].map((e) => e.textContent); }');
  expect(offers).toEqual([
    'The page says customer since Apr 2, 2019',
    'The page says renewal date Jan 15, 2027',
    'The page says website acme-corp.com',
    'The page says owner Jane Rep',
  ]);

  // Keyboard: focus the Save beside customer since, press Enter.
  expect(await dock.attr('[data-capture=customerSince] button', 'aria-label')).toBe('Save to the customer: The page says customer since Apr 2, 2019');
  await dock.focus('[data-capture=customerSince] button');
  await page.keyboard.press('Enter');
  await dock.waitForText((t) => t.includes('Customer since Apr 2, 2019 (from the CRM)'));
  expect(await dock.textOf('[data-capture=customerSince]')).toBeNull();

  await dock.focus('[data-capture=owner] button');
  await page.keyboard.press('Space');
  await dock.waitForText((t) => t.includes('Owner: Jane Rep'));
  await dock.click('[data-capture=website] button');
  await dock.waitForText((t) => !t.includes('The page says website'));
  // Once saved, nothing is offered again on the next visit.
  const again = await DockDriver.open(await ext.context.newPage(), SF);
  const text = await again.waitForText((t) => t.includes('Owner: Jane Rep'));
  expect(text).toContain('The page says renewal date Jan 15, 2027');
  expect(text).not.toContain('The page says customer since');
  expect(text).not.toContain('The page says website');
});

test('manual entry from an unknown page, then editing: Enter saves, wrong fields say why, Escape cancels', async () => {
  const page = await ext.context.newPage();
  const dock = await DockDriver.open(page, ZOHO);
  await dock.waitForText((t) => t.includes('Not in Holdfast yet'));
  await dock.focus('[data-testid=tenure-new]');
  await page.keyboard.press('Enter');
  await dock.waitForText((t) => t.includes('New customer'));
  // Prefilled from the page: its name, domain and Created Time.
  const values = await dock.eval<string[]>('function () { return ["name", "domains", "customerSince", "renewalDate"].map((k) => this.querySelector("#holdfast-cf-" + k).value); }');
  expect(values).toEqual(['Acme Corp', 'acme-corp.com', '2019-03-14', '']);
  const renewal = new Date(today.getFullYear() + 1, 0, 15);
  const renewalIso = `${renewal.getFullYear()}-01-15`;
  await fill(dock, '#holdfast-cf-renewalDate', renewalIso);
  await dock.focus('#holdfast-cf-name');
  await page.keyboard.press('Enter');

  const saved = await dock.waitForText((t) => t.includes('Retention risk'));
  expect(saved).toContain('Matched by CRM record');
  expect(await dock.textOf('[data-testid=tenure-since]')).toMatch(/^Customer since Mar 14, 2019 \(your entry\) · \d+ years \d+ months$/);
  expect(await dock.textOf('[data-testid=tenure-renewal]')).toBe(`Renews Jan 15, ${renewal.getFullYear()} · in ${-daysSince(renewal.getFullYear(), 1, 15)} days`);

  // Edit: an empty name and a bad domain are refused with the reason beside each field.
  await dock.click('[data-testid=tenure-edit]');
  await dock.waitForText((t) => t.includes('Edit customer') && t.includes('Enter saves, Escape cancels.'));
  await fill(dock, '#holdfast-cf-name', '');
  await fill(dock, '#holdfast-cf-domains', 'acme-corp.com, acme corp');
  await dock.focus('#holdfast-cf-domains');
  await page.keyboard.press('Enter');
  await dock.waitForText((t) => t.includes('Not saved: correct the fields marked below.'));
  expect(await dock.textOf('#holdfast-cf-name-error')).toBe('Enter the customer’s name.');
  expect(await dock.textOf('#holdfast-cf-domains-error')).toBe('“acme” is not a domain: write it like acme.com.');
  expect(await dock.attr('#holdfast-cf-name', 'aria-invalid')).toBe('true');

  // Escape leaves the form, not the dock; nothing was saved.
  await page.keyboard.press('Escape');
  const after = await dock.waitForText((t) => !t.includes('Edit customerEnter saves'));
  expect(after).toContain('Collapse Holdfast');
  expect(await dock.textOf('.head .customer')).toBe('Acme Corp');
  expect(await dock.textOf('[data-testid=customer-form]')).toBeNull();

  // And a good edit goes through.
  await dock.click('[data-testid=tenure-edit]');
  await dock.waitForText((t) => t.includes('Enter saves, Escape cancels.'));
  await fill(dock, '#holdfast-cf-name', 'Acme Corporation');
  await dock.focus('#holdfast-cf-name');
  await page.keyboard.press('Enter');
  await dock.waitForText((t) => t.includes('Acme Corporation') && !t.includes('Enter saves'));
});

/** Each webmail's fixture thread with Maria Lopez, and its newest message (local time, as the page shows it). */
const THREADS = [
  { site: 'Gmail', url: GMAIL, file: 'gmail-thread-2026-11.html', newest: new Date(2026, 10, 3, 10, 5) },
  { site: 'Outlook', url: OUTLOOK, file: 'outlook-message-2026-11.html', newest: new Date(2026, 10, 3, 9, 12) },
];

for (const thread of THREADS) {
  test(`${thread.site}: opening a thread with the customer moves last contact to its newest message`, async () => {
    await importAccounts();
    await serveThread(thread.url, thread.file);
    const sf = await DockDriver.open(await ext.context.newPage(), SF);
    expect(await sf.waitForText((t) => t.includes('No contact recorded yet'))).toContain('Matched by CRM record');

    const mail = await DockDriver.open(await ext.context.newPage(), thread.url);
    await mail.waitForText((t) => t.includes('Matched by email domain'));
    const shown = `Last contact Nov 3, 2026 · ${daysSinceInstant(thread.newest)} days ago`;
    await mail.waitForText((t) => t.includes(shown), 8_000);
    expect(await mail.textOf('[data-testid=tenure-contact]')).toBe(shown);
    // The CRM page's dock hears of it too.
    await sf.waitForText((t) => t.includes(shown), 8_000);
  });
}
