/**
 * One sync round: (first sync after connecting,) push the outbox, pull the team's changes,
 * settle records whose answers were lost. Pure of browser APIs: the database, `fetch` and
 * the clock come in, so it runs in the background, in Node against fake-indexeddb, and
 * against the real server in the fault suite. Scheduling and backoff live in runner.ts.
 *
 * Push: the outbox in id order, in batches of at most MAX_PUSH_MUTATIONS (and a byte cap);
 * entries leave only up to the server's lastMutationId. A 409 (gap) resends from the
 * server's lastMutationId + 1. Pull: pages until `more` is false; the cursor is saved in the
 * same transaction that applied its page; a page that fails with a 413, a 5xx or a timeout is
 * asked for again smaller (a page of large records can be too much for the server or the
 * network), down to one change. A round whose push fails still pulls (a record the server
 * cannot take must not keep colleagues' changes from this device) and then reports the push's
 * failure. Any failure throws a SyncHttpError and leaves the outbox as the server last
 * confirmed it.
 */
import type { HoldfastDB } from '../db/database';
import { applyChanges, confirmUpTo, refusedTables } from './apply';
import { firstSync, type FirstSyncProgress } from './first-sync';
import { SyncClient, SyncHttpError, type FetchLike } from './http';
import { toMutation, type OutboxEntry } from './outbox';
import { MAX_PULL_LIMIT, MAX_PUSH_MUTATIONS } from './protocol';
import { renumberFrom } from './queue';
import { reconcileUncertain } from './reconcile';
import type { ConfigRow } from './state';
import { applyingServerData, readConfig, readCursor, saveCursor } from './store';

export interface EngineOptions {
  db: HoldfastDB;
  fetch: FetchLike;
  now?: () => number;
  timeoutMs?: number;
  /** Mutations per push (≤ MAX_PUSH_MUTATIONS). */
  batchSize?: number;
  /** A push stops adding mutations past this many bytes of JSON (the server limits request size). */
  maxBatchBytes?: number;
  pullLimit?: number;
  onProgress?: (p: FirstSyncProgress) => void;
}

export interface SyncReport {
  connected: boolean;
  pushed: number;
  refused: number;
  pulled: number;
  /** Changes skipped because a local mutation of the record was still pending. */
  keptLocal: number;
  reconciled: number;
}

export const DEFAULT_MAX_BATCH_BYTES = 512 * 1024;
/** 409s answered in one round before giving up for now (each renumbers or resends). */
const MAX_GAPS_PER_ROUND = 3;

export function clientFor(config: ConfigRow, o: Pick<EngineOptions, 'fetch' | 'timeoutMs' | 'now'>): SyncClient {
  return new SyncClient({ serverUrl: config.serverUrl, token: config.token, fetch: o.fetch, ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}), ...(o.now ? { now: o.now } : {}) });
}

/** The next push: the oldest entries, within the count and byte caps (always at least one). */
async function nextBatch(d: HoldfastDB, count: number, maxBytes: number): Promise<OutboxEntry[]> {
  const head = await d.outbox.orderBy('id').limit(count).toArray();
  let bytes = 0;
  const batch: OutboxEntry[] = [];
  for (const e of head) {
    bytes += JSON.stringify(toMutation(e)).length;
    if (batch.length && bytes > maxBytes) break;
    batch.push(e);
  }
  return batch;
}

export async function push(o: EngineOptions, config: ConfigRow, client: SyncClient): Promise<{ pushed: number; refused: number }> {
  const d = o.db;
  const size = Math.min(o.batchSize ?? MAX_PUSH_MUTATIONS, MAX_PUSH_MUTATIONS);
  let pushed = 0;
  let refused = 0;
  let gaps = 0;
  for (;;) {
    const batch = await nextBatch(d, size, o.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES);
    if (!batch.length) return { pushed, refused };
    let res;
    try {
      res = await client.push({ clientId: config.clientId, mutations: batch.map(toMutation) });
    } catch (err) {
      if (!(err instanceof SyncHttpError) || err.code !== 'gap' || unknownCursor(err) || ++gaps > MAX_GAPS_PER_ROUND) throw err;
      const last = err.lastMutationId ?? (await client.pull(config.clientId, '0', 1)).lastMutationId;
      await applyingServerData(d, [], async () => {
        await confirmUpTo(d, last);
        const lost = await renumberFrom(d, last);
        if (lost) console.warn(`[holdfast] sync: the server is missing ${lost} change(s) it had confirmed; sending the rest from ${last + 1}`);
      });
      continue;
    }
    const first = batch[0]!.id;
    if (res.lastMutationId < first) {
      // Nothing of this push was taken, yet no 409: never loop on it.
      throw new SyncHttpError('bad_response', `the server took none of mutations ${first}–${batch[batch.length - 1]!.id}`);
    }
    const answer = res;
    const outcome = await applyingServerData(d, refusedTables(answer), () => confirmUpTo(d, answer.lastMutationId, answer.results));
    pushed += outcome.confirmed;
    refused += outcome.refused.length;
  }
}

