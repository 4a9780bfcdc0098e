import type { CDPSession, Page } from '@playwright/test';

/**
 * The dock lives in a *closed* shadow root (so host pages cannot read it), which Playwright's
 * locators cannot enter. Tests reach it the way DevTools does: CDP's DOM domain with
 * `pierce`, then run small functions against the shadow root in the page.
 */
export class DockDriver {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async attach(page: Page): Promise<DockDriver> {
    return new DockDriver(page, await page.context().newCDPSession(page));
  }

  /** Go to `url`, wait for the dock's tab, and open the panels: what a user does first. */
  static async open(page: Page, url: string): Promise<DockDriver> {
    await page.goto(url);
    const dock = await DockDriver.attach(page);
    await dock.waitForText((t) => t.includes('Open Holdfast'));
    await dock.click('.tab');
    await dock.waitForText((t) => t.includes('Collapse Holdfast'));
    return dock;
  }

  /** The shadow root's remote object id, or null while the dock is not mounted. */
  private async rootId(): Promise<string | null> {
    const { root } = await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    type N = { nodeName: string; children?: N[]; shadowRoots?: N[]; backendNodeId: number };
    const find = (n: N): N | undefined => {
      if (n.nodeName === 'HOLDFAST-DOCK') return n.shadowRoots?.[0];
      for (const c of n.children ?? []) {
        const f = find(c);
        if (f) return f;
      }
      return undefined;
    };
    const shadow = find(root as N);
    if (!shadow) return null;
    const { object } = await this.cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    return object.objectId ?? null;
  }

  /** Run `fn(shadowRoot, ...args)` in the page and return its (JSON) result. */
  async eval<T>(fn: string, ...args: unknown[]): Promise<T> {
    const objectId = await this.rootId();
    if (!objectId) throw new Error('dock not mounted');
    const res = await this.cdp.send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: fn,
      arguments: args.map((value) => ({ value })),
      returnByValue: true,
      awaitPromise: true,
    });
    if (res.exceptionDetails) throw new Error(`dock eval failed: ${res.exceptionDetails.text} ${res.exceptionDetails.exception?.description ?? ''}`);
    return res.result.value as T;
  }

  async isMounted(): Promise<boolean> {
    return (await this.rootId()) !== null;
  }

  /** Wait until the content script has mounted the dock (it mounts after the page settles). */
  async waitMounted(timeout = 10_000): Promise<void> {
    const end = Date.now() + timeout;
    while (!(await this.isMounted())) {
      if (Date.now() > end) throw new Error(`dock not mounted within ${timeout} ms`);
      await this.page.waitForTimeout(50);
    }
  }

  /** The dock's visible text, whitespace collapsed. */
  async text(): Promise<string> {
    return (await this.textOf('.dock')) ?? '';
  }

  /** Text of the first element matching `selector` inside the dock, or null. */
  async textOf(selector: string): Promise<string | null> {
    return this.eval('function (s) { const el = this.querySelector(s); return el ? el.textContent.replace(/\\s+/g, " ").trim() : null; }', selector);
  }

  async click(selector: string): Promise<void> {
    await this.eval('function (s) { const el = this.querySelector(s); if (!el) throw new Error("no " + s); el.click(); }', selector);
  }

  async focus(selector: string): Promise<void> {
    await this.eval('function (s) { const el = this.querySelector(s); if (!el) throw new Error("no " + s); el.focus(); }', selector);
  }

  async attr(selector: string, name: string): Promise<string | null> {
    return this.eval('function (s, n) { const el = this.querySelector(s); return el ? el.getAttribute(n) : null; }', selector, name);
  }

  /** Poll until the dock's text satisfies `predicate` (the dock updates asynchronously). */
  async waitForText(predicate: (text: string) => boolean, timeout = 5_000): Promise<string> {
    const end = Date.now() + timeout;
    let last = '';
    while (Date.now() < end) {
      last = (await this.isMounted()) ? await this.text() : '';
      if (predicate(last)) return last;
      await this.page.waitForTimeout(50);
    }
    throw new Error(`dock text did not match within ${timeout} ms; last: "${last}"`);
  }
}
