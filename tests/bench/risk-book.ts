/**
 * How the risk levels spread over the 100k book (issue 13): the book the subject-query bench
 * seeds into Chromium (tests/bench/book-rows.ts: 100,000 customers, 1,000,000 revenue lines,
 * 100,000 problems), built here in Node by the side panel's own code — `buildBook`
 * (lib/tenure/book.ts: classify every line, split the mix, assess every customer's risk) —
 * as of the day the rows are dated against. Reports the distribution and the time
 * `buildBook` takes over the whole book (the median of a few runs, after a warm-up).
 *
 * Read the spread with the generator in mind: each customer's ten purchases come 37 days apart
 * in one burst placed anywhere in the last ten years, so about four in five customers bought
 * nothing in the last 12 months (revenue stopped, purchase overdue: high), and every customer
 * has a renewal date and a contact (never "not enough data"). It shows how the rules treat that
 * book, not how a real book spreads.
 *
 * Run alone with `npm run bench -- risk` (or `node --import tsx tests/bench/risk-book.ts`).
 */
import { pathToFileURL } from 'node:url';
import type { Customer, Problem, RevenueLine } from '../../lib/model';
import { buildBook, localIsoDate, type Book, type RiskLevel } from '../../lib/tenure';
import { BOOK_CUSTOMERS, BOOK_LINES, BOOK_NOW, BOOK_PROBLEMS, bookRow } from './book-rows';
import { median, type BenchRow } from './rows';

const RUNS = 3;
const LEVELS: readonly RiskLevel[] = ['high', 'medium', 'low', 'unknown'];

/** The book's rows as the side panel reads them (customers without their index fields). */
export function generateBook(): { customers: Customer[]; lines: RevenueLine[]; problems: Problem[] } {
  const customers: Customer[] = [];
  for (let i = 0; i < BOOK_CUSTOMERS; i++) {
    const { crmKeys: _k, nameKey: _n, ...c } = bookRow('customers', i, BOOK_CUSTOMERS);
    customers.push(c as unknown as Customer);
  }
  const lines: RevenueLine[] = [];
  for (let i = 0; i < BOOK_LINES; i++) lines.push(bookRow('revenueLines', i, BOOK_CUSTOMERS) as unknown as RevenueLine);
  const problems: Problem[] = [];
  for (let i = 0; i < BOOK_PROBLEMS; i++) problems.push(bookRow('problems', i, BOOK_CUSTOMERS) as unknown as Problem);
  return { customers, lines, problems };
}

export function riskLevels(book: Book): Record<RiskLevel, number> {
  const counts: Record<RiskLevel, number> = { high: 0, medium: 0, low: 0, unknown: 0 };
  for (const e of book.entries) counts[e.risk.level]++;
  return counts;
}

export async function benchRiskBook(): Promise<BenchRow[]> {
  const data = generateBook();
  // The rep's calendar day at BOOK_NOW, as the side panel takes it (lib/tenure localIsoDate).
  const input = { ...data, coaches: [], today: localIsoDate(new Date(BOOK_NOW)), now: BOOK_NOW };
  let book = buildBook(input); // warm-up
  const times: number[] = [];
  // CPU time beside wall time: on a shared, loaded machine the wall time mostly measures the load.
  const cpu: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    book = buildBook(input);
    const c1 = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    cpu.push((c1.user + c1.system) / 1000);
  }
  const counts = riskLevels(book);
  const total = book.entries.length;
  const share = (n: number) => `${((100 * n) / total).toFixed(1)}%`;
  const k = `${BOOK_CUSTOMERS / 1000}k`;
  const ms = Math.round(median(times));
  const cpuMs = Math.round(median(cpu));
  console.log(`risk levels on the ${k} book: ${LEVELS.map((l) => `${l} ${counts[l]} (${share(counts[l])})`).join(', ')} — buildBook ${ms} ms (${cpuMs} ms CPU)`);
  return [
    {
      name: `risk: buildBook over the ${k} book (${BOOK_LINES / 1e6}M lines, ${BOOK_PROBLEMS / 1000}k problems: classify, mix, risk), Node (median of ${RUNS})`,
      value: ms,
      unit: 'ms',
      budget: 'report',
    },
    { name: `risk: the same, CPU time of the process (median of ${RUNS})`, value: cpuMs, unit: 'ms', budget: 'report' },
    ...LEVELS.map((l) => ({ name: `risk: customers at level ${l} on the ${k} book`, value: counts[l], unit: 'customers', budget: 'report' })),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchRiskBook());
}
