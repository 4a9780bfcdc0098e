/**
 * Settling records whose mutation the server confirmed without an answer (lib/sync/apply.ts
 * confirmUpTo): the request reached the server, the answer did not reach us, and the retry
 * was skipped as a duplicate. If the server refused it, its record did not change, so no
 * later pull brings it back, and this device would keep a version the team does not have.
 *
 * So the team's stream is read again from the start, keeping only those records, and the
 * server's version of each is stored (none in the stream: the server has no such record).
 * This costs a full read, but only after an answer was lost.
 */
import type { HoldfastDB } from '../db/database';
import { storeServerRecord } from './apply';
import type { SyncClient } from './http';
import { MAX_PULL_LIMIT } from './protocol';
import { applyingServerData, hasPending, readUncertain } from './store';

export async function reconcileUncertain(d: HoldfastDB, client: SyncClient, clientId: string): Promise<number> {
  const uncertain = await readUncertain(d);
  if (!uncertain.length) return 0;
  const key = (table: string, id: string) => `${table}\u0000${id}`;
  const wanted = new Set(uncertain.map((u) => key(u.table, u.recordId)));
  const found = new Map<string, unknown>();
  let cursor = '0';
  for (;;) {
    const page = await client.pull(clientId, cursor, MAX_PULL_LIMIT);
    for (const c of page.changes) if (wanted.has(key(c.table, c.id))) found.set(key(c.table, c.id), c.record);
    cursor = page.cursor;
    if (!page.more) break;
  }
  let settled = 0;
  await applyingServerData(d, uncertain.map((u) => u.table), async () => {
    // Only those noted before this read began: one noted meanwhile waits for the next round.
    const now = await readUncertain(d);
    const left = now.filter((u) => !wanted.has(key(u.table, u.recordId)));
    for (const u of uncertain) {
      if (await hasPending(d, u.table, u.recordId)) continue;
      await storeServerRecord(d, u.table, u.recordId, found.get(key(u.table, u.recordId)) ?? null);
      settled++;
    }
    await d.sync.put({ key: 'uncertain', list: left });
  });
  return settled;
}
