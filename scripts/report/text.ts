/**
 * The book report as readable text (the default output of `npm run report`), in the words of
 * the extension's English catalogue (public/_locales/en/messages.json): the same signal,
 * reason and import messages the dock and the options page show.
 */
import { readFileSync } from 'node:fs';
import { currencyExponent } from '../../lib/import/money';
import type { Amounts, Report, ReportCustomer, ReportFileResult } from './build';

type Catalogue = Record<string, { message: string } | undefined>;

let catalogue: Catalogue | undefined;

/** A message of the English catalogue with $1… filled in; the key itself when it is missing. */
export function message(key: string, ...args: Array<string | number>): string {
  catalogue ??= JSON.parse(readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8')) as Catalogue;
  const m = catalogue[key]?.message;
  if (m === undefined) return [key, ...args].join(' ');
  return m.replace(/\$(\d)/g, (_, n: string) => String(args[Number(n) - 1] ?? ''));
}

/** Major units with the currency's own decimals: 1,500,000 (JPY), 4,500.50 (USD), 1.234 (BHD). */
export function money(amount: number, currency: string): string {
  const digits = currencyExponent(currency);
  return amount.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** Columns padded to their widest cell; the last column is left as it is. */
function table(rows: string[][], indent = '  '): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((r) => (indent + r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).trimEnd());
}

function fileLines(f: ReportFileResult): string[] {
  const head = `${f.file}  (${f.source} ${f.kind})`;
  if (f.problem) {
    const why = f.problem.code === 'missing_columns' ? `no column for ${f.problem.params.join(', ')}` : 'no header row';
    return [`  ${head}: not imported, not a recognisable export (${why})`];
  }
  const out = [`  ${head}: ${f.imported} imported, ${f.skipped} skipped, ${f.rejected.length} rejected`];
  for (const r of f.rejected) {
    out.push(`      row ${r.row}${r.column ? `, ${r.column}` : ''}: ${message(`import_reason_${r.code}`, ...r.params)}`);
  }
  for (const w of f.warnings) out.push(`      note: ${message(`import_warn_${w.code}`, ...w.params)}`);
  return out;
}

const SINCE_WORDS: Record<string, string> = {
  crm: message('tenure_sinceSource_crm'),
  crm_created: message('tenure_sinceSource_crm_created'),
  rep: message('tenure_sinceSource_rep'),
  first_purchase: 'first purchase',
};

function sinceText(c: ReportCustomer): string {
  if (c.prospect) return 'prospect';
  if (c.since === null) return 'not recorded';
  return `${c.since} (${SINCE_WORDS[c.sinceSource ?? ''] ?? 'unknown'})`;
}

function tenureText(c: ReportCustomer): string {
  if (c.prospect || c.tenureMonths === null) return '–';
  return message('tenureYm', Math.floor(c.tenureMonths / 12), c.tenureMonths % 12);
}

/** "CRM 67%, estimate 33%": where the lines' kinds came from. */
function kindsText(k: ReportCustomer['kindSources']): string {
  const total = k.crm + k.rep + k.estimate;
  if (total === 0) return '–';
  const parts: string[] = [];
  if (k.crm) parts.push(`CRM ${pct(k.crm / total)}`);
  if (k.rep) parts.push(`rep ${pct(k.rep / total)}`);
  if (k.estimate) parts.push(`estimate ${pct(k.estimate / total)}`);
  return `${parts.join(', ')} of ${total}`;
}

/** "12,000.00 / 4,500.50 / 0": existing / cross-sell / new of one currency in one window. */
function mixCell(a: Amounts | undefined, currency: string): string {
  if (!a) return '–';
  return [a.existing, a.cross_sell, a.new].map((n) => money(n, currency)).join(' / ');
}

function riskText(c: ReportCustomer): string {
  return c.prospect ? '–' : `${message(`tenure_risk_${c.risk.level}`)} (${c.risk.score})`;
}

function reasonsText(c: ReportCustomer, top = 2): string {
  const notes: string[] = [];
  if (c.prospect) notes.push(message('tenure_prospect'));
  else notes.push(...c.risk.signals.slice(0, top).map((s) => message(`tenure_signal_${s.code}`, ...s.args)));
  if (c.earlierNotImported) notes.push('earlier purchases not imported');
  return notes.join('; ') || message('tenure_noSignals');
}

function customerRows(c: ReportCustomer): string[][] {
  const currencies = [...new Set([...Object.keys(c.mix.last12), ...Object.keys(c.mix.allTime)])].sort();
  const first = [c.name, sinceText(c), tenureText(c), kindsText(c.kindSources), riskText(c)];
  const blank = first.map(() => '');
  if (currencies.length === 0) return [[...first, '–', '–', '–', reasonsText(c)]];
  return currencies.map((cur, i) => [
    ...(i === 0 ? first : blank),
    cur,
    mixCell(c.mix.last12[cur], cur),
    mixCell(c.mix.allTime[cur], cur),
    i === 0 ? reasonsText(c) : '',
  ]);
}

export function formatReport(r: Report): string {
  const out: string[] = [`Holdfast book report as of ${r.asOf}`, '', 'Files (accounts imported before deals)'];
  for (const f of r.files) out.push(...fileLines(f));

  out.push('', 'Customers, riskiest first (prospects last); amounts existing / cross-sell / new');
  out.push(
    ...table([
      ['Customer', 'Since', 'Tenure', 'Kinds from', 'Risk (score)', 'Cur', 'Last 12 months', 'All time', 'Top reasons'],
      ...r.customers.flatMap(customerRows),
    ]),
  );

  const b = r.book;
  const levels = (['high', 'medium', 'low', 'unknown'] as const).map((l) => `${message(`tenure_risk_${l}`)} ${b.riskLevels[l]}`).join(' · ');
  out.push('', `Book: ${b.customers} customers${b.prospects ? ` (${message('tenure_bookProspects', b.prospects)})` : ''} · risk: ${levels}`);
  out.push(`  ${message('tenure_benchmarkNote')}`);
  const currencies = [...new Set([...Object.keys(b.mix.last12), ...Object.keys(b.mix.allTime)])].sort();
  const cell = (a: (Amounts & { shares: Record<string, number> | null }) | undefined, cur: string) => {
    if (!a) return '–';
    const shares = a.shares ? `${pct(a.shares.existing!)} / ${pct(a.shares.cross_sell!)} / ${pct(a.shares.new!)}` : message('tenure_netRefund');
    return `${money(a.total, cur)}: ${shares}`;
  };
  if (currencies.length) {
    out.push(...table([['Cur', 'Last 12 months', 'All time'], ...currencies.map((cur) => [cur, cell(b.mix.last12[cur], cur), cell(b.mix.allTime[cur], cur)])]));
  } else out.push(`  ${message('tenure_noRevenue')}`);
  return out.join('\n') + '\n';
}
