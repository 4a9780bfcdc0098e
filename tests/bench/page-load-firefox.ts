import { FirefoxDock, launchFirefox } from '../firefox/driver';
import { median, type BenchRow } from './rows';

const LOADS = 25;
const URL_ = 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000AcmeCoAA/view';

/**
 * The page-load rows of page-load.ts, measured in Debian's Firefox ESR with the built Firefox
 * add-on (.output/firefox-mv3), beside the Chromium rows. The content script's marks and
 * measures land on the page's own timeline in Firefox too. Report-only: the budgets
 * (DESIGN.md §7) are set on Chromium.
 */
export async function benchPageLoadFirefox(): Promise<BenchRow[]> {
  const session = await launchFirefox();
  try {
    const page = await session.browser.newPage();
    await session.serve(page, { 'https://acme.lightning.force.com/*': 'pages/salesforce-account-2026-11.html' });
    const visible: number[] = [];
    const work: number[] = [];
    const firstOpen: number[] = [];
    for (let i = 0; i < LOADS + 1; i++) {
      await page.goto(URL_, { waitUntil: 'load' });
      await page.waitForFunction(() => performance.getEntriesByName('holdfast:dock-visible').length > 0, { timeout: 10_000 });
      // Let the first lookup answer and render: its work counts too.
      await new Promise((r) => setTimeout(r, 150));
      const m = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const shown = performance.getEntriesByName('holdfast:dock-visible')[0]!.startTime;
        const own = performance.getEntriesByName('holdfast:work').reduce((s, e) => s + e.duration, 0);
        return { afterDcl: shown - nav.domContentLoadedEventStart, own };
      });
      if (i === 0) continue; // the first load warms the background and caches
      visible.push(Math.max(0, m.afterDcl));
      work.push(m.own);
      if (i % 3 === 1) {
        await new FirefoxDock(page).click('.tab');
        await page.waitForFunction(() => performance.getEntriesByName('holdfast:panels-first-open').length > 0, { timeout: 10_000 });
        firstOpen.push(await page.evaluate(() => performance.getEntriesByName('holdfast:panels-first-open')[0]!.duration));
      }
    }
    const row = (name: string, value: number): BenchRow => ({ name: `Firefox: ${name}`, value: round(value), unit: 'ms', budget: 'report' });
    return [
      row(`dock visible after DOMContentLoaded (median of ${LOADS})`, median(visible)),
      row(`extension main-thread work per page load (median of ${LOADS})`, median(work)),
      row(`extension main-thread work per page load (max of ${LOADS})`, Math.max(...work)),
      row(`first open of the dock: panels injected and shown (median of ${firstOpen.length})`, median(firstOpen)),
    ];
  } finally {
    await session.close();
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
