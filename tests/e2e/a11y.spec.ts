import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { withExtension } from './browser';
import { axeDockSerious, serious, type Violation } from './axe-dock';
import { DockDriver } from './dock';

const RECORD = 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABcdeIAD/view';


const ext = withExtension({ 'https://acme.lightning.force.com/*': 'sites/salesforce-account-record-2026-11.html' });

async function extensionPage(path: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  return page;
}

for (const path of ['popup.html', 'sidepanel.html', 'options.html']) {
  test(`axe finds no serious or critical violation on ${path}`, async () => {
    const page = await extensionPage(path);
    const results = await new AxeBuilder({ page }).analyze();
    expect(serious(results.violations as Violation[])).toEqual([]);
  });
}

test('axe finds no serious or critical violation in the dock, collapsed and open', async () => {
  const page = await ext.context.newPage();
  const dock = await DockDriver.open(page, RECORD);
  await dock.waitForText((t) => t.includes('Add “Acme Corp” as a customer'));
  // Each check clones the dock's current content into a shadow root axe can enter (axe-dock.ts).
  const check = () => axeDockSerious(page, dock);
  expect(await check()).toEqual([]);
  await dock.click('.unknown .primary');
  await dock.waitForText((t) => t.includes('Customer tenure'));
  expect(await check()).toEqual([]);
});
