/**
 * The tenure panel's data query: one customer's revenue lines, problems and coaches, read
 * with indexes and bounded, then summarised by lib/tenure. It runs in the background on
 * every `lookupSubject`, so it must stay in the low milliseconds with a million lines:
 * - revenue lines through the compound index [customerId+date] (one key range, at most
 *   LINE_LIMIT rows; a longer history adds its last 24 months and is flagged `partial`);
 * - problems through the customerId index, at most PROBLEM_LIMIT;
 * - coaches through the multi-entry index `customerKeys` (who introduced it, who works or
 *   worked there; derived from each coach record, lib/db/coach-rows.ts). No scan of the coach table.
 */
import Dexie from 'dexie';
import type { Coach, Problem, RevenueLine } from '../model';
import type { TenureSummary } from '../messaging/tenure-schema';
import { addMonths, localIsoDate, summariseTenure } from '../tenure';
import type { CustomerRow, HoldfastDB } from './database';
import { coachesOfCustomer } from './coach-rows';
import { fromRow } from './customers';

export const LINE_LIMIT = 5_000;
export const PROBLEM_LIMIT = 500;

/** The lines of one customer, oldest first, bounded (see the module comment). */
export async function customerLines(d: HoldfastDB, customerId: string, today: string): Promise<{ lines: RevenueLine[]; partial: boolean }> {
  const first = await d.revenueLines
    .where('[customerId+date]')
    .between([customerId, Dexie.minKey], [customerId, Dexie.maxKey])
    .limit(LINE_LIMIT + 1)
    .toArray();
  if (first.length <= LINE_LIMIT) return { lines: first, partial: false };
  const from = addMonths(today, -24);
  const recent = await d.revenueLines
    .where('[customerId+date]')
    .between([customerId, from], [customerId, Dexie.maxKey], true, true)
    .reverse()
    .limit(LINE_LIMIT)
    .toArray();
  const seen = new Set(first.map((l) => l.id));
  return { lines: [...first.slice(0, LINE_LIMIT), ...recent.filter((l) => !seen.has(l.id))], partial: true };
}

/**
 * Coaches who may have worked at the customer (lib/tenure/risk.ts checks their employers):
 * one query of the coaches' `customerKeys` index. One read, because it runs beside the other
 * reads of tenureOf in the same transaction, where a chain of dependent reads lost the
 * transaction (PrematureCommitError). The dock's coach part also reads the customer's contacts
 * (lib/db/coach-info.ts).
 */
export function customerCoaches(d: HoldfastDB, row: Pick<CustomerRow, 'id' | 'name' | 'domains'>): Promise<Coach[]> {
  return coachesOfCustomer(d, row);
}

/**
 * The tenure summary of one stored customer, as of `at` (the rep's clock). `problems`: the
 * customer's problems when the caller reads them anyway (lib/db/customer-problems.ts).
 */
export async function tenureOf(
  d: HoldfastDB,
  row: CustomerRow,
  at: Date = new Date(),
  problems?: Problem[] | Promise<Problem[]>,
  coachesRead?: Promise<Coach[]>,
): Promise<TenureSummary> {
  const today = localIsoDate(at);
  const [{ lines, partial }, readProblems, coaches] = await Promise.all([
    customerLines(d, row.id, today),
    problems ?? d.problems.where('customerId').equals(row.id).limit(PROBLEM_LIMIT).toArray(),
    coachesRead ?? customerCoaches(d, row),
  ]);
  return summariseTenure({ customer: fromRow(row), lines, problems: readProblems, coaches, today, now: at.toISOString(), partial });
}
