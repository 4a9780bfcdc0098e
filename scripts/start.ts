/**
 * `npm start`: Holdfast on its embedded defaults. Builds the extension (npm script), then
 * launches Debian's Chromium with it loaded on demo pages served at real CRM addresses.
 * With a display it opens a window and waits until you close it; with `--headless` (or no
 * display) it saves a screenshot of the expanded dock to holdfast-demo.png and exits.
 */
import { launchWithExtension } from '../tests/e2e/browser';
import { DockDriver } from '../tests/e2e/dock';
import { serveFixtures } from '../tests/e2e/serve';
import { DEMO_PAGES, DEMO_START } from '../tests/fixtures/demo/pages';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const out = process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? 'holdfast-demo.png';

const { context, extensionId } = await launchWithExtension({ headless });
try {
  await serveFixtures(context, DEMO_PAGES);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(DEMO_START);
  console.log(`Holdfast ${extensionId} loaded; demo record at ${DEMO_START}`);
  if (headless) {
    const dock = await DockDriver.attach(page);
    await dock.waitForText((t) => t.length > 0);
    await dock.click('.tab');
    await dock.waitForText((t) => t.includes('Add') || t.includes('Customer tenure'));
    if (await dock.textOf('.unknown')) await dock.click('.unknown .primary');
    await dock.waitForText((t) => t.includes('Customer tenure'));
    await page.screenshot({ path: out });
    console.log(`Saved a screenshot of the dock to ${out}`);
  } else {
    console.log('Close the browser window to stop.');
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
  }
} finally {
  await context.close().catch(() => undefined);
}
