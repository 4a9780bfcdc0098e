/**
 * The book report of `npm run report` (scripts/report.ts), as plain data: CRM export files
 * imported with the options page's own code (lib/import, lib/db/import-writes.ts) into a
 * throwaway HoldfastDB on fake-indexeddb, then every customer summarised by lib/tenure as the
 * dock does (summariseTenure) and the whole book built as the side panel does (buildBook).
 *
 * The returned object is the `--json` output, key for key: keep it stable and in step with
 * README.md ("Book report").
 */
import 'fake-indexeddb/auto';
import { HoldfastDB, fromRow } from '../../lib/db';
import { runImport } from '../../lib/db/import-writes';
import {
  currencyExponent,
  detectSource,
  missingRequired,
  parseCsv,
  proposeMapping,
  type ImportKind,
  type ImportSpec,
  type SourceId,
  type Table,
} from '../../lib/import';
import type { RevenueKind } from '../../lib/model';
import { BENCHMARK, buildBook, localIsoDate, parseIsoDate, summariseTenure, type CurrencySplit, type MoneyFigures, type RiskLevel } from '../../lib/tenure';
import { newId } from '../../lib/util/ids';

export interface ReportFile {
  /** As the user named it (the path on the command line). */
  name: string;
  text: string;
}

export interface ReportOptions {
  /** The calendar day the figures are as of (YYYY-MM-DD); default: today, local date. */
  asOf?: string;
  /** Accounts without a customer-since value take the record's created date (labelled crm_created). */
  sinceFromCreated?: boolean;
}

/** Why a whole file was not imported. */
export type FileProblemCode = 'empty' | 'missing_columns';

export interface ReportFileResult {
  file: string;
  source: SourceId;
  kind: ImportKind;
  /** Rows written or found unchanged in the database. */
  imported: number;
  /** Rows left out on purpose (a deal not won, a product row repeating its deal's amount). */
  skipped: number;
  rejected: Array<{ row: number; column?: string; code: string; params: string[] }>;
  /** File-level notes that reject no row (e.g. ambiguous_dates). */
  warnings: Array<{ code: string; params: string[] }>;
  /** Not a recognisable export: nothing of it was imported. */
  problem: { code: FileProblemCode; params: string[] } | null;
}

export interface Amounts {
  existing: number;
  cross_sell: number;
  new: number;
  total: number;
}

/** By currency code, amounts in major units (JPY 1500000, USD 4500.5, BHD 1.234). */
export type MixByCurrency = Record<string, Amounts>;

export type SinceSourceOut = 'crm' | 'crm_created' | 'rep' | 'first_purchase';

export interface ReportCustomer {
  name: string;
  /** The CRM record ids of the customer (one per CRM record it was imported from). */
  crmIds: string[];
  prospect: boolean;
  since: string | null;
  sinceSource: SinceSourceOut | null;
  tenureMonths: number | null;
  mix: { allTime: MixByCurrency; last12: MixByCurrency };
  /** How many lines (up to the as-of date) took their kind from the CRM, the rep, or an estimate. */
  kindSources: { crm: number; rep: number; estimate: number };
  /** The data starts well after customer since: earlier purchases are not in the exports. */
  earlierNotImported: boolean;
  risk: { level: RiskLevel; score: number; signals: Array<{ code: string; weight: number; args: string[] }> };
}

export type BookMixByCurrency = Record<string, Amounts & { shares: Record<RevenueKind, number> | null }>;

export interface Report {
  asOf: string;
  files: ReportFileResult[];
  /** Riskiest first, as the book orders them; prospects last, by name. */
  customers: ReportCustomer[];
  book: {
    customers: number;
    prospects: number;
    mix: { allTime: BookMixByCurrency; last12: BookMixByCurrency };
    benchmark: Record<RevenueKind, number>;
    riskLevels: Record<RiskLevel, number>;
  };
}

export class ReportInputError extends Error {}

/** Throws ReportInputError unless `s` is a real calendar day written YYYY-MM-DD. */
export function checkAsOf(s: string): string {
  try {
    parseIsoDate(s);
  } catch {
    throw new ReportInputError(`--as-of must be a calendar date written YYYY-MM-DD, not "${s}"`);
  }
  return s;
}

interface Planned {
  at: number;
  file: ReportFile;
  table: Table;
  spec: ImportSpec;
  result: ReportFileResult;
}

function plan(file: ReportFile, at: number, o: ReportOptions): Planned {
  const table = parseCsv(file.text);
  const { source, kind } = detectSource(table.headers);
  const mapping = proposeMapping(table.headers, source, kind);
  const spec: ImportSpec = { kind, source, mapping, dateOrder: 'auto', defaultCurrency: '', ...(o.sinceFromCreated && kind === 'accounts' ? { sinceFromCreated: true } : {}) };
  const result: ReportFileResult = { file: file.name, source, kind, imported: 0, skipped: 0, rejected: [], warnings: [], problem: null };
  if (table.headers.every((h) => h === '')) result.problem = { code: 'empty', params: [] };
  else {
    const missing = missingRequired(kind, mapping, '');
    if (missing.length) result.problem = { code: 'missing_columns', params: missing };
  }
  return { at, file, table, spec, result };
}

