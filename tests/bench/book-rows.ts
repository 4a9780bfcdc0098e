/**
 * The 100k book of the benchmarks (DESIGN §7): 100,000 customers, 1,000,000 revenue lines and
 * 100,000 problems, one row at a time, shaped exactly as lib/db stores them. One generator for
 * both uses: tests/bench/subject-query.ts seeds Chromium's IndexedDB with it (inside the
 * options page, so a million rows never cross the DevTools protocol), and
 * tests/bench/risk-book.ts builds the same book in Node to spread its risk levels.
 *
 * `bookRow` runs in the page from its source text (`bookRowSource`), so it must stay
 * self-contained: no imports, no module-level names, nothing but its arguments.
 */

export const BOOK_CUSTOMERS = 100_000;
export const BOOK_LINES = 1_000_000;
export const BOOK_PROBLEMS = 100_000;
/** The instant the rows are dated against (contacts, problems, renewals, lines). */
export const BOOK_NOW = '2026-11-28T00:00:00.000Z';

export type BookStore = 'customers' | 'revenueLines' | 'problems';

/**
 * Row `i` of a store, in a book of `customers` customers. Shaped like a real book so that the
 * risk levels spread as they would: each customer buys on a cadence of its own (monthly,
 * quarterly, half-yearly or yearly), about one in eight stopped buying one to three years ago,
 * three in ten have a "customer since" years before their first line in the data (exports
 * cover a period), yearly buyers have a renewal date a year after their last purchase, most
 * reps were in touch within two months and a few never were.
 */
export function bookRow(store: BookStore, i: number, customers: number): Record<string, unknown> {
  const pad = (n: number) => String(n).padStart(7, '0');
  const cid = (n: number) => `c-${pad(n)}`;
  const iso = (ms: number) => new Date(ms).toISOString();
  const day = (ms: number) => iso(ms).slice(0, 10);
  const updatedAt = '2026-11-01T00:00:00.000Z';
  const now = Date.parse('2026-11-28T00:00:00.000Z');
  const DAY = 86_400_000;
  const YEAR = 365 * DAY;
  /** A customer's own numbers, the same for its customer row and its lines. */
  const shape = (c: number) => {
    const h = Math.imul(c + 1, 2654435761) >>> 0;
    const cadence = [30, 91, 182, 365][h % 4]!;
    const churned = (h >>> 3) % 100 < 12;
    const lastAgo = churned ? 400 + ((h >>> 9) % 700) : (h >>> 5) % cadence;
    return { h, cadence, churned, lastAgo, firstAgo: lastAgo + 9 * cadence };
  };
  if (store === 'customers') {
    const name = `Company ${i}`;
    const recordId = `001Dn${i.toString(36).toUpperCase().padStart(13, '0')}`;
    const ref = { site: 'salesforce', objectType: 'Account', recordId, tenant: 'acme' };
    const { h, cadence, lastAgo, firstAgo } = shape(i);
    const row: Record<string, unknown> = {
      id: cid(i),
      updatedAt,
      name,
      domains: [`company${i}.example`],
      crmRefs: [ref],
      customerSince: day(now - firstAgo * DAY - (h % 10 < 3 ? (1 + (h % 8)) * YEAR : 10 * DAY)),
      // Derived exactly as lib/db/customers.ts toRow does.
      crmKeys: [[ref.site, ref.tenant, ref.objectType.toLowerCase(), ref.recordId].join('|')],
      nameKey: name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim(),
    };
    if (cadence === 365) row.renewalDate = day(now - lastAgo * DAY + YEAR);
    const contact = (h >>> 11) % 100;
    if (contact < 85) row.lastContactAt = iso(now - ((h >>> 13) % 60) * DAY);
    else if (contact < 95) row.lastContactAt = iso(now - (60 + ((h >>> 13) % 120)) * DAY);
    return row;
  }
  if (store === 'revenueLines') {
    // Ten lines per customer, one per purchase on its cadence, a few in EUR, some refunds.
    const c = (i * 7919) % customers;
    const k = Math.floor(i / customers);
    const { cadence, lastAgo } = shape(c);
    return {
      id: `l-${pad(i)}`,
      updatedAt,
      customerId: cid(c),
      date: day(now - (lastAgo + (9 - k) * cadence + ((c + k * 13) % 5)) * DAY),
      amount: i % 97 === 0 ? -(1000 + (i % 5000)) * 100 : (1000 + (i % 5000)) * 100,
      currency: i % 10 === 3 ? 'EUR' : 'USD',
      product: ['Platform', 'Platform', 'Analytics', 'Support', 'Training'][(c + k) % 5],
    };
  }
  const receivedAt = iso(now - (i % 120) * DAY);
  return {
    id: `p-${pad(i)}`,
    updatedAt,
    customerId: cid((i * 104_729) % customers),
    title: `Problem ${i}`,
    severity: ['critical', 'high', 'high', 'normal', 'normal', 'normal', 'low', 'low', 'normal', 'normal'][i % 10],
    channel: 'email',
    receivedAt,
    ownerRepId: `r-${i % 50}`,
    coveringRepIds: [],
    status: i % 6 === 0 ? 'open' : 'closed',
    reopenCount: i % 17 === 0 ? 1 : 0,
    events: [{ id: `e-${pad(i)}`, at: receivedAt, byRepId: `r-${i % 50}`, type: 'received' }],
  };
}

/**
 * A script for page.evaluate that defines `globalThis.__hfBookRow` in the page. tsx (esbuild
 * keepNames) wraps named inner functions in __name(), so the page gets one of those too.
 */
export function bookRowSource(): string {
  return `globalThis.__name ??= (f) => f; globalThis.__hfBookRow = ${bookRow.toString()};`;
}
