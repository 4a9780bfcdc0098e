/**
 * Where a revenue line's money comes from (DESIGN §1: ~75% existing, ~15% cross-sell, ~10% new),
 * and why: every line gets a kind and the reason for it, so the panel can say "CRM: existing
 * business" or "won back after 26 months" and a rep can check it.
 *
 * Authority, highest first (DESIGN §5):
 * 1. The rep's correction (`line.kind`): kept as it is.
 * 2. The CRM's deal type (`line.dealType`): new business is `new`; existing business is
 *    `existing`, or `cross_sell` when its product is new to the customer.
 * 3. The relationship's known start (`since`, the customer's "customer since"): real exports
 *    cover a period, not the whole relationship, so when the first purchase in the data comes
 *    more than SINCE_GRACE_DAYS after the relationship began, earlier purchases were not
 *    imported and that first purchase is `existing` (a renewal, most likely), never `new`.
 * 4. Purchase history, walking days in order (date, then id for ties):
 *    - the first purchase day of a relationship is new business: every line on it is `new`;
 *    - later, a product bought before in the relationship is `existing`; a product new to the
 *      customer is `cross_sell`;
 *    - lapse and return: a purchase more than `lapseMonths` (default 24) calendar months after
 *      the previous one means the customer had left and was won back, which costs what winning
 *      a new customer costs: that day starts a new relationship (its lines are `new`, the known
 *      products start again). A CRM deal of new business starts one too; a day whose deals the
 *      CRM calls existing business never does.
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
 * - A corrected line still counts as history (it can start a relationship, make its product
 *   known, be the purchase a refund refers to).
 * - Tombstoned lines (deleted) are ignored and left out of the result.
 *
 * Cost: one pass to group by customer (a Map), a sort within each customer, one pass to
 * classify: O(n log k) for k lines per customer, no quadratic scans.
 */
import type { RevenueKind, RevenueLine } from '../model';
import { addDays, addMonths, monthsBetween } from './calendar';

export interface ClassifyOptions {
  /**
   * Months without a purchase after which a customer counts as lapsed, so that their return
   * is new business. `Infinity` turns lapsing off.
   */
  lapseMonths?: number;
  /** The customer's recorded "customer since", by customer id (bulk forms). */
  sinceOf?: (customerId: string) => string | undefined;
}

export const DEFAULT_LAPSE_MONTHS = 24;

/**
 * A first purchase in the data this many days or fewer after "customer since" is the purchase
 * that began the relationship (CRMs stamp the date at the first deal, give or take paperwork);
 * later than that, the export does not reach back to the start.
 */
export const SINCE_GRACE_DAYS = 92;

/** Why a line has its kind (messages: tenure_reason_<code>). */
export type KindReason =
  | 'corrected'
  | 'crm_new'
  | 'crm_existing'
  | 'crm_cross_sell'
  | 'first_purchase'
  | 'won_back'
  | 'before_data'
  | 'repeat_product'
  | 'new_product'
  | 'refund';

/** Who said so: the rep, the CRM, or Holdfast's estimate from the purchase history. */
export type KindSource = 'rep' | 'crm' | 'estimate';

export const REASON_SOURCE: Readonly<Record<KindReason, KindSource>> = {
  corrected: 'rep',
  crm_new: 'crm',
  crm_existing: 'crm',
  crm_cross_sell: 'crm',
  first_purchase: 'estimate',
  won_back: 'estimate',
  before_data: 'estimate',
  repeat_product: 'estimate',
  new_product: 'estimate',
  refund: 'estimate',
};

/** A line's kind with its reason; `gapMonths` for a win-back (months since the previous purchase). */
export interface KindVerdict {
  kind: RevenueKind;
  reason: KindReason;
  gapMonths?: number;
}

/** A revenue line whose kind is known; `kindDerived` says whether this module chose it. */
export type ClassifiedLine = RevenueLine & { kind: RevenueKind; kindDerived: boolean; reason: KindReason; gapMonths?: number };

