import { afterEach, expect, test } from 'vitest';
import { PRODUCT_MATCHES } from '../../lib/sites/hosts';
import { clickButton, FirefoxDock, launchFirefox, waitForRegistration, type FirefoxSession } from './driver';

/**
 * Enabling a product in Options → Sites in Firefox: the permission request, the content
 * script's registration, and the dock on a Salesforce tab that was already open.
 */
const RECORD = 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABcdeIAD/view';

let session: FirefoxSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

test('Options → Sites enables Salesforce; the already-open Salesforce tab gets the dock without a reload', async () => {
  session = await launchFirefox({ grant: [] });
  const crm = await session.browser.newPage();
  await session.serve(crm, { 'https://acme.lightning.force.com/*': 'sites/salesforce-account-record-2026-11.html' });
  await crm.goto(RECORD);
  // Nothing enabled: no dock.
  await new Promise((r) => setTimeout(r, 750));
  expect(await crm.evaluate(() => document.querySelectorAll('holdfast-dock').length)).toBe(0);

  const options = session.options;
  await options.bringToFront();
  await options.evaluate(() => {
    location.hash = '#sites';
  });
  await (await options.waitForSelector('#site-salesforce'))!.click();
  await clickButton(options, 'Enable the sites I use');
  await waitForRegistration(options, [...PRODUCT_MATCHES.salesforce]);
  expect(await options.evaluate(() => (document.getElementById('site-salesforce') as HTMLInputElement).checked)).toBe(true);

  await crm.bringToFront();
  await crm.waitForSelector('holdfast-dock', { timeout: 10_000 });
  const dock = new FirefoxDock(crm);
  await dock.waitForText((t) => t.includes('Open Holdfast'));
  await dock.click('.tab');
  await dock.waitForText((t) => t.includes('Add “Acme Corp” as a customer'));
  // And on the next load, from the registration itself.
  await FirefoxDock.open(crm, RECORD);
});
