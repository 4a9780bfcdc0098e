/**
 * Putting the server's word into the local tables: pulled changes, the server's record
 * after a refusal, and the confirmation that lets outbox entries go. All of it runs inside
 * `applyingServerData` transactions, so none of it is queued back to the server.
 *
 * Pending local mutations stay on top: a pulled change to a record that still has an
 * outbox entry is skipped. Once that entry is confirmed, the server's resulting record
 * comes in a later pull (the push made a change after our cursor).
 */
import type { HoldfastDB } from '../db/database';
import { labelOf, parseRecord, rowOf } from './records';
import type { Change, PushResponse, SyncedTable } from './protocol';
import { hasPending, noteRefusals, noteUncertain, syncedTable } from './store';
import type { Refusal } from './state';
import type { OutboxEntry } from './outbox';

export interface ApplyCounts {
  applied: number;
  /** Skipped: a local mutation of the record is still pending. */
  pending: number;
  /** Skipped: the server sent a record that breaks its schema. */
  invalid: number;
}

/** Store the server's version of one record (null: it has none). Inside applyingServerData. */
export async function storeServerRecord(d: HoldfastDB, table: SyncedTable, id: string, record: unknown): Promise<'applied' | 'invalid'> {
  const t = syncedTable(d, table);
  if (record === null) {
    await t.delete(id);
    return 'applied';
  }
  const parsed = parseRecord(table, record);
  if (!parsed.ok || parsed.record.id !== id) {
    console.warn(`[holdfast] sync: skipped a ${table} record from the server that does not parse: ${parsed.ok ? 'id mismatch' : parsed.reason}`);
    return 'invalid';
  }
  await t.put(rowOf(table, parsed.record));
  return 'applied';
}

/** Apply a page of pulled changes, pending local mutations kept on top. Inside applyingServerData. */
export async function applyChanges(d: HoldfastDB, changes: readonly Change[], skip?: (c: Change) => boolean): Promise<ApplyCounts> {
  const counts: ApplyCounts = { applied: 0, pending: 0, invalid: 0 };
  const anyPending = (await d.outbox.count()) > 0;
  // Lookups issued together: one transaction, many requests in flight.
  const pending = anyPending ? await Promise.all(changes.map((c) => hasPending(d, c.table, c.id))) : [];
  for (const [i, change] of changes.entries()) {
    if (pending[i]) {
      counts.pending++;
      continue;
    }
    if (skip?.(change)) continue;
    const outcome = await storeServerRecord(d, change.table, change.id, change.record);
    counts[outcome]++;
  }
  return counts;
}

/**
 * The server has applied (or refused) every mutation up to `lastMutationId`: those entries
 * leave the outbox. Refused ones are noted for the user and the server's record restored
 * (unless a later local mutation of it is still pending: its own answer will settle it).
 * Entries confirmed without an answer in `results` were applied by an earlier request whose
 * answer never arrived: how they went is unknown, so their records are read again later
 * (lib/sync/reconcile.ts). Inside applyingServerData over the refused results' tables.
 */
export async function confirmUpTo(d: HoldfastDB, lastMutationId: number, results: PushResponse['results'] = []): Promise<{ confirmed: number; refused: Refusal[] }> {
  const confirmed: OutboxEntry[] = await d.outbox.where('id').belowOrEqual(lastMutationId).toArray();
  if (!confirmed.length) return { confirmed: 0, refused: [] };
  await d.outbox.bulkDelete(confirmed.map((e) => e.id));

  const answered = new Map(results.map((r) => [r.id, r]));
  await noteUncertain(
    d,
    confirmed.filter((e) => !answered.has(e.id)).map((e) => ({ table: e.table, recordId: e.recordId })),
  );

  const at = new Date().toISOString();
  const refused: Refusal[] = [];
  const byId = new Map(confirmed.map((e) => [e.id, e]));
  for (const r of results) {
    if (r.ok || r.id > lastMutationId) continue;
    const entry = byId.get(r.id);
    const label = labelOf(entry?.op === 'put' ? entry.record : undefined) ?? labelOf(r.current);
    refused.push({ table: r.table, recordId: r.recordId, ...(label ? { label } : {}), code: r.code, reason: r.reason, at });
    if (!(await hasPending(d, r.table, r.recordId))) await storeServerRecord(d, r.table, r.recordId, r.current);
  }
  await noteRefusals(d, refused);
  return { confirmed: confirmed.length, refused };
}

/** The tables a push answer's refusals restore records in. */
export function refusedTables(res: PushResponse): SyncedTable[] {
  return [...new Set(res.results.flatMap((r) => (r.ok ? [] : [r.table])))];
}
