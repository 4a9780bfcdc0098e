import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withExtension } from './browser';
import { DockDriver } from './dock';
import { openOptions } from './options-nav';

const RECORD = 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABcdeIAD/view';

const ext = withExtension({ 'https://acme.lightning.force.com/*': 'sites/salesforce-account-record-2026-11.html' });

async function options(): Promise<Page> {
  const page = await ext.context.newPage();
  await openOptions(page, ext.extensionId, 'data');
  return page;
}

test('back up, wipe, restore: nothing lost; a bad file changes nothing', async () => {
  // A customer, added the way a rep does it: from the dock on a CRM record.
  const crm = await ext.context.newPage();
  const dock = await DockDriver.open(crm, RECORD);
  await dock.waitForText((t) => t.includes('Add “Acme Corp” as a customer'));
  await dock.click('.unknown .primary');
  await dock.waitForText((t) => t.includes('Customer tenure'));

  const page = await options();
  const counts = page.getByTestId('data-counts');
  await expect(counts).toContainText('1 customers');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download backup (JSON)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^holdfast-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = path.join(tmpdir(), `hf-${Date.now()}.json`);
  await download.saveAs(file);
  const backup = JSON.parse(readFileSync(file, 'utf8')) as { tables: { customers: Array<{ name: string; domains: string[] }> } };
  expect(backup.tables.customers.map((c) => c.name)).toEqual(['Acme Corp']);

  // Wiping takes the typed word.
  await page.getByRole('button', { name: 'Delete all data…' }).click();
  const confirm = page.getByRole('button', { name: 'Delete everything' });
  await expect(confirm).toBeDisabled();
  await page.getByLabel('Type delete to confirm').fill('delete');
  await confirm.click();
  await expect(page.getByText('All local data was deleted.')).toBeVisible();
  await expect(counts).toContainText('0 customers');

  // A tampered file is refused with its reason, and writes nothing.
  const bad = structuredClone(backup);
  bad.tables.customers[0]!.domains = ['NOT A DOMAIN'];
  const badFile = path.join(tmpdir(), `hf-bad-${Date.now()}.json`);
  writeFileSync(badFile, JSON.stringify(bad));
  await page.getByLabel('Restore from a backup file').setInputFiles(badFile);
  await expect(page.getByTestId('backup-status')).toContainText('This file was not restored, and nothing changed');
  await expect(page.getByTestId('backup-status')).toContainText('tables.customers.0.domains.0');
  await expect(counts).toContainText('0 customers');

  await page.getByLabel('Restore from a backup file').setInputFiles(file);
  await expect(page.getByTestId('backup-status')).toContainText('Restored:');
  await expect(counts).toContainText('1 customers');

  // And the dock knows the customer again, by its CRM record.
  await crm.reload();
  const again = await DockDriver.open(crm, RECORD);
  await again.waitForText((t) => t.includes('Matched by CRM record'));
});
