import type { CDPSession, Page } from '@playwright/test';
import { CASES } from '../fixtures/sites/cases';
import { launchWithExtension } from '../e2e/browser';
import { serveFixtures } from '../e2e/serve';
import { SETTLE_MS } from '../../components/dock/navigation';
import { atMost, median, type BenchRow } from './rows';

const round = (n: number) => Math.round(n * 1000) / 1000;
const LOADS_PER_FIXTURE = 7;
const STORM_RUNS = 9;
const NAV_RUNS = 15;

/** Durations of the content script's own `detect` work recorded on this page so far. */
const detectTimes = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByName('holdfast:work')
      .filter((e) => (e as PerformanceMeasure).detail === 'detect')
      .map((e) => e.duration),
  );

/** A large record page: the fixture plus 5,000 table rows, as a busy CRM list would have. */
function largePage(): string {
  const rows = Array.from({ length: 5000 }, (_, i) => `<tr><td>Row ${i}</td><td>Item ${i % 97}</td><td>${(i * 37) % 1000}</td></tr>`).join('');
  return `<!doctype html><html><head><title>Acme Corp | Account | Salesforce</title></head><body>
    <div class="slds-page-header"><h1><span class="slds-page-header__title">Acme Corp</span></h1></div>
    <a href="mailto:ap@acme-corp.com">AP</a><table id="big">${rows}</table><div id="storm"></div></body></html>`;
}

/** 10,000 DOM mutations in one task, then time for any debounced work to run. */
async function storm(page: Page, cdp: CDPSession): Promise<number> {
  const before = await cdp.send('Performance.getMetrics');
  await page.evaluate(async () => {
    const host = document.getElementById('storm')!;
    for (let i = 0; i < 5000; i++) host.appendChild(document.createElement('span')).textContent = String(i);
    while (host.firstChild) host.firstChild.remove(); // 5,000 more
    await new Promise((r) => setTimeout(r, 400));
  });
  const after = await cdp.send('Performance.getMetrics');
  const script = (m: typeof before) => m.metrics.find((x) => x.name === 'ScriptDuration')!.value;
  return (script(after) - script(before)) * 1000;
}

export async function benchSites(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const { context } = await launchWithExtension();
  try {
    // Detection time per fixture page, in the real content script.
    for (const c of CASES) {
      await context.unrouteAll({ behavior: 'ignoreErrors' });
      await serveFixtures(context, { [new URL(c.url).origin + '/*']: `sites/${c.file}` });
      const page = await context.newPage();
      const times: number[] = [];
      for (let i = 0; i < LOADS_PER_FIXTURE; i++) {
        await page.goto(c.url);
        await page.waitForFunction(() => performance.getEntriesByName('holdfast:dock-visible').length > 0);
        times.push(...(await detectTimes(page)));
      }
      rows.push({ name: `detect ${c.file.replace('-2026-11.html', '')} (median)`, value: round(median(times)), unit: 'ms', budget: 'report' });
      await page.close();
    }

    // The same storm on the same large page, served where Holdfast runs and where it does not.
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    const html = largePage();
    await context.route(
      (url) => url.protocol === 'https:',
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    const cost = async (url: string, settled: boolean) => {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(url);
      // A settled page (the everyday case: an inbox refreshing), or one still rendering after a load.
      await page.waitForTimeout(settled ? SETTLE_MS + 500 : 300);
      const runs: number[] = [];
      for (let i = 0; i < STORM_RUNS; i++) runs.push(await storm(page, cdp));
      await page.close();
      return median(runs);
    };
    const served = 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABcdeIAD/view';
    const unserved = 'https://www.example.com/lightning/r/Account/001Dn00000ABcdeIAD/view';
    const without = await cost(unserved, true);
    const settled = await cost(served, true);
    const settling = await cost(served, false);
    rows.push(atMost('10,000-mutation storm on a settled large page: script time Holdfast adds', round(Math.max(0, settled - without)), 'ms', 5));
    rows.push({ name: '10,000-mutation storm while the page settles (re-detects once)', value: round(Math.max(0, settling - without)), unit: 'ms', budget: 'report' });

    // Dock update after in-page navigation to another record.
    const page = await context.newPage();
    await page.goto('https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABcdeIAD/view');
    await page.waitForFunction(() => performance.getEntriesByName('holdfast:dock-updated').length > 0);
    const navs: number[] = [];
    for (let i = 0; i < NAV_RUNS; i++) {
      navs.push(
        await page.evaluate(async (n) => {
          const t0 = performance.now();
          history.pushState({}, '', `/lightning/r/Account/001Dn0000${String(n).padStart(5, '0')}IAD/view`);
          for (;;) {
            const e = performance.getEntriesByName('holdfast:dock-updated').find((x) => x.startTime > t0);
            if (e) return e.startTime - t0;
            await new Promise((r) => setTimeout(r, 5));
          }
        }, i),
      );
    }
    rows.push(atMost(`dock update after in-page navigation (median of ${NAV_RUNS})`, round(median(navs)), 'ms', 100));
  } finally {
    await context.close();
  }
  return rows;
}
