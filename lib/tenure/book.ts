/**
 * A rep's book (or, without a rep, the team's): every customer with tenure, revenue mix and
 * risk, riskiest first; the book's own mix against 75/15/10; and the tenure distribution.
 *
 * Everything is grouped once by customer id with Maps so a team book of 100,000 customers and
 * a million lines costs a few passes, not customers × lines.
 */
import type { Coach, Customer, Problem, RevenueLine } from '../model';
import { classifyLines, type ClassifiedLine, type ClassifyOptions } from './classify';
import { customerSince, daysSinceContact, daysToRenewal, tenureBetween, type Tenure } from './duration';
import { assessRisk, coachesFor, indexCoaches, type Risk, type RiskOptions } from './risk';
import { splitRevenue, type RevenueSplit } from './split';

export type TenureBucket = 'lt1' | '1to2' | '2to5' | '5to10' | '10plus';
export const TENURE_BUCKETS: readonly TenureBucket[] = ['lt1', '1to2', '2to5', '5to10', '10plus'];

export function tenureBucket(t: Tenure): TenureBucket {
  if (t.years < 1) return 'lt1';
  if (t.years < 2) return '1to2';
  if (t.years < 5) return '2to5';
  if (t.years < 10) return '5to10';
  return '10plus';
}

export interface BookInput {
  customers: readonly Customer[];
  lines: readonly RevenueLine[];
  problems: readonly Problem[];
  coaches: readonly Coach[];
  /** Only customers this rep owns; omit for the team's book. */
  repId?: string;
  today: string;
  now: string;
}

export interface BookOptions {
  classify?: ClassifyOptions;
  risk?: RiskOptions;
}

export interface BookEntry {
  customer: Customer;
  /** Customer since, or the first purchase when that is not recorded. */
  since: string | null;
  tenure: Tenure | null;
  daysToRenewal: number | null;
  daysSinceContact: number | null;
  mix: RevenueSplit;
  risk: Risk;
}

export interface Book {
  /** Riskiest first: score, then name, then id, so the order is stable between renders. */
  entries: BookEntry[];
  /** The whole book's split, per currency. */
  mix: RevenueSplit;
  tenure: { bucket: TenureBucket; count: number }[];
  /** Customers with neither a "customer since" nor a purchase. */
  unknownTenure: number;
  /** Prospects in scope: kept out of the entries, the mix and the tenure counts. */
  prospects: number;
}

export function buildBook(input: BookInput, options: BookOptions = {}): Book {
  const inScope = input.customers.filter((c) => !c.deleted && (input.repId === undefined || c.ownerRepId === input.repId));
  // Prospects are not customers yet: no tenure, mix or risk of theirs belongs in a book.
  const customers = inScope.filter((c) => c.prospect !== true);
  const ids = new Set(customers.map((c) => c.id));
  const sinceBy = new Map<string, string>();
  for (const c of customers) if (c.customerSince !== undefined) sinceBy.set(c.id, c.customerSince);

  // Classify with the customer's whole history, then keep only this book's customers.
  const ownLines = input.lines.filter((l) => ids.has(l.customerId));
  const classified = classifyLines(ownLines, { ...options.classify, sinceOf: (id) => sinceBy.get(id) });
  const linesBy = groupBy(classified, (l) => l.customerId);
  const problemsBy = groupBy(
    input.problems.filter((p) => ids.has(p.customerId)),
    (p) => p.customerId,
  );
  const coachIndex = indexCoaches(input.coaches);

  const counts = new Map<TenureBucket, number>(TENURE_BUCKETS.map((b) => [b, 0]));
  let unknownTenure = 0;
  const entries = customers.map((customer): BookEntry => {
    const lines: ClassifiedLine[] = linesBy.get(customer.id) ?? [];
    const since = customerSince(customer, lines);
    const tenure = since === null ? null : tenureBetween(since, input.today);
    if (tenure) {
      const bucket = tenureBucket(tenure);
      counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
    } else unknownTenure++;
    return {
      customer,
      since,
      tenure,
      daysToRenewal: daysToRenewal(customer.renewalDate, input.today),
      daysSinceContact: daysSinceContact(customer.lastContactAt, input.now),
      mix: splitRevenue(lines, input.today),
      risk: assessRisk(
        {
          customer,
          lines,
          problems: problemsBy.get(customer.id) ?? [],
          coaches: coachesFor(customer, coachIndex),
          today: input.today,
          now: input.now,
        },
        options.risk,
      ),
    };
  });
  entries.sort(
    (a, b) =>
      b.risk.score - a.risk.score || compare(a.customer.name, b.customer.name) || compare(a.customer.id, b.customer.id),
  );
  return {
    entries,
    mix: splitRevenue(classified, input.today),
    tenure: TENURE_BUCKETS.map((bucket) => ({ bucket, count: counts.get(bucket) ?? 0 })),
    unknownTenure,
    prospects: inScope.length - customers.length,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

// Code-unit order rather than localeCompare: identical on every machine and in tests.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
