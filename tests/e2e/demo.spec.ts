import { expect, test } from '@playwright/test';
import { loadDemoBook, openExtensionWindow } from '../../scripts/demo/load';
import { DEMO_GRANTS, DEMO_MAIL, DEMO_PAGES, DEMO_START } from '../fixtures/demo/pages';
import { withExtension } from './browser';
import { DockDriver } from './dock';

/**
 * What `npm start` shows a newcomer (issue 15, point 10): with the demo book restored through
 * Options' own restore, every panel shows what it is for — no "No revenue recorded", no
 * "No pod partner yet".
 */
const ext = withExtension(DEMO_PAGES, { grant: DEMO_GRANTS });

test('the demo book fills the dock, the side panel and the popup on the demo pages', async () => {
  await loadDemoBook(ext.context, ext.extensionId);

  const page = await ext.context.newPage();
  const dock = await DockDriver.open(page, DEMO_START);
  await dock.click('.tab');
  await dock.waitForText((t) => t.includes('SSO login fails for EU users'));
  const text = await dock.text();
  expect(text).toContain('Acme Corp');
  expect(text).toContain('6 years 2 months');
  expect(text).toContain('Invoice shows the old VAT number');
  expect(text).toMatch(/\$63,500\.00/);
  expect(text).not.toContain('No revenue recorded');
  expect(text).not.toContain('No pod partner yet');

  const side = await openExtensionWindow(ext.context, ext.extensionId, 'sidepanel.html', { width: 420, height: 900 });
  await expect(side.getByTestId('note-list').getByText('Renewal call booked for next month')).toBeVisible();
  await expect(side.getByText('SSO login fails for EU users').first()).toBeVisible();
  await side.close();

  const popup = await openExtensionWindow(ext.context, ext.extensionId, 'popup.html');
  await expect(popup.getByTestId('popup-customer')).toHaveText('Acme Corp');
  await popup.close();

  // The Gmail thread: Tom Becker writes from Initech, the coach who left Acme for it.
  const mail = await ext.context.newPage();
  const mailDock = await DockDriver.open(mail, DEMO_MAIL);
  await mailDock.click('.tab');
  await mailDock.waitForText((t) => t.includes('Initech GmbH') && t.includes('Tom Becker'));
});
