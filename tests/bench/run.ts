/**
 * `npm run bench`: every benchmark row against its budget (DESIGN.md §7), printed as a
 * table and written to bench-results.json. Exits non-zero when a budget is missed.
 */
import { writeFileSync } from 'node:fs';
import { benchPageLoad } from './page-load';
import { benchPageLoadFirefox } from './page-load-firefox';
import { benchFrameLoad } from './frame-load';
import { benchImport } from './import';
import { benchPods } from './pods';
import { benchSites } from './sites';
import { benchSubjectQuery } from './subject-query';
import { benchCoachQuery } from './coach-query';
import { benchRiskBook } from './risk-book';
import type { BenchRow } from './rows';
import { benchSizes } from './sizes';
import { benchSync } from './sync';
import { benchPullMemory } from './pull-memory';
import { benchCrmSync } from './crm-sync';

const suites: Array<[string, () => Promise<BenchRow[]> | BenchRow[]]> = [
  ['sizes', () => benchSizes()],
  ['page load', benchPageLoad],
  ['page load firefox', benchPageLoadFirefox],
  ['frame load', benchFrameLoad],
  ['sites', benchSites],
  ['pods', benchPods],
  ['subject query', benchSubjectQuery],
  ['coach query', benchCoachQuery],
  ['risk book', benchRiskBook],
  ['import', benchImport],
  ['sync', benchSync],
  ['pull memory', benchPullMemory],
  ['crm sync', benchCrmSync],
];

// `npm run bench -- page sizes` runs only the suites whose names contain one of the words.
const only = process.argv.slice(2).map((a) => a.toLowerCase());
const chosen = only.length ? suites.filter(([name]) => only.some((w) => name.includes(w))) : suites;
if (!chosen.length) throw new Error(`no benchmark suite matches ${only.join(', ')}; suites: ${suites.map(([n]) => n).join(', ')}`);

const rows: BenchRow[] = [];
for (const [name, run] of chosen) {
  process.stderr.write(`bench: ${name}…\n`);
  rows.push(...(await run()));
}

const width = Math.max(...rows.map((r) => r.name.length));
console.log(`${'benchmark'.padEnd(width)}  ${'value'.padStart(12)}  budget`);
for (const r of rows) {
  const mark = r.ok === undefined ? '' : r.ok ? '  ok' : '  OVER BUDGET';
  console.log(`${r.name.padEnd(width)}  ${`${r.value} ${r.unit}`.padStart(12)}  ${r.budget}${mark}`);
}
writeFileSync('bench-results.json', JSON.stringify(rows, null, 2) + '\n');
console.log(`\nwrote bench-results.json (${rows.length} rows)`);
if (rows.some((r) => r.ok === false)) process.exitCode = 1;