/** The server does not know our cursor (it was restored from a backup, or replaced): 409 cursor_unknown. */
const unknownCursor = (err: unknown) => err instanceof SyncHttpError && err.status === 409 && err.serverError === 'cursor_unknown';

/** A pull page that failed in a way a smaller page may not: too large, the server failing, too slow. */
const pageTooBig = (err: unknown) => err instanceof SyncHttpError && (err.status === 413 || err.code === 'server' || err.code === 'timeout');
/** Each failure of a page divides its size by this much. */
const PAGE_SHRINK = 4;

export async function pull(o: EngineOptions, config: ConfigRow, client: SyncClient): Promise<{ pulled: number; keptLocal: number }> {
  const d = o.db;
  let cursor = await readCursor(d);
  let pulled = 0;
  let keptLocal = 0;
  const fullLimit = Math.min(o.pullLimit ?? MAX_PULL_LIMIT, MAX_PULL_LIMIT);
  let limit = fullLimit;
  for (;;) {
    let page;
    try {
      page = await client.pull(config.clientId, cursor, limit);
    } catch (err) {
      if (pageTooBig(err) && limit > 1) {
        limit = Math.max(1, Math.floor(limit / PAGE_SHRINK));
        console.warn(`[holdfast] sync: a pull page failed (${err instanceof Error ? err.message : String(err)}); asking for ${limit} change(s) at a time`);
        continue;
      }
      if (!unknownCursor(err) || cursor === '0') throw err;
      // Read the whole stream again: applying what we already have changes nothing.
      console.warn(`[holdfast] sync: the server does not know cursor ${cursor}; pulling from the start`);
      cursor = '0';
      page = await client.pull(config.clientId, cursor, limit);
    }
    const counts = await applyingServerData(d, page.changes.map((c) => c.table), async () => {
      // The pull also says what the server has applied: a push whose answer was lost.
      await confirmUpTo(d, page.lastMutationId);
      const applied = await applyChanges(d, page.changes);
      await saveCursor(d, page.cursor);
      return applied;
    });
    pulled += counts.applied;
    keptLocal += counts.pending;
    cursor = page.cursor;
    // Past the trouble: grow back towards the full page.
    limit = Math.min(fullLimit, limit * 2);
    if (!page.more) return { pulled, keptLocal };
  }
}

/** One round. Not connected: nothing to do. Throws SyncHttpError on any failure. */
export async function syncOnce(o: EngineOptions): Promise<SyncReport> {
  const d = o.db;
  const config = await readConfig(d);
  const report: SyncReport = { connected: !!config, pushed: 0, refused: 0, pulled: 0, keptLocal: 0, reconciled: 0 };
  if (!config) return report;
  const client = clientFor(config, o);
  if (config.firstSync) {
    await firstSync(d, client, config.clientId, o.onProgress);
    // Only if still the same connection (a disconnect meanwhile must not be undone).
    await d.transaction('rw', d.sync, async () => {
      const now = await readConfig(d);
      if (now?.clientId === config.clientId) await d.sync.put({ ...now, firstSync: false });
    });
  }
  let pushFailure: unknown;
  try {
    Object.assign(report, await push(o, config, client));
  } catch (err) {
    // A refused token refuses the pull too; anything else, pull anyway.
    if (err instanceof SyncHttpError && err.code === 'unauthorized') throw err;
    pushFailure = err;
  }
  try {
    Object.assign(report, await pull(o, config, client));
  } catch (err) {
    throw pushFailure ?? err;
  }
  if (pushFailure !== undefined) throw pushFailure;
  report.reconciled = await reconcileUncertain(d, client, config.clientId);
  return report;
}
