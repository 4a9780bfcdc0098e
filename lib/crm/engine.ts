/**
 * One sync of one CRM connection (issue 16): read the client's pages, write them through the
 * CSV import's own write path (lib/db/import-writes.ts), retire what the CRM no longer has
 * (lib/crm/removals.ts), and record where the connection stands on its row.
 *
 * - Pages are written in batches (BATCH drafts, and at every change of phase), in the order
 *   read: accounts before the deals that name them, removals last. A batch once written
 *   stays: a sync that fails or is cancelled halfway keeps everything it wrote, and leaves
 *   `since` where it was, so the next sync reads the rest again (rewriting changes nothing).
 * - A deal in a page is the deal as it is now: lines of it (RevenueLine.deal) that the page
 *   does not have are tombstoned; deals deleted or no longer won lose all their lines.
 * - `since` moves only when a read completes: to its start, less SKEW_MS for clocks that
 *   disagree, so nothing changed while it ran is missed.
 * - Share 'me': every write is uncaptured (not queued for team sync).
 */
import { crmKey, type RevenueLine } from '../model';
import { stableId } from '../import/ids';
import type { AccountDraft, DealDraft } from '../import/types';
import type { HoldfastDB } from '../db/database';
import { writeAccounts, writeDeals, type WriteOptions } from '../db/import-writes';
import { backoffDelay } from '../sync/backoff';
import { accountDraft, dealDrafts } from './drafts';
import { CrmError, isCrmError } from './errors';
import { dealKey, knownIds, linesOfDeals, refOf, removeAccounts, removeDeals, retireLines, type RemovalContext } from './removals';
import type { CrmConnectionRow, CrmCounts, CrmProgress } from './state';
import type { CrmClient, CrmDeal, CrmPage, CrmRemoval } from './types';

/** Drafts written per batch: each write reads the customers' key maps once, so not per page. */
export const BATCH = 20_000;
/** The next incremental read reaches this far before the last one began (clock skew). */
export const SKEW_MS = 5 * 60_000;
/** Automatic retries after failures back off from this up to MAX_BACKOFF_MS. */
export const BASE_BACKOFF_MS = 60_000;
export const MAX_BACKOFF_MS = 6 * 60 * 60_000;

export interface CrmSyncOptions {
  db: HoldfastDB;
  row: CrmConnectionRow;
  client: CrmClient;
  signal?: AbortSignal;
  onProgress?: (p: CrmProgress) => void;
  now?: () => number;
  random?: () => number;
  /** Drafts per batch (tests write smaller ones). */
  batch?: number;
}

export interface CrmSyncResult {
  /** The row as saved (or as it would be, when the connection was dropped meanwhile). */
  row: CrmConnectionRow;
  /** Anything written (the docks should look again). */
  changed: boolean;
  error?: CrmError;
}

const emptyCounts = (): CrmCounts => ({ accounts: 0, deals: 0, lines: 0, removed: 0 });

/** An unexpected failure (a database error) as a CrmError: its message, never more. */
function asCrmError(e: unknown): CrmError {
  if (isCrmError(e)) return e;
  if (e instanceof DOMException && e.name === 'AbortError') return new CrmError('cancelled', 'cancelled');
  return new CrmError('bad_response', (e instanceof Error ? e.message : String(e)).slice(0, 300));
}

/** The line ids a deal has now: what writeDeals derives from its drafts (lib/db/import-writes.ts). */
function lineIds(key: string, deal: CrmDeal): string[] {
  return deal.lines.length ? deal.lines.map((l) => stableId('revenue', `${key}|line|${l.id}`)) : [stableId('revenue', key)];
}

