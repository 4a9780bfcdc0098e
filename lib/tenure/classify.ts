/**
 * Where a revenue line's money comes from (DESIGN §1: ~75% existing, ~15% cross-sell, ~10% new),
 * derived from the customer's purchase history when the line does not say.
 *
 * Rules, per customer, walking days in order (date, then id for ties):
 * - The first purchase day of a relationship is new business: every line on it is `new`,
 *   however many products it holds.
 * - Later, a product bought before in the relationship is `existing`; a product new to the
 *   customer is `cross_sell` (every line of it on the day it first appears).
 * - Lapse and return: when a purchase comes more than `lapseMonths` (default 24) calendar
 *   months after the previous purchase, the customer had left and was won back, which costs
 *   what winning a new customer costs. That day starts a new relationship: its lines are `new`
 *   and the set of known products starts again from them, so selling an old product later in
 *   the new relationship counts as cross-sell.
 * - Refunds (amount < 0) are not purchases: they never start a relationship, never make a
 *   product known and never end a lapse. A refund takes the kind of the most recent purchase
 *   of its product (across relationships). A refund of a product never bought in this data
 *   gets the kind a purchase of it would get that day, without changing the history.
 *   Purchases on a day are handled before that day's refunds, so a same-day refund finds
 *   its purchase whatever the ids.
 * - Zero amounts count as purchases (a free line still shows the product was taken).
 * - Currency plays no part: a product bought in USD and again in EUR is the same product.
 *   (Money is only summed per currency, in split.ts.)
 * - Products are compared trimmed, case-insensitively and with runs of spaces collapsed,
 *   because CSV exports of one CRM spell the same product inconsistently.
 * - A line with a kind keeps it, and still counts as history (it can start a relationship,
 *   make its product known, be the purchase a refund refers to).
 * - Tombstoned lines (deleted) are ignored and left out of the result.
 *
 * Cost: one pass to group by customer (a Map), a sort within each customer, one pass to
 * classify: O(n log k) for k lines per customer, no quadratic scans.
 */
import type { RevenueKind, RevenueLine } from '../model';
import { addMonths } from './calendar';

export interface ClassifyOptions {
  /**
   * Months without a purchase after which a customer counts as lapsed, so that their return
   * is new business. `Infinity` turns lapsing off.
   */
  lapseMonths?: number;
}

export const DEFAULT_LAPSE_MONTHS = 24;

/** A revenue line whose kind is known; `kindDerived` says whether this module chose it. */
export type ClassifiedLine = RevenueLine & { kind: RevenueKind; kindDerived: boolean };

export function productKey(product: string): string {
  return product.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The kind of every line, aligned with the input (undefined for tombstoned lines). The bulk
 * form: no line objects are copied, which matters at a million lines.
 */
export function deriveKinds(lines: readonly RevenueLine[], options: ClassifyOptions = {}): Array<RevenueKind | undefined> {
  // Group positions, not copies: one Map lookup per line keeps a million lines linear.
  const byCustomer = new Map<string, number[]>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.deleted) continue;
    const group = byCustomer.get(line.customerId);
    if (group) group.push(i);
    else byCustomer.set(line.customerId, [i]);
  }
  const kinds = new Array<RevenueKind | undefined>(lines.length).fill(undefined);
  const keyOf = productKeys();
  const dates = dateKeys(lines);
  for (const group of byCustomer.values()) {
    classifyHistory(lines, sortByDateThenId(lines, group, dates), options, keyOf, (index, kind) => {
      kinds[index] = kind;
    });
  }
  return kinds;
}

/**
 * Classify lines of any number of customers. The result keeps the input order (tombstoned
 * lines dropped), so callers can zip it with what they passed.
 */
export function classifyLines(lines: readonly RevenueLine[], options: ClassifyOptions = {}): ClassifiedLine[] {
  const kinds = deriveKinds(lines, options);
  const out: ClassifiedLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const kind = kinds[i];
    if (kind !== undefined) out.push(classified(lines[i]!, kind));
  }
  return out;
}

/**
 * Classify the lines of one customer (the panel's case; all lines must share a customerId).
 * Returned in history order: date, then id.
 */
export function classifyCustomerLines(lines: readonly RevenueLine[], options: ClassifyOptions = {}): ClassifiedLine[] {
  const live: number[] = [];
  for (let i = 0; i < lines.length; i++) if (!lines[i]!.deleted) live.push(i);
  const order = sortByDateThenId(lines, live, dateKeys(lines));
  const result = new Array<ClassifiedLine | undefined>(lines.length);
  classifyHistory(lines, order, options, productKeys(), (index, kind) => {
    result[index] = classified(lines[index]!, kind);
  });
  // Refunds are reported after their day's purchases; return plain (date, id) order.
  return order.map((index) => result[index]!);
}

