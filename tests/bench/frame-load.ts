import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { launchWithExtension } from '../e2e/browser';
import { atMost, median, type BenchRow } from './rows';

const LOADS = 20;
const SITES = path.resolve('tests/fixtures/sites');
const ORIGIN = 'https://exmail.qq.com';
const FRAMESET = `${ORIGIN}/cgi-bin/frame_html?sid=Xk3-abc_DEF&r=5a1b2c`;
const READMAIL = `${ORIGIN}/cgi-bin/readmail?folderid=1&t=readmail&mailid=ZL0303-Ab1cD2eF3gH4iJ5kL6mN7o&mode=pre&sid=Xk3-abc_DEF`;

/**
 * Frames (issue 17): the Exmail frameset — the top page with the opened mail in the
 * same-origin frame #mainFrame — against the same mail opened as a page of its own. Real
 * Chromium, the built extension, LOADS loads each. The overlay runs only in the top frame and
 * reads the frame from there; what that costs per load is the difference of the two medians
 * of Holdfast's own main-thread work (`holdfast:work` measures, lib/util/perf.ts), and the part
 * spent arming the frame watch (the `frame-watch` measures) is reported on its own. Work inside
 * the frame is zero by construction: no content script runs there (checked here too).
 */
export async function benchFrameLoad(): Promise<BenchRow[]> {
  const { context } = await launchWithExtension();
  try {
    await serve(context);
    const page = await context.newPage();
    // Interleaved, so that a busy machine slows both alike.
    const frameset = { work: [] as number[], watch: [] as number[], docksInFrame: [] as number[] };
    const single = { work: [] as number[] };
    await load(page, FRAMESET); // the first load warms the service worker and caches
    await load(page, READMAIL);
    for (let i = 0; i < LOADS; i++) {
      const f = await load(page, FRAMESET);
      frameset.work.push(f.work);
      frameset.watch.push(f.watch);
      frameset.docksInFrame.push(f.docks);
      single.work.push((await load(page, READMAIL)).work);
    }
    const added = median(frameset.work) - median(single.work);
    return [
      // The same budget as any product page (page-load.ts).
      atMost(`frameset page (Exmail): extension main-thread work per load (median of ${LOADS})`, round(median(frameset.work)), 'ms', 16),
      { name: `same mail as a page of its own: extension main-thread work per load (median of ${LOADS})`, value: round(median(single.work)), unit: 'ms', budget: 'report' },
      { name: 'frameset page: added main-thread work per load for reading the frame (difference of medians)', value: round(added), unit: 'ms', budget: 'report' },
      { name: `frameset page: of which arming the frame watch (median of ${LOADS})`, value: round(median(frameset.watch)), unit: 'ms', budget: 'report' },
      atMost('frameset page: Holdfast docks inside the frame (max over loads)', Math.max(...frameset.docksInFrame), 'docks', 0),
    ];
  } finally {
    await context.close();
  }
}

async function serve(context: BrowserContext): Promise<void> {
  const pages: Record<string, string> = {
    [`${ORIGIN}/cgi-bin/frame_html`]: readFileSync(path.join(SITES, 'exmail-frame-2026-12.html'), 'utf8'),
    [`${ORIGIN}/cgi-bin/readmail`]: readFileSync(path.join(SITES, 'exmail-readmail-2026-12.html'), 'utf8'),
  };
  await context.route((url) => url.protocol === 'https:', (route) => {
    const url = new URL(route.request().url());
    const body = pages[url.origin + url.pathname];
    return body ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }) : route.abort('blockedbyclient');
  });
}

async function load(page: Page, url: string): Promise<{ work: number; watch: number; docks: number }> {
  await page.goto(url, { waitUntil: 'load' });
  // The dock has answered for the mail (for the frameset: after the frame's load was seen).
  await page.waitForFunction(() => performance.getEntriesByName('holdfast:dock-updated').length > 0, null, { timeout: 10_000 });
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const own = performance.getEntriesByName('holdfast:work') as PerformanceMeasure[];
    const frame = document.getElementById('mainFrame') as HTMLIFrameElement | null;
    return {
      work: own.reduce((s, e) => s + e.duration, 0),
      watch: own.filter((e) => e.detail === 'frame-watch').reduce((s, e) => s + e.duration, 0),
      docks: frame?.contentDocument?.querySelectorAll('holdfast-dock').length ?? 0,
    };
  });
}

const round = (n: number) => Math.round(n * 100) / 100;
