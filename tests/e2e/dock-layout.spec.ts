import { expect, test, type Page } from '@playwright/test';
import { loadDemoBook } from '../../scripts/demo/load';
import { DEMO_GRANTS, DEMO_PAGES, DEMO_START } from '../fixtures/demo/pages';
import { withExtension } from './browser';
import { axeDockSerious } from './axe-dock';
import { DockDriver } from './dock';

/**
 * The dock's layout (issue 15, point 5) on the demo's Salesforce record of Acme Corp, a customer
 * with two open problems, a year of revenue and a pod partner: a header that never scrolls away,
 * the daily job above the fold, the benchmark on the revenue bar, all time folded, a narrower
 * dock on an 800-px window, and a collapsed tab that shows the count on the risk's colour.
 */
const ext = withExtension(DEMO_PAGES, { grant: DEMO_GRANTS });

type Box = { top: number; bottom: number; left: number; right: number; width: number; height: number };

/** The viewport boxes of the first match of each selector inside the dock (null: none). */
function boxes(dock: DockDriver, ...selectors: string[]): Promise<Array<Box | null>> {
  return dock.eval(
    `function (...sels) {
      return sels.map((s) => {
        const el = this.querySelector(s);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
      });
    }`,
    ...selectors,
  );
}

async function box(dock: DockDriver, selector: string): Promise<Box> {
  const [b] = await boxes(dock, selector);
  if (!b) throw new Error(`no ${selector} in the dock`);
  return b;
}

/** The demo book, then Acme's record at this window size, the dock opened. */
async function openAcme(width: number, height: number): Promise<{ page: Page; dock: DockDriver }> {
  await loadDemoBook(ext.context, ext.extensionId);
  const page = await ext.context.newPage();
  await page.setViewportSize({ width, height });
  const dock = await DockDriver.open(page, DEMO_START);
  await dock.waitForText((t) => t.includes('SSO login fails for EU users') && t.includes('Revenue, last 12 months'));
  return { page, dock };
}

/** What a screen reader announces for the dock's tab: Chromium's computed accessible name. */
async function tabAccessibleName(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  type N = { nodeName: string; backendNodeId: number; attributes?: string[]; children?: N[]; shadowRoots?: N[] };
  const find = (n: N): N | undefined => {
    if (n.nodeName === 'BUTTON' && (n.attributes ?? []).join(' ').includes('tab')) return n;
    for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) {
      const f = find(c);
      if (f) return f;
    }
    return undefined;
  };
  const host = (root as N).children?.flatMap((c) => c.children ?? []).find((n) => n.nodeName === 'HOLDFAST-DOCK');
  const tab = host && find(host);
  if (!tab) throw new Error('no tab');
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { backendNodeId: tab.backendNodeId, fetchRelatives: false });
  return String((nodes[0] as { name?: { value?: unknown } }).name?.value ?? '');
}

test('the header stays, the open problems come first and above the fold, the benchmark sits on the revenue bar, all time is folded', async () => {
  const { dock } = await openAcme(1280, 800);
  const panels = await box(dock, '.panels');
  expect(panels.height).toBeLessThanOrEqual(560);

  // The header: the customer, the risk chip with its reason, and a close button.
  expect(await dock.textOf('.head .customer')).toBe('Acme Corp');
  expect(await dock.textOf('.head [data-testid=risk-chip]')).toMatch(/^Retention risk: (high|medium|low|not enough data)$/);
  expect(await dock.textOf('.head [data-testid=risk-top]')).toBeTruthy();
  expect(await dock.attr('.head .close', 'aria-label')).toBe('Collapse Holdfast');

  // The daily job first: both open problems, their next steps and "log a problem" in the first
  // 560 px of the dock, visible without scrolling; revenue after them.
  const [problems, logProblem, owner, revenue, bodyBox] = await boxes(dock, '.problems', '.log-problem', '[aria-label="Issue owner"]', '[data-testid=tenure-last12]', '.body');
  expect(await dock.eval<number>('function () { return this.querySelectorAll(".problems > li").length; }')).toBe(2);
  expect(await dock.eval<number>('function () { return this.querySelectorAll(".problems .owner-buttons button").length; }')).toBeGreaterThan(1);
  expect(owner!.top).toBeLessThan(revenue!.top);
  expect(problems!.top).toBeGreaterThanOrEqual(panels.top);
  expect(logProblem!.bottom).toBeLessThanOrEqual(Math.min(panels.top + 560, bodyBox!.bottom));

  // One bar per currency, the 75/15/10 benchmark as ticks on it, labelled under it.
  const usd = '[data-testid=tenure-last12] [data-currency=USD]';
  const [bar, tick75, tick90, labels] = await boxes(dock, `${usd} .t-mix-bar`, `${usd} .t-tick[data-at="75"]`, `${usd} .t-tick[data-at="90"]`, `${usd} [data-testid=mix-benchmark]`);
  for (const [tick, at] of [[tick75!, 0.75], [tick90!, 0.9]] as const) {
    expect(Math.abs((tick.left + tick.right) / 2 - (bar!.left + at * bar!.width))).toBeLessThanOrEqual(1.5);
    expect(tick.top).toBeLessThanOrEqual(bar!.top);
    expect(tick.bottom).toBeGreaterThanOrEqual(bar!.bottom);
  }
  expect(await dock.eval<number>(`function () { return this.querySelectorAll('${usd} svg[data-chart=mix]').length; }`)).toBe(1);
  expect(await dock.eval<string[]>(`function () { return [...this.querySelectorAll('${usd} [data-testid=mix-benchmark] span')].map((s) => s.textContent); }`)).toEqual(['benchmark 75%', '15%', '10%']);
  // The labels sit right under the bar, each share between its ticks.
  expect(labels!.top - bar!.bottom).toBeGreaterThanOrEqual(-1);
  expect(labels!.top - bar!.bottom).toBeLessThanOrEqual(4);
  const share15 = await box(dock, `${usd} [data-share=cross_sell]`);
  expect(Math.abs(share15.left - (tick75!.left + tick75!.right) / 2)).toBeLessThanOrEqual(2);
  expect(await dock.textOf('[data-testid=tenure-basis]')).toBeTruthy();

  // All time folded by default, its totals in the summary; one click unfolds it.
  expect(await dock.eval<boolean>('function () { return this.querySelector("[data-testid=tenure-alltime-fold]").open; }')).toBe(false);
  expect(await dock.textOf('[data-testid=tenure-alltime-fold] summary')).toMatch(/^Revenue, all time · \$[\d,]+\.\d\d/);
  const shown = () => dock.eval<boolean>('function () { return this.querySelector("[data-testid=tenure-alltime] .t-total").checkVisibility(); }');
  expect(await shown()).toBe(false);
  await dock.click('[data-testid=tenure-alltime-fold] summary');
  expect(await shown()).toBe(true);

  // Scrolled to the end, the header is where it was, and the pod partner says why them.
  const head = await box(dock, '.head');
  await dock.eval('function () { const b = this.querySelector(".body"); b.scrollTop = b.scrollHeight; }');
  expect(await dock.eval<number>('function () { return this.querySelector(".body").scrollTop; }')).toBeGreaterThan(0);
  expect(await box(dock, '.head')).toEqual(head);
  const partner = await box(dock, '[data-testid=pod-partner]');
  expect(partner.bottom).toBeLessThanOrEqual(panels.bottom);
  expect(await dock.textOf('[data-testid=pod-partner] strong')).toBe('Liu Yang');
  // Liu Yang (detail 86) beside Jane Morgan (detail 38): the pods' own sentence for that trait.
  expect(await dock.textOf('[data-testid=pod-why]')).toBe('Liu Yang minds the details, Jane Morgan keeps the big picture: together they get both the plan and the paperwork right.');

  // The close button collapses the dock and gives the keyboard back to the tab.
  await dock.click('.head .close');
  await expect.poll(() => dock.attr('.tab', 'aria-expanded')).toBe('false');
  expect(await dock.eval<string>('function () { return this.activeElement?.className ?? ""; }')).toBe('tab');
});

