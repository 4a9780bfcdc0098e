/**
 * Connect the CRM benchmark (issue 16): the first sync of a big Salesforce org — 100,000 won
 * opportunities with 300,000 line items on 25,000 accounts — in real Chromium with the built
 * extension. The Salesforce stand-in (tests/crm-api/salesforce.ts) answers at the org's real
 * API host (acme.my.salesforce.com, Playwright routes the service worker's fetches there),
 * the browser holds the org's `sid` cookie, and the rep connects through Options → Connect
 * CRM as anyone would. The clock runs from the Connect click until the card says "Last
 * synced". Peak memory is the service worker's JS heap (the background runs the sync),
 * sampled over CDP every 100 ms.
 *
 * No budget is set for the CRM sync itself (the import write budget is measured by import.ts),
 * so every row is 'report'. Run alone: `npm run build && node --import tsx tests/bench/crm-sync.ts`.
 */
import type { CDPSession } from '@playwright/test';
import { pathToFileURL } from 'node:url';
import { launchWithExtension } from '../e2e/browser';
import { openOptions } from '../e2e/options-nav';
import { bigSalesforceOrg, salesforceStandIn } from '../crm-api/salesforce';
import { routeStandIns } from '../crm-api/serve';
import type { BenchRow } from './rows';

// Smaller runs while working on it: CRM_BENCH_DEALS=5000 node --import tsx tests/bench/crm-sync.ts
const DEALS = Number(process.env.CRM_BENCH_DEALS ?? 100_000);
const ACCOUNTS = Math.max(1, Math.round(DEALS / 4));
const LINES_PER_DEAL = 3;
const HOST = 'acme.my.salesforce.com';

/** The service worker's heap, through a browser-level CDP session attached to its target. */
async function serviceWorkerHeap(cdp: CDPSession): Promise<() => Promise<number>> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ type: string; url: string; targetId: string }> };
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  if (!sw) throw new Error('no extension service worker target');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false })) as { sessionId: string };
  let next = 0;
  const waiting = new Map<number, (used: number) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { id?: number; result?: { usedSize: number } };
    if (m.id !== undefined) waiting.get(m.id)?.(m.result?.usedSize ?? 0);
    if (m.id !== undefined) waiting.delete(m.id);
  });
  return () =>
    new Promise<number>((resolve) => {
      const id = ++next;
      waiting.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) }).catch(() => resolve(0));
    });
}

export async function benchCrmSync(): Promise<BenchRow[]> {
  const org = bigSalesforceOrg({ accounts: ACCOUNTS, deals: DEALS, linesPerDeal: LINES_PER_DEAL, host: HOST });
  const stand = salesforceStandIn(org);
  // The org's API host only: the permission Connect Salesforce asks for, with `cookies`.
  const { context } = await launchWithExtension({ grant: [`https://${HOST}/*`], permissions: ['cookies'] });
  const extensionId = new URL(context.serviceWorkers()[0]!.url()).host;
  try {
    await routeStandIns(context, stand);
    // Signed in to Salesforce: the My Domain host's session cookie, as the browser keeps it.
    await context.addCookies([{ name: 'sid', value: stand.sid, domain: HOST, path: '/', secure: true, httpOnly: true, sameSite: 'None' }]);

    const browser = context.browser();
    if (!browser) throw new Error('no browser behind the context: cannot reach the service worker over CDP');
    const cdp = await browser.newBrowserCDPSession();
    const heap = await serviceWorkerHeap(cdp);

    const page = await context.newPage();
    await openOptions(page, extensionId, 'crm');
    const card = page.getByTestId('crm-salesforce');
    await card.getByLabel('CRM address').fill('https://acme.lightning.force.com/lightning/page/home');

    let peak = await heap();
    const baseline = peak;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, await heap());
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    const t0 = performance.now();
    await card.getByRole('button', { name: 'Connect Salesforce' }).click();
    await card.getByTestId('crm-progress').or(card.getByTestId('crm-status')).first().waitFor({ timeout: 60_000 });
    const progressShownMs = performance.now() - t0;
    const done = card.getByTestId('crm-status').filter({ hasText: 'Last synced' });
    const failed = card.getByTestId('crm-error');
    await done.or(failed).first().waitFor({ timeout: 30 * 60_000 });
    const totalMs = performance.now() - t0;
    sampling = false;
    await sampler;
    if (await failed.isVisible()) throw new Error(`the sync failed: ${await failed.innerText()}`);
    const status = await done.innerText();
    process.stderr.write(`bench: crm sync: ${status} (${stand.requests} API requests)\n`);

    const seconds = totalMs / 1000;
    const lines = DEALS * LINES_PER_DEAL;
    const name = `crm sync: first Salesforce sync, ${DEALS.toLocaleString('en-US')} won deals with ${lines.toLocaleString('en-US')} lines on ${ACCOUNTS.toLocaleString('en-US')} accounts`;
    return [
      { name: `${name}, total`, value: round(seconds), unit: 's', budget: 'report' },
      { name: `${name}, revenue lines per second`, value: Math.round(lines / seconds), unit: 'rows/s', budget: 'report' },
      { name: `${name}, records read per second`, value: Math.round((ACCOUNTS + DEALS + lines) / seconds), unit: 'rows/s', budget: 'report' },
      { name: `${name}, progress shown after`, value: Math.round(progressShownMs), unit: 'ms', budget: 'report' },
      { name: `${name}, peak JS heap of the service worker`, value: round(peak / 2 ** 20), unit: 'MB', budget: 'report' },
      { name: `${name}, service worker heap before`, value: round(baseline / 2 ** 20), unit: 'MB', budget: 'report' },
    ];
  } finally {
    await context.close();
  }
}

const round = (n: number) => Math.round(n * 10) / 10;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchCrmSync());
}
