/**
 * `npm run screenshots`: the main screens, in English and Chinese, light and dark, with the
 * demo book loaded — the dock on a Salesforce account and on a Gmail thread, the popup, the
 * side panel, Options and its Connect CRM section — written to docs/screenshots (or
 * `--out=DIR`). Needs a built extension (the npm script builds it) and, for Chinese, a CJK
 * font (`fonts-noto-cjk`).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchWithExtension } from '../tests/e2e/browser';
import { DockDriver } from '../tests/e2e/dock';
import { serveFixtures } from '../tests/e2e/serve';
import { DEMO_GRANTS, DEMO_MAIL, DEMO_PAGES, DEMO_START } from '../tests/fixtures/demo/pages';
import { loadDemoBook, openExtensionWindow } from './demo/load';

const out = process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? 'docs/screenshots';
mkdirSync(out, { recursive: true });

type Scheme = 'light' | 'dark';
const LANGS = [
  { lang: 'en', browser: 'en-US', name: 'Acme Corp' },
  { lang: 'zh', browser: 'zh-CN', name: 'Acme Corp' },
] as const;

async function dockShot(context: BrowserContext, url: string, scheme: Scheme, file: string, ready: (text: string) => boolean): Promise<void> {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.setViewportSize({ width: 1400, height: 860 });
  await page.goto(url);
  const dock = await DockDriver.attach(page);
  await dock.waitForText((t) => t.length > 0);
  await dock.click('.tab');
  await dock.waitForText(ready);
  await page.screenshot({ path: file });
  await page.close();
}

async function windowShot(context: BrowserContext, extensionId: string, which: 'popup.html' | 'sidepanel.html', scheme: Scheme, file: string): Promise<void> {
  const page: Page = await openExtensionWindow(context, extensionId, which, which === 'popup.html' ? { width: 400, height: 600 } : { width: 420, height: 1000 });
  await page.emulateMedia({ colorScheme: scheme });
  await page.getByText('Acme Corp').first().waitFor();
  // The side panel's pod section reads after the page: wait for the demo's pod partner.
  if (which === 'sidepanel.html') await page.getByText('Liu Yang').filter({ visible: true }).first().waitFor();
  await page.screenshot({ path: file });
  await page.close();
}

let count = 0;
for (const { lang, browser } of LANGS) {
  const { context, extensionId } = await launchWithExtension({ lang: browser, grant: DEMO_GRANTS });
  try {
    await serveFixtures(context, DEMO_PAGES);
    await loadDemoBook(context, extensionId);
    for (const scheme of ['light', 'dark'] as const) {
      const name = (screen: string) => path.join(out, `${screen}-${lang}-${scheme}.png`);
      await dockShot(context, DEMO_START, scheme, name('dock-salesforce'), (t) => t.includes('Acme Corp') && t.includes('SSO'));
      await dockShot(context, DEMO_MAIL, scheme, name('dock-gmail'), (t) => t.includes('Initech'));
      // The popup and side panel read the active tab of the last focused window: the CRM page.
      const crm = await context.newPage();
      await crm.goto(DEMO_START);
      await DockDriver.attach(crm);
      await windowShot(context, extensionId, 'popup.html', scheme, name('popup'));
      await windowShot(context, extensionId, 'sidepanel.html', scheme, name('sidepanel'));
      await crm.close();
      const options = await context.newPage();
      await options.emulateMedia({ colorScheme: scheme });
      await options.setViewportSize({ width: 1200, height: 900 });
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      // Shown once the profile has loaded (the demo's rep).
      await options.waitForFunction(() => [...document.querySelectorAll('input')].some((i) => i.value === 'Jane Morgan'));
      await options.screenshot({ path: name('options') });
      // Connect CRM: each product's explanation before anything is asked.
      await options.goto(`chrome-extension://${extensionId}/options.html#crm`);
      await options.getByTestId('crm-dynamics').waitFor();
      await options.screenshot({ path: name('options-crm'), fullPage: true });
      await options.close();
      count += 6;
    }
  } finally {
    await context.close().catch(() => undefined);
  }
}
console.log(`Saved ${count} screenshots to ${out}`);
