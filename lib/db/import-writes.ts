/**
 * Writing imported accounts and deals (lib/import) into the database, in chunks: each chunk
 * is one transaction that reads the customers its rows can match (found in key maps read once
 * per import, see KeyMaps) and writes with one `bulkPut`; between chunks the UI gets the main
 * thread back (progress, input).
 *
 * Idempotent: ids are derived from the CRM reference (lib/import/ids.ts), existing records
 * are found by CRM reference first, so a second import of the same file changes nothing
 * and counts every row as unchanged.
 *
 * Matching an account to a known customer: its CRM reference; else a shared domain, with a
 * customer that holds no other record of the same CRM object (two Salesforce accounts that
 * share acme.com stay two customers); else the same name, with a customer that has no CRM
 * reference at all (one created by hand or from a deal that named its company only).
 *
 * A deal's customer: the account id, then the account's domain, then its name. Unknown
 * accounts are reported (`unknown_account`) unless `createMissing` is set, in which case a
 * customer is made from what the deal says, with the account's CRM reference when the file
 * has its id — so a later accounts import finds that customer and fills it in.
 *
 * Speed (DESIGN: 100,000 rows ≤ 5 s of database writes; tests/bench/import.ts measures it):
 * what is written is checked against the model by lib/db/import-checks.ts (the schema's own
 * rules, without a whole zod parse per record), and a large deals write reads only the lines
 * the book already holds (LINE_IDS_FROM). What remains is IndexedDB's own cost per record.
 */
import { Customer, RevenueLine, crmKey, type CrmRef } from '../model';
import * as z from 'zod/mini';
import type { CrmProduct } from '../crm/types';
import { convertTable, type Converted } from '../import/convert';
import { markUncaptured } from '../sync/capture';
import { stableId } from '../import/ids';
import type { AccountDraft, DealDraft, ImportSpec, ImportWarning, RowIssue, SourceId, Table } from '../import/types';
import { nowIso } from '../util/ids';
import Dexie, { type Table as DexieTable } from 'dexie';
import { boundTo } from './bound';
import { customerCheck, revenueLineCheck } from './import-checks';
import { nameKey, toRow } from './customers';
import type { CustomerRow, HoldfastDB } from './database';

/** The CRM object types the site adapters use, so imported references match pages (and a CRM sync's removals find them). */
export const OBJECT_TYPES: Record<Exclude<WriteSource, 'generic'>, { accounts: string; deals: string }> = {
  salesforce: { accounts: 'Account', deals: 'Opportunity' },
  hubspot: { accounts: 'company', deals: 'deal' },
  pipedrive: { accounts: 'organization', deals: 'deal' },
  // Fxiaoke's object API names; Xiaoshouyi's classic page names (/final/account.action).
  fxiaoke: { accounts: 'AccountObj', deals: 'NewOpportunityObj' },
  xiaoshouyi: { accounts: 'account', deals: 'opportunity' },
  // Read from its Web API only (lib/crm/dynamics.ts): entity logical names, as on record pages.
  dynamics: { accounts: 'account', deals: 'opportunity' },
};

/** A CSV's source, or a CRM read through its API (lib/crm), which Dynamics is only. */
export type WriteSource = SourceId | CrmProduct;

/**
 * Rows per transaction: fewer commits than 1,000 (30k accounts: 12.8 s → 8.1 s); 10,000 rather
 * than 2,500 saved another 5–10 % of 100,000 accounts (each commit also re-runs the pages' live
 * counts of the customers), with 10 progress steps per 100k still.
 */
export const DEFAULT_CHUNK = 10_000;

export interface WriteOptions {
  source: WriteSource;
  tenant?: string;
  /** Deals only: make a customer for an account nobody knows instead of rejecting the row. */
  createMissing?: boolean;
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * Not queued for team sync: a CRM connection that reads for this rep only (lib/crm) keeps
   * what it reads on this device (lib/sync/capture.ts markUncaptured).
   */
  uncaptured?: boolean;
  /**
   * Deals only: the ids of the lines the book holds among those these drafts make, when the
   * caller has read them already (a CRM sync reads its deals' lines by the `deal` index): the
   * write then reads neither every line id in the book nor each line. An id left out is still
   * safe: it is added, fails as taken, and is then compared and updated.
   */
  knownLineIds?: ReadonlySet<string>;
}

