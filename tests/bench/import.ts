/**
 * CSV import benchmark (issue 4): a 100,000-row Salesforce accounts export and a
 * 100,000-row opportunities export, imported through the real options page in real Chromium
 * with the built extension — the file goes in through the file input, the import button is
 * pressed, the clock stops when the report shows. Peak memory is the options page's JS heap,
 * sampled over CDP (Runtime.getHeapUsage) every 50 ms while the import runs.
 *
 * No budget is set by the design for import, so every row is 'report'.
 * Run alone with `npm run build && node --import tsx tests/bench/import.ts`.
 */
import type { CDPSession, Page } from '@playwright/test';
import { pathToFileURL } from 'node:url';
import { launchWithExtension } from '../e2e/browser';
import type { BenchRow } from './rows';

const ROWS = 100_000;

/** A synthetic but realistic Salesforce id: key prefix + base-36 counter, 18 characters. */
const sfId = (prefix: string, n: number) => `${prefix}Dn${n.toString(36).toUpperCase().padStart(13, '0')}`;

function accountsCsv(n: number): string {
  const lines = ['"Account ID","Account Name","Type","Website","Billing Country","Created Date","Account Owner"'];
  for (let i = 0; i < n; i++) {
    const y = 2010 + (i % 15);
    lines.push(`"${sfId('001', i)}","Company ${i}, Inc.","Customer - Direct","https://www.company${i}.example","United States","${(i % 12) + 1}/${(i % 28) + 1}/${y}","Rep ${i % 40}"`);
  }
  return lines.join('\r\n') + '\r\n';
}

/** Nine in ten deals won (revenue), one in ten lost (skipped with a reason). */
function dealsCsv(n: number, accounts: number): string {
  const lines = ['Opportunity ID,Opportunity Name,Account ID,Account Name,Stage,Close Date,Amount Currency,Amount,Product'];
  const products = ['Platform', 'Analytics', 'Support', 'Training'];
  for (let i = 0; i < n; i++) {
    const a = (i * 7919) % accounts;
    const stage = i % 10 === 9 ? 'Closed Lost' : 'Closed Won';
    lines.push(`${sfId('006', i)},Deal ${i},${sfId('001', a)},"Company ${a}, Inc.",${stage},${(i % 12) + 1}/${(i % 28) + 1}/${2015 + (i % 10)},USD,"${(1000 + (i % 5000)).toLocaleString('en-US')}.${String(i % 100).padStart(2, '0')}",${products[i % 4]}`);
  }
  return lines.join('\r\n') + '\r\n';
}

interface Run {
  parseMs: number;
  importMs: number;
  peakHeapMb: number;
  counts: string;
}

async function importThroughUi(page: Page, cdp: CDPSession, name: string, csv: Buffer): Promise<Run> {
  const t0 = performance.now();
  await page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: csv });
  await page.getByTestId('import-file').waitFor({ timeout: 120_000 });
  const parseMs = performance.now() - t0;

  let peak = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      peak = Math.max(peak, usedSize);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();

  const t1 = performance.now();
  await page.getByRole('button', { name: /^Import \d+ rows$/ }).click();
  await page.getByTestId('import-report').waitFor({ timeout: 600_000 });
  const importMs = performance.now() - t1;
  sampling = false;
  await sampler;
  const counts = (await page.getByTestId('import-counts').innerText()).replace(/\n/g, '; ');
  await page.getByRole('button', { name: 'Import another file' }).click();
  return { parseMs, importMs, peakHeapMb: peak / 2 ** 20, counts };
}

export async function benchImport(): Promise<BenchRow[]> {
  const accounts = Buffer.from(accountsCsv(ROWS));
  const deals = Buffer.from(dealsCsv(ROWS, ROWS));
  const { context, extensionId } = await launchWithExtension();
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Runtime.enable');

    const runs: Array<[string, Buffer, Run]> = [];
    for (const [label, file, buf] of [
      ['accounts', 'accounts.csv', accounts],
      ['deals', 'opportunities.csv', deals],
      ['accounts again (all unchanged)', 'accounts.csv', accounts],
    ] as const) {
      const run = await importThroughUi(page, cdp, file, buf);
      process.stderr.write(`bench: import ${label}: ${run.counts}\n`);
      runs.push([label, buf, run]);
    }

    const rows: BenchRow[] = [];
    for (const [label, buf, run] of runs) {
      const name = `import: 100,000-row ${label} CSV (${(buf.length / 2 ** 20).toFixed(1)} MB)`;
      rows.push(
        { name: `${name}, read + detect`, value: round(run.parseMs), unit: 'ms', budget: 'report' },
        { name: `${name}, import`, value: round(run.importMs), unit: 'ms', budget: 'report' },
        { name: `${name}, rows per second`, value: Math.round(ROWS / ((run.parseMs + run.importMs) / 1000)), unit: 'rows/s', budget: 'report' },
        { name: `${name}, peak JS heap of the options page`, value: round(run.peakHeapMb), unit: 'MB', budget: 'report' },
      );
    }
    return rows;
  } finally {
    await context.close();
  }
}

const round = (n: number) => Math.round(n * 10) / 10;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchImport());
}