/**
 * A copy with the kind filled in. Fields are listed rather than spread: V8 builds `{...line}`
 * copies of these records about 15x slower, which dominated classifying a million lines.
 * Keep this in step with RevenueLine (lib/model/revenue.ts).
 */
function classified(line: RevenueLine, kind: RevenueKind): ClassifiedLine {
  const c: ClassifiedLine = {
    id: line.id,
    updatedAt: line.updatedAt,
    customerId: line.customerId,
    date: line.date,
    amount: line.amount,
    currency: line.currency,
    product: line.product,
    kind: line.kind ?? kind,
    kindDerived: line.kind === undefined,
  };
  if (line.deleted !== undefined) c.deleted = line.deleted;
  return c;
}

/** productKey memoised per call: a book has few distinct product names and many lines. */
function productKeys(): (product: string) => string {
  const cache = new Map<string, string>();
  return (product) => {
    let key = cache.get(product);
    if (key === undefined) cache.set(product, (key = productKey(product)));
    return key;
  };
}

/**
 * Deterministic history order: date, then id. Dates are compared as YYYYMMDD integers read
 * once per line, which makes the sort of a million lines several times cheaper than
 * comparing strings; input already in order (a common export) skips the sort.
 */
function sortByDateThenId(lines: readonly RevenueLine[], indices: number[], keys: Int32Array): number[] {
  const compare = (ia: number, ib: number) => {
    const d = keys[ia]! - keys[ib]!;
    if (d !== 0) return d;
    const a = lines[ia]!.id;
    const b = lines[ib]!.id;
    return a < b ? -1 : a > b ? 1 : ia - ib;
  };
  for (let i = 1; i < indices.length; i++) {
    if (compare(indices[i - 1]!, indices[i]!) > 0) return indices.sort(compare);
  }
  return indices;
}

/** Each line's date as YYYYMMDD, by position, read without allocating (the model guarantees the shape). */
function dateKeys(lines: readonly RevenueLine[]): Int32Array {
  const keys = new Int32Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const date = lines[i]!.date;
    let key = 0;
    for (const at of DATE_DIGITS) key = key * 10 + date.charCodeAt(at) - 48;
    keys[i] = key;
  }
  return keys;
}
const DATE_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];

/** Walk one customer's lines (positions in history order) and report each line's kind. */
function classifyHistory(
  lines: readonly RevenueLine[],
  order: readonly number[],
  options: ClassifyOptions,
  keyOf: (product: string) => string,
  emit: (index: number, kind: RevenueKind) => void,
): void {
  const lapseMonths = options.lapseMonths ?? DEFAULT_LAPSE_MONTHS;
  if (lapseMonths !== Infinity && !(Number.isInteger(lapseMonths) && lapseMonths > 0)) {
    throw new RangeError(`lapseMonths must be a positive whole number or Infinity, not ${lapseMonths}`);
  }
  let relationshipStart: string | undefined;
  /** After this date a purchase is a return from a lapse. */
  let lapsesAfter: string | undefined;
  /** Products bought in the current relationship. */
  const known = new Set<string>();
  /** Kind of the latest purchase of each product, over all relationships: what a refund refers to. */
  const lastKind = new Map<string, RevenueKind>();

  let i = 0;
  while (i < order.length) {
    const date = lines[order[i]!]!.date;
    const purchases: number[] = [];
    const refunds: number[] = [];
    for (; i < order.length && lines[order[i]!]!.date === date; i++) {
      const index = order[i]!;
      (lines[index]!.amount < 0 ? refunds : purchases).push(index);
    }

    if (purchases.length > 0 && (relationshipStart === undefined || (lapsesAfter !== undefined && date > lapsesAfter))) {
      relationshipStart = date;
      known.clear();
    }
    const isStartDay = relationshipStart === date;
    // What a purchase of a product would be today, judged against history before today only,
    // so that the order of lines within a day does not matter.
    const wouldBe = (key: string): RevenueKind =>
      relationshipStart === undefined || isStartDay ? 'new' : known.has(key) ? 'existing' : 'cross_sell';

    const bought: Array<[string, RevenueKind]> = [];
    for (const index of purchases) {
      const line = lines[index]!;
      const key = keyOf(line.product);
      const kind = line.kind ?? wouldBe(key);
      emit(index, kind);
      bought.push([key, kind]);
    }
    for (const [key, kind] of bought) {
      known.add(key);
      lastKind.set(key, kind);
    }
    if (purchases.length > 0 && Number.isFinite(lapseMonths)) lapsesAfter = addMonths(date, lapseMonths);

    for (const index of refunds) {
      const key = keyOf(lines[index]!.product);
      emit(index, lastKind.get(key) ?? wouldBe(key));
    }
  }
}
