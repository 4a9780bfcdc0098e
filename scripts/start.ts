/**
 * `npm start`: Holdfast on its embedded defaults, with a demo book. Builds the extension (npm
 * script), launches Debian's Chromium with it loaded, restores the demo book (customers with
 * years of purchases in four currencies, open and closed problems, reps in pods, a coach who
 * moved) and opens demo pages at real CRM and webmail addresses: a Salesforce account and a
 * Gmail thread.
 * With a display it opens a window and waits until you close it; with `--headless` (or no
 * display) it saves screenshots of the dock, the popup and the side panel and exits
 * (`--out=DIR`, default the current folder).
 */
import path from 'node:path';
import { launchWithExtension } from '../tests/e2e/browser';
import { DockDriver } from '../tests/e2e/dock';
import { serveFixtures } from '../tests/e2e/serve';
import { DEMO_GRANTS, DEMO_MAIL, DEMO_PAGES, DEMO_START } from '../tests/fixtures/demo/pages';
import { loadDemoBook, openExtensionWindow } from './demo/load';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const out = process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? '.';

// Only the two products the demo pages stand for are enabled, as a rep would enable them.
const { context, extensionId } = await launchWithExtension({ headless, grant: DEMO_GRANTS });
try {
  await serveFixtures(context, DEMO_PAGES);
  await loadDemoBook(context, extensionId);
  const mail = await context.newPage();
  await mail.goto(DEMO_MAIL);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1400, height: 860 });
  await page.goto(DEMO_START);
  await page.bringToFront();
  console.log(`Holdfast ${extensionId} loaded with the demo book: a Salesforce account at ${DEMO_START} and a Gmail thread at ${DEMO_MAIL}`);
  if (headless) {
    const dock = await DockDriver.attach(page);
    await dock.waitForText((t) => t.length > 0);
    await dock.click('.tab');
    await dock.waitForText((t) => t.includes('Acme Corp') && t.includes('SSO login fails'));
    const shots = { dock: path.join(out, 'holdfast-demo.png'), popup: path.join(out, 'holdfast-demo-popup.png'), side: path.join(out, 'holdfast-demo-sidepanel.png') };
    await page.screenshot({ path: shots.dock });
    const popup = await openExtensionWindow(context, extensionId, 'popup.html');
    await popup.getByTestId('popup-customer').waitFor();
    await popup.screenshot({ path: shots.popup });
    const side = await openExtensionWindow(context, extensionId, 'sidepanel.html', { width: 420, height: 900 });
    await side.getByText('Acme Corp').first().waitFor();
    await side.screenshot({ path: shots.side });
    console.log(`Saved screenshots: ${Object.values(shots).join(', ')}`);
  } else {
    console.log('Close the browser window to stop.');
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
  }
} finally {
  await context.close().catch(() => undefined);
}
