/**
 * CSV import benchmark (issue 4): a 100,000-row Salesforce accounts export and a
 * 100,000-row opportunities export, imported through the real options page in real Chromium
 * with the built extension — the file goes in through the file input, the import button is
 * pressed, the clock stops when the report shows. Peak memory is the options page's JS heap,
 * sampled over CDP (Runtime.getHeapUsage) every 50 ms while the import runs.
 *
 * DESIGN's budget, "importing 100,000 CSV rows (or CRM API records) ≤ 5 s of database
 * writes", is checked against the page's own user timing of the write phase (lib/db/
 * import-writes.ts IMPORT_WRITE: from the converted drafts to the last chunk committed, so the
 * CSV parse and the row conversion are not in it; they are reported beside it, as is the
 * whole import as the user waits for it, button to report). The CPU the browser's processes
 * spent meanwhile (IndexedDB runs in the browser process, the import's JS in the page's) is
 * reported too: on a busy machine it moves less than the wall time.
 * Run alone with `npm run build && node --import tsx tests/bench/import.ts`.
 */
import type { CDPSession, Page } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchWithExtension } from '../e2e/browser';
import { openOptions } from '../e2e/options-nav';
import { idbFloor } from './idb-floor';
import { atMost, type BenchRow } from './rows';

/** DESIGN §7: importing 100,000 CSV rows (or CRM API records) ≤ 5 s of database writes. */
const WRITE_BUDGET_MS = 5000;

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
  /** The page's user timings of the import's phases (lib/db/import-writes.ts). */
  convertMs: number;
  writeMs: number;
  /** CPU seconds of the browser's processes during the import. */
  cpuS: number;
  peakHeapMb: number;
  counts: string;
}

/** CPU seconds used so far by the Chromium whose profile is `profile` and its child processes (Linux /proc). */
function browserCpu(profile: string): number {
  const procs = new Map<number, { ppid: number; cpu: number; root: boolean }>();
  const tick = 100; // USER_HZ: 100 on every Linux this runs on
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8');
      procs.set(Number(p), { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / tick, root: cmd.includes(profile) && !cmd.includes('--type=') });
    } catch {
      // gone meanwhile
    }
  }
  const tree = new Set([...procs].filter(([, v]) => v.root).map(([pid]) => pid));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, v] of procs) {
      if (tree.has(pid) || !tree.has(v.ppid)) continue;
      tree.add(pid);
      grew = true;
    }
  }
  let cpu = 0;
  for (const pid of tree) cpu += procs.get(pid)!.cpu;
  return cpu;
}

async function importThroughUi(page: Page, cdp: CDPSession, profile: string, name: string, csv: Buffer): Promise<Run> {
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

  const cpu0 = browserCpu(profile);
  const t1 = performance.now();
  await page.getByRole('button', { name: /^Import \d+ rows$/ }).click();
  await page.getByTestId('import-report').waitFor({ timeout: 600_000 });
  const importMs = performance.now() - t1;
  const cpuS = browserCpu(profile) - cpu0;
  const [convertMs, writeMs] = await page.evaluate(
    (names) => names.map((n) => performance.getEntriesByName(n, 'measure').at(-1)?.duration ?? NaN),
    ['holdfast import: convert', 'holdfast import: write'],
  );
  sampling = false;
  await sampler;
  const counts = (await page.getByTestId('import-counts').innerText()).replace(/\n/g, '; ');
  await page.getByRole('button', { name: 'Import another file' }).click();
  return { parseMs, importMs, convertMs: convertMs!, writeMs: writeMs!, cpuS, peakHeapMb: peak / 2 ** 20, counts };
}

export async function benchImport(): Promise<BenchRow[]> {
  const accounts = Buffer.from(accountsCsv(ROWS));
  const deals = Buffer.from(dealsCsv(ROWS, ROWS));
  const profile = mkdtempSync(path.join(tmpdir(), 'holdfast-bench-import-'));
  const { context, extensionId } = await launchWithExtension({ userDataDir: profile });
  try {
    const page = await context.newPage();
    await openOptions(page, extensionId, 'data');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Runtime.enable');

    const runs: Array<[string, Buffer, Run]> = [];
    for (const [label, file, buf] of [
      ['accounts', 'accounts.csv', accounts],
      ['deals', 'opportunities.csv', deals],
      ['accounts again (all unchanged)', 'accounts.csv', accounts],
    ] as const) {
      const run = await importThroughUi(page, cdp, profile, file, buf);
      process.stderr.write(`bench: import ${label}: ${run.counts}; writes ${Math.round(run.writeMs)} ms, convert ${Math.round(run.convertMs)} ms, whole ${Math.round(run.importMs)} ms, browser CPU ${run.cpuS.toFixed(1)} s\n`);
      runs.push([label, buf, run]);
    }

    // IndexedDB's own cost here, after the imports (their profile is warm, as a user's is).
    const floor = await idbFloor(page);
    process.stderr.write(`bench: IndexedDB floor: 100,000 bare puts ${Math.round(floor.bareMs)} ms, 100,000 indexed customer rows ${Math.round(floor.customersMs)} ms\n`);

    const rows: BenchRow[] = [];
    for (const [label, buf, run] of runs) {
      const name = `import: 100,000-row ${label} CSV (${(buf.length / 2 ** 20).toFixed(1)} MB)`;
      rows.push(
        { name: `${name}, read + detect`, value: round(run.parseMs), unit: 'ms', budget: 'report' },
        { name: `${name}, convert rows`, value: round(run.convertMs), unit: 'ms', budget: 'report' },
        atMost(`${name}, database writes`, round(run.writeMs), 'ms', WRITE_BUDGET_MS),
        { name: `${name}, whole import (button to report)`, value: round(run.importMs), unit: 'ms', budget: 'report' },
        { name: `${name}, CPU of the browser's processes during the import`, value: round(run.cpuS), unit: 's', budget: 'report' },
        { name: `${name}, rows per second`, value: Math.round(ROWS / ((run.parseMs + run.importMs) / 1000)), unit: 'rows/s', budget: 'report' },
        { name: `${name}, peak JS heap of the options page`, value: round(run.peakHeapMb), unit: 'MB', budget: 'report' },
      );
    }
    rows.push(
      { name: 'import: IndexedDB floor here, 100,000 puts of a bare record (no index, no Holdfast code)', value: round(floor.bareMs), unit: 'ms', budget: 'report' },
      { name: "import: IndexedDB floor here, 100,000 customer-shaped puts with the customers table's indexes", value: round(floor.customersMs), unit: 'ms', budget: 'report' },
    );
    return rows;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const round = (n: number) => Math.round(n * 10) / 10;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchImport());
}
