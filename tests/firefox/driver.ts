import puppeteer, { type Browser, type ElementHandle, type HTTPRequest, type Page } from 'puppeteer-core';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PRODUCT_PATTERNS } from '../../lib/sites/hosts';
import { extensionWithHosts } from '../e2e/sites';

/**
 * Holdfast in Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi (no browser
 * download). The same tricks as the Chromium suite (tests/e2e/browser.ts): the test copy of
 * the build lists the enabled products as granted at install, and fixture pages are served at
 * the products' real addresses.
 */
export const FIREFOX_EXTENSION_DIR = path.resolve(process.env.HOLDFAST_OUT ?? '.output', 'firefox-mv3');
const FIXTURES = path.resolve('tests/fixtures');
const GECKO_ID = 'holdfast@holdfast.dev';
/** A fixed moz-extension:// host (Firefox picks a random one per profile otherwise). */
export const EXTENSION_UUID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`Firefox not found (tried ${candidates.join(', ')}): apt-get install -y firefox-esr`);
  return found;
}

export interface FirefoxSession {
  browser: Browser;
  /** The Options tab the extension opened at install. */
  options: Page;
  /** Open an extension page (e.g. '/popup.html') in a window of its own, and return it. */
  openWindow(pagePath: string): Promise<Page>;
  /** Serve `pages` (origin + pathname, or origin + '/*' → file under tests/fixtures) in `page`. */
  serve(page: Page, pages: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

/** A fresh Firefox profile with the built extension installed and `grant` (all products by default) granted. */
export async function launchFirefox(opts: { grant?: string[] } = {}): Promise<FirefoxSession> {
  if (!existsSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${FIREFOX_EXTENSION_DIR}: run npx wxt build -b firefox first`);
  }
  const dir = extensionWithHosts(FIREFOX_EXTENSION_DIR, opts.grant ?? PRODUCT_PATTERNS);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    extraPrefsFirefox: {
      // MV3 host permissions are opt-in in Firefox; a user's "Allow" is what this stands for
      // (tests/e2e/sites.ts explains the same trick in Chromium).
      'extensions.originControls.grantByDefault': true,
      // permissions.request() from Options → Sites is granted without the doorhanger (which
      // BiDi cannot click): the user's "Allow".
      'extensions.webextOptionalPermissionPrompts': false,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // This machine has no network but the package registries.
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  });
  let options: Page;
  try {
    const id = await browser.installExtension(dir);
    if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
    // The Options tab the extension opens at install (first run) is our way into its pages:
    // BiDi refuses to navigate a tab to moz-extension://, but an extension page may open others.
    options = await extensionTab(browser, '/options.html');
    await waitForRegistration(options, opts.grant ?? PRODUCT_PATTERNS);
  } catch (err) {
    await browser.close();
    throw err;
  }
  return {
    browser,
    options,
    async serve(page, pages) {
      await page.setRequestInterception(true);
      page.on('request', (req: HTTPRequest) => {
        const url = new URL(req.url());
        // Only the web: the extension's own moz-extension:// pages load untouched.
        if (url.protocol !== 'https:' && url.protocol !== 'http:') return void req.continue();
        const file = pages[url.origin + url.pathname] ?? pages[url.origin + '/*'];
        if (!file) return void req.abort('blockedbyclient');
        void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(path.join(FIXTURES, file)) });
      });
    },
    async openWindow(pagePath) {
      // A window of its own, as the toolbar popup is: the CRM tab stays the active tab of the
      // last focused normal window, which is where popup and sidebar look for the customer.
      await options.evaluate((url) => {
        type Windows = { windows: { create(o: object): Promise<unknown> } };
        void (globalThis as unknown as { browser: Windows }).browser.windows.create({ url, type: 'popup', width: 400, height: 620 });
      }, `${EXTENSION_ORIGIN}${pagePath}`);
      return extensionTab(browser, pagePath.replace(/[?#].*/, ''));
    },
    close: () => browser.close(),
  };
}

/**
 * A tab showing the extension's `pathname`. BiDi reports such tabs as about:blank, so each
 * tab is asked where it is.
 */
export async function extensionTab(browser: Browser, pathname: string, timeout = 15_000): Promise<Page> {
  const end = Date.now() + timeout;
  for (;;) {
    for (const p of await browser.pages()) {
      const href = await p.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(EXTENSION_ORIGIN) && new URL(href).pathname === pathname) {
        await p.waitForFunction(() => document.readyState === 'complete');
        return p;
      }
    }
    if (Date.now() > end) throw new Error(`no ${pathname} tab within ${timeout} ms`);
    await sleep(100);
  }
}

/** Wait until the background has registered content scripts covering every one of `hosts`. */
export async function waitForRegistration(extPage: Page, hosts: string[]): Promise<void> {
  const end = Date.now() + 15_000;
  for (;;) {
    const matches = await extPage.evaluate(async () => {
      type Scripting = { scripting: { getRegisteredContentScripts(): Promise<Array<{ matches?: string[] }>> } };
      const regs = await (globalThis as unknown as { browser: Scripting }).browser.scripting.getRegisteredContentScripts();
      return regs.flatMap((r) => r.matches ?? []);
    });
    if (hosts.every((h) => matches.includes(h))) return;
    if (Date.now() > end) throw new Error(`content scripts not registered for ${hosts.filter((h) => !matches.includes(h)).join(', ')}`);
    await sleep(50);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The dock in a *closed* shadow root, read the way WebDriver BiDi allows: BiDi serialises an
 * element's shadow root even when it is closed (a shared reference, mode "closed"), and a
 * function can then be called with that root as its argument. Page scripts still cannot reach it.
 */
export class FirefoxDock {
  constructor(private readonly page: Page) {}

  /** Go to `url`, wait for the dock's tab, and open the panels: what a user does first. */
  static async open(page: Page, url: string): Promise<FirefoxDock> {
    await gotoWithDock(page, url);
    const dock = new FirefoxDock(page);
    await dock.waitForText((t) => t.includes('Open Holdfast'));
    await dock.click('.tab');
    await dock.waitForText((t) => t.includes('Collapse Holdfast'));
    return dock;
  }

  private async root(): Promise<ElementHandle<ShadowRoot> | null> {
    const host = await this.page.$('holdfast-dock');
    if (!host) return null;
    type Remote = { value?: { shadowRoot?: unknown } };
    const remote = (host as unknown as { remoteValue(): Remote }).remoteValue();
    const shadow = remote.value?.shadowRoot;
    if (!shadow) return null;
    // A handle of the same (BiDi) class over the shadow root's shared reference.
    const ctor = host.constructor as unknown as { from(v: unknown, realm: unknown): ElementHandle<ShadowRoot> };
    return ctor.from(shadow, (host as unknown as { realm: unknown }).realm);
  }

  async eval<T, A extends unknown[]>(fn: (root: ShadowRoot, ...args: A) => T, ...args: A): Promise<Awaited<T>> {
    const root = await this.root();
    if (!root) throw new Error('dock not mounted');
    return (await root.evaluate(fn as never, ...(args as unknown as never[]))) as Awaited<T>;
  }

  async isMounted(): Promise<boolean> {
    return (await this.root()) !== null;
  }

  async text(): Promise<string> {
    return (await this.textOf('.dock')) ?? '';
  }

  async textOf(selector: string): Promise<string | null> {
    return this.eval((r, s) => r.querySelector(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? null, selector);
  }

  async click(selector: string): Promise<void> {
    await this.eval((r, s) => {
      const el = r.querySelector<HTMLElement>(s);
      if (!el) throw new Error(`no ${s}`);
      el.click();
    }, selector);
  }

  async waitForText(predicate: (text: string) => boolean, timeout = 5_000): Promise<string> {
    const end = Date.now() + timeout;
    let last = '';
    while (Date.now() < end) {
      try {
        last = (await this.isMounted()) ? await this.text() : '';
      } catch {
        last = ''; // the page navigated under us
      }
      if (predicate(last)) return last;
      await sleep(50);
    }
    throw new Error(`dock text did not match within ${timeout} ms; last: "${last}"`);
  }
}

/** Navigate and wait for the dock's host element (the content script registered at launch). */
export async function gotoWithDock(page: Page, url: string, timeout = 10_000): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('holdfast-dock', { timeout });
}

/** The form control labelled `label` (exact text of its <label>), waiting for it to show. */
export async function byLabel(page: Page, label: string, timeout = 5_000): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await page.waitForFunction(
    (text) => {
      for (const l of document.querySelectorAll('label')) {
        if (l.textContent?.replace(/\s+/g, ' ').trim() === text && l.control) return l.control;
      }
      return null;
    },
    { timeout },
    label,
  );
  return handle as unknown as ElementHandle<HTMLInputElement>;
}

/** Click the button whose text is `text`, waiting for it to be there and enabled. */
export async function clickButton(page: Page, text: string, timeout = 5_000): Promise<void> {
  const handle = await page.waitForFunction(
    (t) => [...document.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s+/g, ' ').trim() === t && !b.disabled) ?? null,
    { timeout },
    text,
  );
  await (handle as unknown as ElementHandle<HTMLButtonElement>).click();
}

/** Wait until the text of `selector` (whitespace collapsed) satisfies `predicate`; returns it. */
export async function waitForTextOf(page: Page, selector: string, predicate: (text: string) => boolean, timeout = 5_000): Promise<string> {
  const end = Date.now() + timeout;
  let last: string | null = null;
  while (Date.now() < end) {
    last = await page.evaluate((s) => document.querySelector(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? null, selector).catch(() => null);
    if (last !== null && predicate(last)) return last;
    await sleep(50);
  }
  throw new Error(`${selector} did not match within ${timeout} ms; last: ${JSON.stringify(last)}`);
}