test('on an 800-px window the dock is narrower and leaves the middle of the page uncovered', async () => {
  const { page, dock } = await openAcme(800, 700);
  const whole = await box(dock, '.dock');
  // Docked at the right edge, at most 40% of the width; the header fully on screen.
  expect(Math.round(whole.right)).toBe(800);
  expect(whole.width / 800).toBeLessThanOrEqual(0.4);
  expect(whole.left).toBeGreaterThan(400);
  expect((await box(dock, '.head')).top).toBeGreaterThanOrEqual(0);
  // The page's middle is the page's: a click there reaches it, not the dock.
  const hit = await page.evaluate(() => document.elementFromPoint(400, 350)?.localName);
  expect(hit).not.toBe('holdfast-dock');
  // The open problems are still in view without scrolling.
  const [logProblem, body] = await boxes(dock, '.log-problem', '.body');
  expect(logProblem!.bottom).toBeLessThanOrEqual(body!.bottom);

  // Docked at the left edge (Options → Sites), it keeps to that edge, as narrow.
  await ext.context.serviceWorkers()[0]!.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ dockPlacement: { salesforce: 'left' } }),
  );
  await expect.poll(async () => Math.round((await box(dock, '.dock')).left)).toBe(0);
  const left = await box(dock, '.dock');
  expect(left.width / 800).toBeLessThanOrEqual(0.4);
  expect(left.right).toBeLessThan(400);
  expect((await box(dock, '.tab')).left).toBe(0);
});

test('the collapsed tab shows the open problems on the risk’s colour, and says both', async () => {
  await loadDemoBook(ext.context, ext.extensionId);
  const page = await ext.context.newPage();
  await page.goto(DEMO_START);
  const dock = await DockDriver.attach(page);
  await dock.waitForText((t) => t.includes('Open problems: 2') && t.includes('Retention risk'));
  const level = await dock.attr('.tab', 'data-risk');
  expect(level).toMatch(/^(high|medium|low|unknown)$/);
  expect(await dock.textOf('.badge')).toBe('2');
  // Not a bare "H": the count sits on a disc in the level's colour (the panels' chip's colours).
  const colours: Record<string, string> = { high: 'rgb(192, 57, 43)', medium: 'rgb(245, 176, 65)', low: 'rgb(30, 132, 73)', unknown: 'rgb(91, 100, 120)' };
  const disc = await dock.eval<string>('function () { return getComputedStyle(this.querySelector(".badge")).backgroundColor; }');
  expect(disc).toBe(colours[level!]);
  // A screen reader hears the same: the count and the level with its reason.
  const name = await tabAccessibleName(page);
  expect(name).toContain('Open Holdfast');
  expect(name).toContain('Open problems: 2');
  expect(name).toMatch(new RegExp(`Retention risk: ${level === 'unknown' ? 'not enough data' : level} — \\S`));
  expect(await dock.attr('.tab', 'title')).toBe(name);
});

test('axe finds no serious or critical violation in the full dock, all time unfolded', async () => {
  const { page, dock } = await openAcme(1280, 800);
  await dock.click('[data-testid=tenure-alltime-fold] summary');
  expect(await axeDockSerious(page, dock)).toEqual([]);
});
