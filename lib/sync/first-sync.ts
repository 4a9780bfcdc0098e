/**
 * The first sync after connecting: this device's data meets the team's.
 *
 * 1. Pull the team's whole stream from the start. A record the team has in a version as
 *    new as this device's (or newer), or one this device lacks, is taken; a record this
 *    device has in a newer version is kept. Records with pending local mutations (made
 *    since connecting) are left alone, as in every pull.
 * 2. Queue a `put` for every local record the team lacks or has in an older version, in
 *    batches of BATCH (one transaction each, progress after each), parents first (reps and
 *    customers before the problems and notes that refer to them).
 *
 * So nothing the rep logged before connecting is lost, and a device that reconnects does
 * not overwrite teammates' newer work with its stale copies. An interrupted first sync
 * (the background stopped) runs again from the start: both steps are idempotent.
 */
import type { HoldfastDB } from '../db/database';
import { privateCrmRecords } from '../crm/private';
import { applyChanges } from './apply';
import type { SyncClient } from './http';
import type { OutboxDraft } from './outbox';
import { MAX_PULL_LIMIT, type Change, type SyncedTable } from './protocol';
import { queueDrafts } from './queue';
import { labelOf, parseRecord } from './records';
import type { Refusal } from './state';
import { applyingServerData, noteRefusals, saveCursor, syncedTable } from './store';

/** Parents first, so the server meets a record's references before the record. */
export const QUEUE_ORDER: readonly SyncedTable[] = ['reps', 'customers', 'contacts', 'coaches', 'revenueLines', 'problems', 'pods', 'notes'];
const BATCH = 500;

export interface FirstSyncProgress {
  phase: 'pull' | 'queue';
  done: number;
  total?: number;
}

const keyOf = (table: string, id: string) => `${table}\u0000${id}`;
const time = (iso: unknown) => (typeof iso === 'string' ? Date.parse(iso) : NaN);

/** Ids of `table` between `from` and `to` (inclusive) with pending outbox entries: one index range read. */
async function pendingIds(d: HoldfastDB, table: SyncedTable, from: string, to: string): Promise<Set<string>> {
  const keys = await d.outbox.where('[table+recordId]').between([table, from], [table, to], true, true).keys();
  return new Set(keys.map((k) => String((k as unknown as [string, string])[1])));
}

export async function firstSync(d: HoldfastDB, client: SyncClient, clientId: string, onProgress?: (p: FirstSyncProgress) => void): Promise<{ taken: number; queued: number }> {
  // Records that, after the pull, are as the team has them: nothing to queue for them.
  const same = new Set<string>();
  let cursor = '0';
  let taken = 0;
  let pulled = 0;
  for (;;) {
    const page = await client.pull(clientId, cursor, MAX_PULL_LIMIT);
    const tables = [...new Set(page.changes.map((c) => c.table))];
    await applyingServerData(d, tables, async () => {
      const locals = await Promise.all(page.changes.map((c) => syncedTable(d, c.table).get(c.id)));
      const mineIsNewer = new Set<Change>();
      page.changes.forEach((c, i) => {
        const local = locals[i];
        if (local && c.record && time(local.updatedAt) > time(c.record.updatedAt)) mineIsNewer.add(c);
        else same.add(keyOf(c.table, c.id));
      });
      taken += (await applyChanges(d, page.changes, (c) => mineIsNewer.has(c))).applied;
      await saveCursor(d, page.cursor);
    });
    pulled += page.changes.length;
    onProgress?.({ phase: 'pull', done: pulled });
    cursor = page.cursor;
    if (!page.more) break;
  }

  // What a "just me" CRM connection brought in stays on this device (lib/crm/private.ts).
  const isPrivate = await privateCrmRecords(d);
  const total = (await Promise.all(QUEUE_ORDER.map((t) => syncedTable(d, t).count()))).reduce((a, b) => a + b, 0);
  let done = 0;
  let queued = 0;
  for (const table of QUEUE_ORDER) {
    let after: string | undefined;
    for (;;) {
      const t = syncedTable(d, table);
      const batch = await d.transaction('rw', t, d.outbox, d.sync, async () => {
        const rows = await (after === undefined ? t.orderBy(':id') : t.where(':id').above(after)).limit(BATCH).toArray();
        const drafts: OutboxDraft[] = [];
        const unsendable: Refusal[] = [];
        const at = new Date().toISOString();
        const pending = rows.length ? await pendingIds(d, table, String(rows[0]!.id), String(rows[rows.length - 1]!.id)) : new Set<string>();
        for (const row of rows) {
          const id = String(row.id);
          if (same.has(keyOf(table, id)) || pending.has(id) || isPrivate(table, row)) continue;
          const parsed = parseRecord(table, row);
          const label = labelOf(row);
          if (parsed.ok) drafts.push({ table, recordId: id, op: 'put', record: parsed.record, at });
          else unsendable.push({ table, recordId: id, ...(label ? { label } : {}), code: 'unsendable', reason: parsed.reason, at });
        }
        queued += await queueDrafts(d, drafts);
        await noteRefusals(d, unsendable);
        return rows;
      });
      done += batch.length;
      onProgress?.({ phase: 'queue', done, total });
      if (batch.length < BATCH) break;
      after = String(batch[batch.length - 1]!.id);
    }
  }
  return { taken, queued };
}