export interface WriteResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Deals only: customers made for unknown accounts. */
  customersCreated: number;
  rejected: RowIssue[];
  warnings: ImportWarning[];
}

export interface ImportResult extends WriteResult {
  total: number;
  skipped: RowIssue[];
}

function refOf(o: WriteOptions, kind: 'accounts' | 'deals', recordId: string | undefined): CrmRef | undefined {
  if (o.source === 'generic' || !recordId) return undefined;
  const ref: CrmRef = { site: o.source, objectType: OBJECT_TYPES[o.source][kind], recordId };
  if (o.tenant) ref.tenant = o.tenant;
  return ref;
}

/** The crmKey prefix of one CRM object in one tenant ("salesforce|acme|account|"). */
function objectPrefix(o: WriteOptions): string | undefined {
  const ref = refOf(o, 'accounts', 'x');
  return ref ? crmKey(ref).slice(0, -1) : undefined;
}

const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * Write chunk after chunk, each in its own transaction, with the next chunk prepared (in JS)
 * while the browser still writes the one before: IndexedDB runs transactions on the same
 * tables one after another, so the order holds and a read a chunk makes sees the chunks before
 * it, but the writing of one overlapped the preparing of the next (the import spent half its
 * time idle, waiting for commits). `prepare` runs in the chunk's transaction (its database is
 * bound to it, lib/db/bound.ts) and answers the writes to finish with; it starts only once the
 * previous chunk was prepared, so the key maps hold every earlier chunk's rows.
 */
async function writeChunks<T>(
  d: HoldfastDB,
  tables: DexieTable[],
  all: T[][],
  prepare: (t: HoldfastDB, chunk: T[]) => Promise<(() => Promise<unknown>) | undefined>,
  onWritten: (rows: number) => void,
  uncaptured = false,
): Promise<void> {
  let previous: { tx: Promise<unknown>; rows: number } | undefined;
  for (const chunk of all) {
    let prepared!: () => void;
    // A Dexie promise: its callbacks run in the zone that waits on it (this loop's), not in the
    // transaction's that resolves it, which would leak into the caller's later reads.
    const ready = new Dexie.Promise<void>((resolve) => (prepared = resolve));
    // A transaction of its own, never nested in the previous chunk's: this loop resumes from
    // inside that transaction's scope (`prepared()`), where Dexie would otherwise nest it.
    const tx = Dexie.ignoreTransaction(() =>
      d.transaction('rw', tables, async (t) => {
        if (uncaptured) markUncaptured();
        const write = await prepare(boundTo(d, t), chunk);
        prepared();
        await write?.();
      }),
    );
    tx.catch(() => undefined); // awaited below; not unhandled meanwhile
    await Promise.race([ready, tx]);
    if (previous) {
      await previous.tx;
      onWritten(previous.rows);
    }
    await yieldToUi();
    previous = { tx, rows: chunk.length };
  }
  if (previous) {
    await previous.tx;
    onWritten(previous.rows);
  }
}

/** Drafts from which writeDeals reads the ids of every line the book holds, not its own lines. */
export const LINE_IDS_FROM = 1000;

/** Rows of the customers table read per request while the key maps load. */
export const KEY_PAGE = 2000;

/**
 * Every live customer's match keys — CRM keys, domains, name — to its id, read once per
 * import (pages of KEY_PAGE rows, of which only the keys are kept) and kept current with what
 * the import writes. A chunk then reads just the customers its rows can match, with one
 * `bulkGet`, instead of one indexed lookup per key: three per row, so 300,000 browser round
 * trips for a 100,000-row file.
 *
 * A customer another context adds by domain or name while the import runs is not seen by it;
 * one with a CRM reference still is, since ids come from the reference (lib/import/ids.ts).
 */
export class KeyMaps {
  byKey = new Map<string, string>();
  // One id per domain or name almost always: a bare string then, not a set (100,000 sets
  // cost the options page tens of MB at a re-import).
  byDomain = new Map<string, Ids>();
  byName = new Map<string, Ids>();

