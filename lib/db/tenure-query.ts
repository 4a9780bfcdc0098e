/**
 * The tenure panel's data query: one customer's revenue lines, problems and coaches, read
 * with indexes and bounded, then summarised by lib/tenure. It runs in the background on
 * every `lookupSubject`, so it must stay in the low milliseconds with a million lines:
 * - revenue lines through the compound index [customerId+date] (one key range, at most
 *   LINE_LIMIT rows; a longer history adds its last 24 months and is flagged `partial`);
 * - problems through the customerId index, at most PROBLEM_LIMIT;
 * - coaches through the customer's contacts (contacts.customerId → coaches.contactId), plus
 *   the whole coach table only while it is small (coaches who left carry no customerId).
 */
import Dexie from 'dexie';
import type { Coach, RevenueLine } from '../model';
import type { TenureSummary } from '../messaging/tenure-schema';
import { addMonths, localIsoDate, summariseTenure } from '../tenure';
import type { CustomerRow, HoldfastDB } from './database';
import { fromRow } from './customers';

export const LINE_LIMIT = 5_000;
export const PROBLEM_LIMIT = 500;
export const COACH_SCAN_LIMIT = 1_000;

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

export async function customerCoaches(d: HoldfastDB, customerId: string): Promise<Coach[]> {
  const few = await d.coaches.limit(COACH_SCAN_LIMIT + 1).toArray();
  if (few.length <= COACH_SCAN_LIMIT) return few.filter((c) => !c.deleted);
  const contactIds = await d.contacts.where('customerId').equals(customerId).primaryKeys();
  if (!contactIds.length) return [];
  return d.coaches.where('contactId').anyOf(contactIds).filter((c) => !c.deleted).toArray();
}

/** The tenure summary of one stored customer, as of `at` (the rep's clock). */
export async function tenureOf(d: HoldfastDB, row: CustomerRow, at: Date = new Date()): Promise<TenureSummary> {
  const today = localIsoDate(at);
  const [{ lines, partial }, problems, coaches] = await Promise.all([
    customerLines(d, row.id, today),
    d.problems.where('customerId').equals(row.id).limit(PROBLEM_LIMIT).toArray(),
    customerCoaches(d, row.id),
  ]);
  return summariseTenure({ customer: fromRow(row), lines, problems, coaches, today, now: at.toISOString(), partial });
}