export function productKey(product: string): string {
  return product.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The kind of every line, aligned with the input (undefined for tombstoned lines). The bulk
 * form: no line objects are copied, which matters at a million lines.
 */
export function deriveKinds(lines: readonly RevenueLine[], options: ClassifyOptions = {}): Array<RevenueKind | undefined> {
  return deriveVerdicts(lines, options).map((v) => v?.kind);
}

/** Kind and reason of every line, aligned with the input (undefined for tombstoned lines). */
export function deriveVerdicts(lines: readonly RevenueLine[], options: ClassifyOptions = {}): Array<KindVerdict | undefined> {
  // Group positions, not copies: one Map lookup per line keeps a million lines linear.
  const byCustomer = new Map<string, number[]>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.deleted) continue;
    const group = byCustomer.get(line.customerId);
    if (group) group.push(i);
    else byCustomer.set(line.customerId, [i]);
  }
  const verdicts = new Array<KindVerdict | undefined>(lines.length).fill(undefined);
  const keyOf = productKeys();
  const dates = dateKeys(lines);
  for (const [customerId, group] of byCustomer) {
    const since = options.sinceOf?.(customerId);
    classifyHistory(lines, sortByDateThenId(lines, group, dates), options, since, keyOf, (index, verdict) => {
      verdicts[index] = verdict;
    });
  }
  return verdicts;
}

/**
 * Classify lines of any number of customers. The result keeps the input order (tombstoned
 * lines dropped), so callers can zip it with what they passed.
 */
export function classifyLines(lines: readonly RevenueLine[], options: ClassifyOptions = {}): ClassifiedLine[] {
  const verdicts = deriveVerdicts(lines, options);
  const out: ClassifiedLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const verdict = verdicts[i];
    if (verdict !== undefined) out.push(classified(lines[i]!, verdict));
  }
  return out;
}

/**
 * Classify the lines of one customer (the panel's case; all lines must share a customerId),
 * whose relationship began on `since` when that is known. Returned in history order: date, then id.
 */
export function classifyCustomerLines(lines: readonly RevenueLine[], options: ClassifyOptions & { since?: string | undefined } = {}): ClassifiedLine[] {
  const live: number[] = [];
  for (let i = 0; i < lines.length; i++) if (!lines[i]!.deleted) live.push(i);
  const order = sortByDateThenId(lines, live, dateKeys(lines));
  const result = new Array<ClassifiedLine | undefined>(lines.length);
  classifyHistory(lines, order, options, options.since, productKeys(), (index, verdict) => {
    result[index] = classified(lines[index]!, verdict);
  });
  // Refunds are reported after their day's purchases; return plain (date, id) order.
  return order.map((index) => result[index]!);
}

/**
 * A copy with the kind filled in. Fields are listed rather than spread: V8 builds `{...line}`
 * copies of these records about 15x slower, which dominated classifying a million lines.
 * Keep this in step with RevenueLine (lib/model/revenue.ts).
 */