const major = (minor: number, currency: string) => minor / 10 ** currencyExponent(currency);
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

function amounts(m: MoneyFigures): Amounts {
  return { existing: major(m.existing, m.currency), cross_sell: major(m.cross_sell, m.currency), new: major(m.new, m.currency), total: major(m.total, m.currency) };
}

function mixOf(rows: readonly MoneyFigures[]): MixByCurrency {
  return Object.fromEntries(rows.map((m) => [m.currency, amounts(m)]));
}

function bookMixOf(rows: readonly CurrencySplit[]): BookMixByCurrency {
  return Object.fromEntries(
    rows.map((c) => [
      c.currency,
      {
        ...amounts({ currency: c.currency, total: c.total, ...c.amounts }),
        shares: c.shares ? { existing: round4(c.shares.existing), cross_sell: round4(c.shares.cross_sell), new: round4(c.shares.new) } : null,
      },
    ]),
  );
}

/**
 * Import the files (accounts before deals, otherwise in the order given; deals of accounts
 * nobody imported make their customer) and report every customer and the book as of `asOf`.
 */
export async function buildReport(files: readonly ReportFile[], o: ReportOptions = {}): Promise<Report> {
  const asOf = o.asOf === undefined ? localIsoDate() : checkAsOf(o.asOf);
  // The instant for contact and problem ages: noon of the as-of day (imports carry neither).
  const now = o.asOf === undefined ? new Date().toISOString() : `${asOf}T12:00:00.000Z`;
  const planned = files.map((f, i) => plan(f, i, o));
  const order = [...planned.filter((p) => p.spec.kind === 'accounts'), ...planned.filter((p) => p.spec.kind === 'deals')];

  const db = new HoldfastDB(`holdfast-report-${newId()}`);
  await db.open();
  try {
    for (const p of order) {
      if (p.result.problem) continue;
      const r = await runImport(db, p.table, p.spec, { createMissing: p.spec.kind === 'deals' });
      p.result.imported = r.created + r.updated + r.unchanged;
      p.result.skipped = r.skipped.length;
      p.result.rejected = r.rejected.map((x) => ({ row: x.row, ...(x.column !== undefined ? { column: x.column } : {}), code: x.code, params: x.params }));
      // A report's database has no reps, so "owners match no rep" would be said of every file.
      p.result.warnings = r.warnings.filter((w) => w.code !== 'owners_unmatched').map((w) => ({ code: w.code, params: w.params }));
    }

    const customers = (await db.customers.toArray()).filter((row) => !row.deleted).map(fromRow);
    const lines = (await db.revenueLines.toArray()).filter((l) => !l.deleted);
    const problems = await db.problems.toArray();
    const coaches = await db.coaches.toArray();

    const book = buildBook({ customers, lines, problems, coaches, today: asOf, now });
    const rank = new Map(book.entries.map((e, i) => [e.customer.id, i]));
    const linesBy = new Map<string, typeof lines>();
    for (const l of lines) {
      const list = linesBy.get(l.customerId);
      if (list) list.push(l);
      else linesBy.set(l.customerId, [l]);
    }
    const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    const ordered = [...customers].sort((a, b) => {
      const ra = rank.get(a.id);
      const rb = rank.get(b.id);
      if (ra !== undefined && rb !== undefined) return ra - rb;
      if (ra !== undefined) return -1;
      if (rb !== undefined) return 1;
      return byName(a, b);
    });

    const out: ReportCustomer[] = ordered.map((customer) => {
      const s = summariseTenure({
        customer,
        lines: linesBy.get(customer.id) ?? [],
        problems: problems.filter((p) => p.customerId === customer.id),
        coaches,
        today: asOf,
        now,
      });
      return {
        name: customer.name,
        crmIds: customer.crmRefs.map((r) => r.recordId),
        prospect: s.prospect,
        since: s.since,
        sinceSource: s.sinceBasis === null ? null : s.sinceBasis === 'entered' ? 'rep' : s.sinceBasis,
        tenureMonths: s.years === null || s.months === null ? null : s.years * 12 + s.months,
        mix: { allTime: mixOf(s.allTime), last12: mixOf(s.last12) },
        kindSources: { crm: s.sources.crm, rep: s.sources.rep, estimate: s.sources.estimate },
        earlierNotImported: s.earlierNotImported,
        risk: { level: s.risk.level, score: s.risk.score, signals: s.risk.signals.map((x) => ({ code: x.code, weight: x.weight, args: x.args })) },
      };
    });

    const riskLevels: Record<RiskLevel, number> = { high: 0, medium: 0, low: 0, unknown: 0 };
    for (const e of book.entries) riskLevels[e.risk.level]++;
    return {
      asOf,
      files: planned.map((p) => p.result),
      customers: out,
      book: {
        customers: book.entries.length,
        prospects: book.prospects,
        mix: { allTime: bookMixOf(book.mix.allTime), last12: bookMixOf(book.mix.last12Months) },
        benchmark: { existing: BENCHMARK.existing, cross_sell: BENCHMARK.cross_sell, new: BENCHMARK.new },
        riskLevels,
      },
    };
  } finally {
    db.close();
    await db.delete().catch(() => undefined);
  }
}