  static async load(d: HoldfastDB): Promise<KeyMaps> {
    const maps = new KeyMaps();
    let last: string | undefined;
    for (;;) {
      const from = last === undefined ? d.customers.orderBy(':id') : d.customers.where(':id').above(last);
      const page = await from.limit(KEY_PAGE).toArray();
      for (const row of page) if (!row.deleted) maps.add(row);
      if (page.length < KEY_PAGE) return maps;
      last = page[page.length - 1]!.id;
    }
  }

  add(row: CustomerRow): void {
    for (const k of row.crmKeys) this.byKey.set(k, row.id);
    for (const dom of row.domains) addId(this.byDomain, dom, row.id);
    addId(this.byName, row.nameKey, row.id);
  }

  remove(row: CustomerRow): void {
    for (const k of row.crmKeys) if (this.byKey.get(k) === row.id) this.byKey.delete(k);
    for (const dom of row.domains) removeId(this.byDomain, dom, row.id);
    removeId(this.byName, row.nameKey, row.id);
  }

  /** The ids of every customer one of these keys, domains or names points to. */
  candidates(keys: Iterable<string>, domains: Iterable<string>, names: Iterable<string>): string[] {
    const ids = new Set<string>();
    for (const k of keys) {
      const id = this.byKey.get(k);
      if (id) ids.add(id);
    }
    for (const dom of domains) for (const id of idsOf(this.byDomain.get(dom))) ids.add(id);
    for (const n of names) for (const id of idsOf(this.byName.get(n))) ids.add(id);
    return [...ids];
  }
}

type Ids = string | string[];

/** The ids under a key, oldest first (the first is the customer a deal goes to). */
function idsOf(ids: Ids | undefined): readonly string[] {
  return ids === undefined ? [] : typeof ids === 'string' ? [ids] : ids;
}

function addId(map: Map<string, Ids>, key: string, id: string): void {
  const had = map.get(key);
  if (had === undefined) map.set(key, id);
  else if (typeof had === 'string') {
    if (had !== id) map.set(key, [had, id]);
  } else if (!had.includes(id)) had.push(id);
}

function removeId(map: Map<string, Ids>, key: string, id: string): void {
  const had = map.get(key);
  if (had === id) map.delete(key);
  else if (Array.isArray(had)) {
    const rest = had.filter((x) => x !== id);
    if (rest.length === 1) map.set(key, rest[0]!);
    else if (rest.length) map.set(key, rest);
    else map.delete(key);
  }
}

/** Live customers found by CRM key, domain and name, kept current as the chunk writes. */
class CustomerIndex {
  byKey = new Map<string, CustomerRow>();
  byDomain = new Map<string, CustomerRow[]>();
  byName = new Map<string, CustomerRow[]>();

  /** The chunk's candidates (KeyMaps.candidates), read in one request. */
  async fetch(d: HoldfastDB, ids: string[]): Promise<void> {
    if (!ids.length) return;
    for (const row of await d.customers.bulkGet(ids)) if (row && !row.deleted) this.add(row);
  }

  add(row: CustomerRow): void {
    for (const k of row.crmKeys) this.byKey.set(k, row);
    for (const dom of row.domains) push(this.byDomain, dom, row);
    push(this.byName, row.nameKey, row);
  }

