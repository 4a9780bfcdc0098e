import { chromium, test, type BrowserContext, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { API_ONLY_ORIGINS, PRODUCT_PATTERNS } from '../../lib/sites/hosts';
import { serveFixtures } from './serve';
import { extensionWithHosts, waitForRegistration } from './sites';

export const EXTENSION_DIR = path.resolve(process.env.HOLDFAST_OUT ?? '.output', 'chrome-mv3');

/** Debian's Chromium; Playwright's own browser download is not reachable here. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`Chromium not found (tried ${candidates.join(', ')}): apt-get install -y chromium`);
  return found;
}

export interface LaunchOptions {
  extensionDir?: string;
  /** Browser UI language, e.g. 'zh-CN'. */
  lang?: string;
  headless?: boolean;
  userDataDir?: string;
  /** Host patterns the user has enabled; all products unless told otherwise. */
  grant?: string[];
  /** Keep the Options tab the extension opens at install (closed otherwise, so tests start alike). */
  keepFirstRun?: boolean;
  /** Optional API permissions the user has granted (e.g. 'cookies' for Connect Salesforce). */
  permissions?: string[];
}

/** The Options tab the background opens at install (tests/e2e/first-run.spec.ts checks it). */
export async function firstRunPage(context: BrowserContext, extensionId: string, timeout = 10_000): Promise<Page | undefined> {
  const isIt = (p: Page) => p.url().startsWith(`chrome-extension://${extensionId}/options.html`);
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = context.pages().find(isIt);
    if (found) return found;
    if (Date.now() > deadline) return undefined;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A Chromium profile with the built extension loaded, and the extension's id. */
export async function launchWithExtension(opts: LaunchOptions = {}): Promise<{ context: BrowserContext; extensionId: string }> {
  const built = opts.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(path.join(built, 'manifest.json'))) throw new Error(`No built extension in ${built}: run npm run build first`);
  const grant = opts.grant ?? PRODUCT_PATTERNS;
  const dir = extensionWithHosts(built, grant, opts.permissions);
  const context = await chromium.launchPersistentContext(opts.userDataDir ?? '', {
    executablePath: chromiumPath(),
    headless: opts.headless ?? true,
    locale: opts.lang,
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      ...(opts.lang ? [`--lang=${opts.lang}`] : []),
      // This machine has no network but the package registries: keep Chromium from trying.
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    // A CRM's API host (Connect the CRM: api.hubapi.com) is read by the background; no content script runs there.
    const pages = grant.filter((p) => !API_ONLY_ORIGINS.includes(p));
    if (pages.length) await waitForRegistration(context, pages);
    if (!opts.keepFirstRun) await (await firstRunPage(context, extensionId))?.close();
    return { context, extensionId };
  } catch (err) {
    await context.close();
    throw err;
  }
}

/**
 * Each test of the calling file gets a fresh profile with the extension, serving `pages`
 * (tests/e2e/serve.ts); the browser is closed after each test, pass or fail.
 */
export function withExtension(pages: Record<string, string>, opts: LaunchOptions = {}): { readonly context: BrowserContext; readonly extensionId: string } {
  const state = {} as { context: BrowserContext; extensionId: string };
  test.beforeEach(async () => {
    Object.assign(state, await launchWithExtension(opts));
    await serveFixtures(state.context, pages);
  });
  test.afterEach(async () => {
    await state.context?.close();
  });
  return state;
}

/**
 * An extension page opened the way the toolbar opens the popup: in a small window of its own,
 * so the CRM tab stays the active tab of the last focused normal window (which the popup and
 * side panel read). Resolves once the page has loaded.
 */
export async function openExtensionPage(context: BrowserContext, extensionId: string, file: 'popup.html' | 'sidepanel.html', size = { width: 400, height: 620 }): Promise<Page> {
  type Windows = { chrome: { windows: { create(o: object): Promise<unknown> } } };
  const worker = context.serviceWorkers()[0];
  if (!worker) throw new Error('The extension has no running service worker');
  const [page] = await Promise.all([
    context.waitForEvent('page', (p) => p.url().includes(file)),
    worker.evaluate(({ url, width, height }) => (globalThis as unknown as Windows).chrome.windows.create({ url, type: 'popup', width, height }), {
      url: `chrome-extension://${extensionId}/${file}`,
      ...size,
    }),
  ]);
  await page.waitForLoadState();
  return page;
}