/**
 * The pages of `source`, the next one already being fetched while the caller writes this one:
 * the API's answer time and the database's write time overlap instead of adding up.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  let next = it.next();
  try {
    for (;;) {
      const r = await next;
      if (r.done) return;
      next = it.next();
      // Settled later (or never, when the caller stops): not an unhandled rejection meanwhile.
      next.catch(() => undefined);
      yield r.value;
    }
  } finally {
    await it.return?.().catch(() => undefined);
  }
}

export async function runCrmSync(o: CrmSyncOptions): Promise<CrmSyncResult> {
  const { db: d, client, signal } = o;
  const now = o.now ?? Date.now;
  const iso = (ms = now()) => new Date(ms).toISOString();
  const row = o.row;
  const startedAt = now();
  const batchSize = o.batch ?? BATCH;
  const first = !row.since;
  const ctx: RemovalContext = { d, product: row.key, tenant: row.tenant, uncaptured: row.share === 'me', now: () => iso() };
  const write: WriteOptions = { source: row.key, tenant: row.tenant, uncaptured: row.share === 'me' };

  // Totals this connection holds: a full read counts them afresh; an incremental one adds its changes.
  const totals = first ? emptyCounts() : { ...emptyCounts(), ...row.lastCounts, removed: 0 };
  let changed = false;
  const progress: CrmProgress = { phase: 'accounts', records: 0, pages: 0, doneInPhase: 0, first };
  const report = () => o.onProgress?.({ ...progress });

  let accounts: AccountDraft[] = [];
  let deals = new Map<string, CrmDeal>();
  let dealDraftCount = 0;
  const removedAccounts: CrmRemoval[] = [];
  const removedDeals: string[] = [];

  const flushAccounts = async () => {
    if (!accounts.length) return;
    const batch = accounts;
    accounts = [];
    const r = await writeAccounts(d, batch, write);
    if (r.created || r.updated) changed = true;
    if (first) totals.accounts += batch.length;
    else totals.accounts += r.created;
  };

  const flushDeals = async () => {
    if (!deals.size) return;
    const batch = [...deals.values()];
    deals = new Map();
    dealDraftCount = 0;
    const keys = batch.map((deal) => dealKey(ctx, deal.id));
    // The lines these deals have here now, before they are rewritten.
    const before = await linesOfDeals(d, keys);
    const drafts: DealDraft[] = [];
    const keep = new Set<string>();
    batch.forEach((deal, i) => {
      drafts.push(...dealDrafts(deal, i + 1, row.currency).drafts);
      for (const id of lineIds(keys[i]!, deal)) keep.add(id);
    });
    const r = await writeDeals(d, drafts, { ...write, createMissing: true, knownLineIds: new Set(before.map((l) => l.id)) });
    if (r.created || r.updated || r.customersCreated) changed = true;
    const stale: RevenueLine[] = before.filter((l) => !keep.has(l.id));
    const retired = await retireLines(ctx, stale);
    if (retired) changed = true;
    if (first) {
      totals.deals += batch.length;
      totals.lines += drafts.length;
    } else {
      const had = new Set(before.map((l) => l.deal));
      totals.deals += keys.filter((k) => !had.has(k)).length;
      totals.lines += r.created - retired;
    }
    totals.removed += retired;
  };

  const flushRemovals = async () => {
    if (removedDeals.length) {
      const ids = removedDeals.splice(0);
      const r = await removeDeals(ctx, ids);
      if (r.lines) changed = true;
      totals.deals -= first ? 0 : r.deals;
      totals.lines -= first ? 0 : r.lines;
      totals.removed += r.deals;
    }
    if (removedAccounts.length) {
      const list = removedAccounts.splice(0);
      const n = await removeAccounts(ctx, list);
      if (n) changed = true;
      totals.accounts -= first ? 0 : n;
      totals.removed += n;
    }
  };

  const flushAll = async () => {
    await flushAccounts();
    await flushDeals();
    await flushRemovals();
  };

  const take = async (page: CrmPage) => {
    if (page.phase !== progress.phase) {
      // Accounts are written before the deals that name them, deals before removals.
      await flushAll();
      progress.phase = page.phase;
      progress.doneInPhase = 0;
    }
    progress.pages++;
    progress.records += page.records;
    progress.doneInPhase += page.records;
    if (page.totalInPhase !== undefined) progress.totalInPhase = page.totalInPhase;
    else delete progress.totalInPhase;
    report();
    if (signal?.aborted) throw new CrmError('cancelled', 'cancelled');

    if (page.accounts.length) {
      await flushDeals();
      await flushRemovals();
      for (const a of page.accounts) accounts.push(accountDraft(a, accounts.length + 1));
    }
    if (page.deals.length) {
      await flushAccounts();
      await flushRemovals();
      for (const deal of page.deals) {
        // The same deal twice in one read (changed while it ran): its latest state counts.
        deals.delete(deal.id);
        deals.set(deal.id, deal);
        dealDraftCount += Math.max(1, deal.lines.length);
      }
    }
    if (page.removedAccounts.length || page.removedDeals.length) {
      await flushAccounts();
      await flushDeals();
      removedAccounts.push(...page.removedAccounts);
      removedDeals.push(...page.removedDeals);
    }
    if (accounts.length >= batchSize) await flushAccounts();
    if (dealDraftCount >= batchSize) await flushDeals();
  };

  let error: CrmError | undefined;
  try {
    if (signal?.aborted) throw new CrmError('cancelled', 'cancelled');
    for await (const page of readAhead(client.read({ ...(row.since ? { since: row.since } : {}), ...(signal ? { signal } : {}), known: () => knownIds(ctx) }))) {
      if (signal?.aborted) throw new CrmError('cancelled', 'cancelled');
      await take(page);
    }
    if (signal?.aborted) throw new CrmError('cancelled', 'cancelled');
    await flushAll();
  } catch (e) {
    error = asCrmError(e);
    // What was read before a failure is good data: written, unless the user asked to stop now.
    if (error.code !== 'cancelled') {
      try {
        await flushAll();
      } catch {
        // the failure already reported is the one that matters
      }
    }
  }

  const next: CrmConnectionRow = { ...row };
  if (!error) {
    next.since = iso(startedAt - SKEW_MS);
    next.lastSyncAt = iso();
    next.lastCounts = { ...totals, accounts: Math.max(0, totals.accounts), deals: Math.max(0, totals.deals), lines: Math.max(0, totals.lines) };
    next.failures = 0;
    delete next.lastError;
    delete next.nextAttemptAt;
  } else {
    next.lastError = { code: error.code, detail: error.detail.slice(0, 500), at: iso() };
    if (error.code !== 'cancelled') {
      next.failures = row.failures + 1;
      const wait = backoffDelay(next.failures, o.random ?? Math.random, error.retryAfterMs ?? 0, { baseMs: BASE_BACKOFF_MS, capMs: MAX_BACKOFF_MS });
      next.nextAttemptAt = now() + wait;
    }
  }
  await saveRow(d, row, next);
  return { row: next, changed, ...(error ? { error } : {}) };
}

/** Save the row unless the connection was dropped (or replaced) while the sync ran. */
async function saveRow(d: HoldfastDB, was: CrmConnectionRow, next: CrmConnectionRow): Promise<void> {
  await d.transaction('rw', d.crm, async () => {
    const current = await d.crm.get(was.key);
    if (!current || current.connectedAt !== was.connectedAt) return;
    await d.crm.put(next);
  });
}

/** The CRM key of an account of a connection, for callers that look a synced customer up. */
export const connectionAccountKey = (row: Pick<CrmConnectionRow, 'key' | 'tenant'>, id: string) => crmKey(refOf({ product: row.key, tenant: row.tenant }, 'accounts', id));