function classified(line: RevenueLine, verdict: KindVerdict): ClassifiedLine {
  const c: ClassifiedLine = {
    id: line.id,
    updatedAt: line.updatedAt,
    customerId: line.customerId,
    date: line.date,
    amount: line.amount,
    currency: line.currency,
    product: line.product,
    kind: verdict.kind,
    kindDerived: verdict.reason !== 'corrected',
    reason: verdict.reason,
  };
  if (verdict.gapMonths !== undefined) c.gapMonths = verdict.gapMonths;
  if (line.dealType !== undefined) c.dealType = line.dealType;
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

/** The verdicts without numbers, shared: a million lines need not mean a million objects. */
const FIRST_PURCHASE: KindVerdict = Object.freeze({ kind: 'new', reason: 'first_purchase' });
const BEFORE_DATA: KindVerdict = Object.freeze({ kind: 'existing', reason: 'before_data' });
const REPEAT_PRODUCT: KindVerdict = Object.freeze({ kind: 'existing', reason: 'repeat_product' });
const NEW_PRODUCT: KindVerdict = Object.freeze({ kind: 'cross_sell', reason: 'new_product' });
const CRM_NEW: KindVerdict = Object.freeze({ kind: 'new', reason: 'crm_new' });
const CRM_EXISTING: KindVerdict = Object.freeze({ kind: 'existing', reason: 'crm_existing' });
const CRM_CROSS_SELL: KindVerdict = Object.freeze({ kind: 'cross_sell', reason: 'crm_cross_sell' });

/** Walk one customer's lines (positions in history order) and report each line's kind and why. */
function classifyHistory(
  lines: readonly RevenueLine[],
  order: readonly number[],
  options: ClassifyOptions,
  since: string | undefined,
  keyOf: (product: string) => string,
  emit: (index: number, verdict: KindVerdict) => void,
): void {
  const lapseMonths = options.lapseMonths ?? DEFAULT_LAPSE_MONTHS;
  if (lapseMonths !== Infinity && !(Number.isInteger(lapseMonths) && lapseMonths > 0)) {
    throw new RangeError(`lapseMonths must be a positive whole number or Infinity, not ${lapseMonths}`);
  }
  /** A first purchase after this date is not the relationship's first: the data starts later. */
  const dataStartsLate = since === undefined ? undefined : addDays(since, SINCE_GRACE_DAYS);
  let relationshipStart: string | undefined;
  let previousPurchase: string | undefined;
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
    let crmNew = false;
    let untyped = false;
    for (; i < order.length && lines[order[i]!]!.date === date; i++) {
      const index = order[i]!;
      const line = lines[index]!;
      if (line.amount < 0) refunds.push(index);
      else {
        purchases.push(index);
        if (line.dealType === 'new_business') crmNew = true;
        else if (line.dealType === undefined) untyped = true;
      }
    }

    // Does this day begin a relationship? The CRM's word first; history only for lines the
    // CRM did not type (a day of existing-business deals never starts one).
    const firstInData = relationshipStart === undefined;
    const lapsed = !firstInData && lapsesAfter !== undefined && date > lapsesAfter;
    const beforeData = firstInData && dataStartsLate !== undefined && date > dataStartsLate;
    let starts = false;
    if (purchases.length > 0) {
      starts = crmNew || (untyped && (lapsed || (firstInData && !beforeData)));
      if (starts) {
        relationshipStart = date;
        known.clear();
      } else if (firstInData) relationshipStart = since ?? date;
    }
    const gapMonths = lapsed && previousPurchase !== undefined ? monthsBetween(previousPurchase, date) : undefined;
    // What an untyped purchase of a product would be today, judged against history before
    // today only, so that the order of lines within a day does not matter.
    const wouldBe = (key: string): KindVerdict => {
      if (starts) return lapsed && gapMonths !== undefined ? { kind: 'new', reason: 'won_back', gapMonths } : FIRST_PURCHASE;
      // Nothing bought yet in the data (a refund-only day): judged like a first purchase would be.
      if (relationshipStart === undefined) return beforeData ? BEFORE_DATA : FIRST_PURCHASE;
      if (firstInData) return BEFORE_DATA;
      return known.has(key) ? REPEAT_PRODUCT : NEW_PRODUCT;
    };

    const bought: Array<[string, RevenueKind]> = [];
    for (const index of purchases) {
      const line = lines[index]!;
      const key = keyOf(line.product);
      const verdict: KindVerdict =
        line.kind !== undefined
          ? { kind: line.kind, reason: 'corrected' }
          : line.dealType === 'new_business'
            ? CRM_NEW
            : line.dealType === 'existing_business'
              ? known.has(key) || firstInData
                ? CRM_EXISTING
                : CRM_CROSS_SELL
              : wouldBe(key);
      emit(index, verdict);
      bought.push([key, verdict.kind]);
    }
    for (const [key, kind] of bought) {
      known.add(key);
      lastKind.set(key, kind);
    }
    if (purchases.length > 0) {
      previousPurchase = date;
      if (Number.isFinite(lapseMonths)) lapsesAfter = addMonths(date, lapseMonths);
    }

    for (const index of refunds) {
      const line = lines[index]!;
      const key = keyOf(line.product);
      if (line.kind !== undefined) {
        emit(index, { kind: line.kind, reason: 'corrected' });
        continue;
      }
      const referred = lastKind.get(key);
      emit(index, referred !== undefined ? { kind: referred, reason: 'refund' } : { ...wouldBe(key), reason: 'refund' });
    }
  }
}