  /** Replace `old` by its updated `row` wherever `old` is listed. */
  replace(old: CustomerRow, row: CustomerRow): void {
    const drop = (list: CustomerRow[] | undefined) => {
      const at = list ? list.indexOf(old) : -1;
      if (at >= 0) list!.splice(at, 1);
    };
    for (const dom of old.domains) drop(this.byDomain.get(dom));
    drop(this.byName.get(old.nameKey));
    this.add(row);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

/** Equal in everything an import can set, so an unchanged row is not rewritten (no sync churn). */
function sameCustomer(a: Customer, b: Customer): boolean {
  const refs = (c: Customer) => c.crmRefs.map(crmKey).join(' ');
  return (
    a.name === b.name && a.domains.join(' ') === b.domains.join(' ') && refs(a) === refs(b) && a.customerSince === b.customerSince &&
    a.sinceSource === b.sinceSource && a.prospect === b.prospect && a.renewalDate === b.renewalDate && a.ownerRepId === b.ownerRepId && !a.deleted
  );
}

const invalid = (row: number, error: z.core.$ZodError): RowIssue => ({
  row,
  code: 'invalid_record',
  params: [error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')],
});

export async function writeAccounts(d: HoldfastDB, drafts: AccountDraft[], o: WriteOptions): Promise<WriteResult> {
  const result: WriteResult = { created: 0, updated: 0, unchanged: 0, customersCreated: 0, rejected: [], warnings: [] };
  const reps = await d.reps.toArray();
  const owners = new Map<string, string>();
  for (const rep of reps) {
    if (rep.deleted) continue;
    owners.set(nameKey(rep.name), rep.id);
    if (rep.email) owners.set(rep.email.toLowerCase(), rep.id);
  }
  const unmatchedOwners = new Set<string>();
  const prefix = objectPrefix(o);
  const checkCustomer = customerCheck();
  const maps = await KeyMaps.load(d);
  let done = 0;

  await writeChunks(d, [d.customers], [...chunks(drafts, o.chunkSize ?? DEFAULT_CHUNK)], async (t, chunk) => {
    const refs = chunk.map((draft) => refOf(o, 'accounts', draft.recordId));
    const keys = refs.map((r) => (r ? crmKey(r) : undefined));
    const index = new CustomerIndex();
    await index.fetch(t, maps.candidates(keys.filter((k): k is string => !!k), chunk.flatMap((x) => x.domains), chunk.map((x) => nameKey(x.name))));
    const now = nowIso();
    const writes = new Map<string, CustomerRow>();

    chunk.forEach((draft, i) => {
      const ref = refs[i];
      const key = keys[i];
      const otherRecordOfSameObject = (row: CustomerRow) => !!prefix && row.crmKeys.some((k) => k.startsWith(prefix) && k !== key);
      const existing =
        (key ? index.byKey.get(key) : undefined) ??
        draft.domains.map((dom) => index.byDomain.get(dom)?.find((row) => !otherRecordOfSameObject(row))).find(Boolean) ??
        index.byName.get(nameKey(draft.name))?.find((row) => row.crmKeys.length === 0);

      let ownerRepId: string | undefined;
      if (draft.owner) {
        ownerRepId = owners.get(nameKey(draft.owner)) ?? owners.get(draft.owner.toLowerCase());
        if (!ownerRepId) unmatchedOwners.add(draft.owner);
      }
      const base: Customer = existing
        ? (({ crmKeys: _k, nameKey: _n, ...c }) => c)(existing)
        : { id: stableId('customer', key ?? `${o.source}|name|${nameKey(draft.name)}`), updatedAt: now, name: draft.name, domains: [], crmRefs: [] };
      const next: Customer = {
        ...base,
        name: draft.name,
        domains: [...new Set([...base.domains, ...draft.domains])],
        crmRefs: ref && !base.crmRefs.some((r) => crmKey(r) === key) ? [...base.crmRefs, ref] : base.crmRefs,
      };
      // The CRM's customer-since field is the record's truth; a created date (chosen by the
      // user) only fills a gap, never replacing a date the CRM or the rep gave.
      if (draft.customerSince && (draft.sinceSource !== 'crm_created' || base.customerSince === undefined || base.sinceSource === 'crm_created')) {
        next.customerSince = draft.customerSince;
        if (draft.sinceSource) next.sinceSource = draft.sinceSource;
      }
      if (draft.prospect === true) next.prospect = true;
      else if (draft.prospect === false) delete next.prospect;
      if (draft.renewalDate) next.renewalDate = draft.renewalDate;
      if (ownerRepId) next.ownerRepId = ownerRepId;
      if (existing && sameCustomer(base, next)) {
        result.unchanged++;
        return;
      }
      const parsed = checkCustomer({ ...next, updatedAt: now });
      if (!parsed.success) {
        result.rejected.push(invalid(draft.row, parsed.error));
        return;
      }
      const row = toRow(parsed.data);
      if (existing) {
        result.updated++;
        index.replace(existing, row);
        maps.remove(existing);
      } else {
        result.created++;
        index.add(row);
      }
      maps.add(row);
      writes.set(row.id, row);
    });
    return () => t.customers.bulkPut([...writes.values()]);
  }, (rows) => {
    done += rows;
    o.onProgress?.(done, drafts.length);
  }, o.uncaptured);
  if (unmatchedOwners.size) result.warnings.push({ code: 'owners_unmatched', params: [String(unmatchedOwners.size), [...unmatchedOwners].slice(0, 3).join(', ')] });
  return result;
}

function sameLine(a: RevenueLine, b: RevenueLine): boolean {
  return (
    a.customerId === b.customerId && a.date === b.date && a.amount === b.amount && a.currency === b.currency && a.product === b.product &&
    a.dealType === b.dealType && a.deal === b.deal && !a.deleted
  );
}

export async function writeDeals(d: HoldfastDB, drafts: DealDraft[], o: WriteOptions): Promise<WriteResult> {
  const result: WriteResult = { created: 0, updated: 0, unchanged: 0, customersCreated: 0, rejected: [], warnings: [] };
  const seen = new Map<string, number>();
  // A deal needs only its customer's id, which the key maps hold: no customer is read.
  const maps = await KeyMaps.load(d);
  // The ids of the lines the book holds, read once (keys only) for a large write: its chunks
  // then read just the lines they may change, and a first import none (reading 100,000 absent
  // lines one request each took a third of a deals import). A small write (a CRM sync's few
  // changed deals) reads its own lines instead of every id in the book.
  const lineIds = o.knownLineIds
    ? new Set(o.knownLineIds)
    : drafts.length >= LINE_IDS_FROM
      ? new Set<string>(await d.revenueLines.toCollection().primaryKeys())
      : undefined;
  const checkLine = revenueLineCheck();
  const checkCustomer = customerCheck();
  const first = (ids: Ids | undefined) => idsOf(ids)[0];
  let done = 0;

  await writeChunks(d, [d.customers, d.revenueLines], [...chunks(drafts, o.chunkSize ?? DEFAULT_CHUNK)], async (t, chunk) => {
    const now = nowIso();
    const customerWrites: CustomerRow[] = [];
    const lines: Array<{ line: RevenueLine; row: number }> = [];

    for (const draft of chunk) {
      const ref = refOf(o, 'accounts', draft.account.id);
      const key = ref ? crmKey(ref) : undefined;
      let customerId =
        (key ? maps.byKey.get(key) : undefined) ??
        (draft.account.domain ? first(maps.byDomain.get(draft.account.domain)) : undefined) ??
        (draft.account.name ? first(maps.byName.get(nameKey(draft.account.name))) : undefined);
      if (!customerId) {
        const label = draft.account.name ?? draft.account.domain ?? draft.account.id ?? '';
        if (!o.createMissing) {
          result.rejected.push({ row: draft.row, code: 'unknown_account', params: [label] });
          continue;
        }
        const made = checkCustomer({
          id: stableId('customer', key ?? `${o.source}|name|${nameKey(label)}`),
          updatedAt: now,
          name: label.slice(0, 200),
          domains: draft.account.domain ? [draft.account.domain] : [],
          crmRefs: ref ? [ref] : [],
        });
        if (!made.success) {
          result.rejected.push(invalid(draft.row, made.error));
          continue;
        }
        const row = toRow(made.data);
        maps.add(row);
        customerWrites.push(row);
        customerId = row.id;
        result.customersCreated++;
      }

      const dealRef = refOf(o, 'deals', draft.recordId);
      // One line per product row of a deal exported with its products (lineKey), else one per deal.
      const id = stableId(
        'revenue',
        dealRef
          ? crmKey(dealRef) + (draft.lineKey !== undefined ? `|line|${draft.lineKey}` : '')
          : `${o.source}|${o.tenant ?? ''}|row|${customerId}|${draft.date}|${draft.amount}|${draft.currency}|${draft.product}`,
      );
      const firstRow = seen.get(id);
      if (firstRow !== undefined) {
        result.rejected.push({ row: draft.row, code: 'duplicate_record', params: [draft.recordId ?? '', String(firstRow)] });
        continue;
      }
      seen.set(id, draft.row);
      const line: RevenueLine = { id, updatedAt: now, customerId, date: draft.date, amount: draft.amount, currency: draft.currency, product: draft.product };
      if (draft.dealType) line.dealType = draft.dealType;
      if (dealRef) line.deal = crmKey(dealRef);
      lines.push({ row: draft.row, line });
    }

    // Only lines the book already holds are read (to compare, and keep the rep's kind): a
    // first import reads none.
    const known = lineIds ? lines.filter((l) => lineIds.has(l.line.id)) : lines;
    const before = new Map<string, RevenueLine>();
    if (known.length) for (const row of await t.revenueLines.bulkGet(known.map((l) => l.line.id))) if (row) before.set(row.id, row);
    const puts: RevenueLine[] = [];
    const adds: RevenueLine[] = [];
    for (const { line, row } of lines) {
      const had = before.get(line.id);
      // The kind a user or sync set on a line survives a re-import of the same deal.
      const next = had?.kind ? { ...line, kind: had.kind } : line;
      if (had && sameLine(had, next)) {
        result.unchanged++;
        continue;
      }
      const parsed = checkLine(next);
      if (!parsed.success) {
        result.rejected.push(invalid(row, parsed.error));
        continue;
      }
      if (had) {
        result.updated++;
        puts.push(parsed.data);
      } else {
        result.created++;
        adds.push(parsed.data);
      }
      lineIds?.add(line.id);
    }
    return async () => {
      if (customerWrites.length) await t.customers.bulkPut(customerWrites);
      if (puts.length) await t.revenueLines.bulkPut(puts);
      // New lines are added, not put: one another context wrote since the ids were read fails
      // alone, and is then compared and updated like any line the book held.
      const taken = await t.revenueLines.bulkAdd(adds).then(
        () => [],
        (err: unknown) => {
          if (!(err instanceof Dexie.BulkError)) throw err;
          return Object.keys(err.failuresByPos).map((pos) => adds[Number(pos)]!);
        },
      );
      if (!taken.length) return;
      const now = await t.revenueLines.bulkGet(taken.map((l) => l.id));
      const again: RevenueLine[] = [];
      taken.forEach((line, i) => {
        const had = now[i];
        if (!had) throw new Error(`revenue line ${line.id} could not be added`);
        result.created--;
        const next = had.kind ? { ...line, kind: had.kind } : line;
        if (sameLine(had, next)) result.unchanged++;
        else {
          result.updated++;
          again.push(next);
        }
      });
      if (again.length) await t.revenueLines.bulkPut(again);
    };
  }, (rows) => {
    done += rows;
    o.onProgress?.(done, drafts.length);
  }, o.uncaptured);
  return result;
}

/** The user timing names of an import's two phases (performance.getEntriesByName). */
export const IMPORT_CONVERT = 'holdfast import: convert';
export const IMPORT_WRITE = 'holdfast import: write';

function measure(name: string, start: number, end: number): void {
  try {
    performance.clearMeasures(name);
    performance.measure(name, { start, end });
  } catch {
    // user timing is a diagnostic only; never a reason for an import to fail
  }
}

/** Convert and write a whole file: what the options page and the benchmark run. */
export async function runImport(
  d: HoldfastDB,
  table: Table,
  spec: ImportSpec,
  opts: Omit<WriteOptions, 'source' | 'tenant'> = {},
): Promise<ImportResult> {
  const o: WriteOptions = { ...opts, source: spec.source, ...(spec.tenant ? { tenant: spec.tenant } : {}) };
  let converted: Converted<AccountDraft> | Converted<DealDraft>;
  let written: WriteResult;
  // User timings (DevTools' Performance panel, tests/bench/import.ts): converting the table,
  // then writing it, the part DESIGN's budget (100,000 rows ≤ 5 s) is about.
  const start = performance.now();
  let wrote = start;
  if (spec.kind === 'accounts') {
    const c = convertTable(table, { ...spec, kind: 'accounts' });
    converted = c;
    wrote = performance.now();
    written = await writeAccounts(d, c.drafts, o);
  } else {
    const c = convertTable(table, { ...spec, kind: 'deals' });
    converted = c;
    wrote = performance.now();
    written = await writeDeals(d, c.drafts, o);
  }
  measure(IMPORT_CONVERT, start, wrote);
  measure(IMPORT_WRITE, wrote, performance.now());
  return {
    ...written,
    total: table.rows.length,
    skipped: converted.skipped,
    rejected: [...converted.rejected, ...written.rejected].sort((a, b) => a.row - b.row),
    warnings: [...converted.warnings, ...written.warnings],
  };
}
