/**
 * Connecting this device to a team server and disconnecting it.
 *
 * Connect: ask the server who the token belongs to (`GET /v1/me`); take the team's id for me
 * (lib/sync/identity.ts); store the connection with a fresh client id, the mutation counter
 * at 1 and capture on — all in one transaction, so from the first write after it every
 * change is queued. The first sync (lib/sync/first-sync.ts) then merges and queues what
 * was here before.
 *
 * Disconnect: capture off, the outbox emptied, the token forgotten. Nothing is lost by
 * emptying the outbox: every pending change is also in the local tables, and connecting
 * again merges them with the team's data and queues whatever the team lacks or has older.
 * (While disconnected nothing is queued, for the same reason.)
 */
import type { HoldfastDB } from '../db/database';
import { nowIso } from '../util/ids';
import { SyncClient, SyncHttpError, type FetchLike } from './http';
import { adoptRepId } from './identity';
import type { MeResponse } from './protocol';
import { checkServerUrl } from './server-url';
import { EMPTY_STATUS, type SyncErrorCode } from './state';

export type ConnectResult = { ok: true; me: MeResponse } | { ok: false; code: SyncErrorCode | 'bad_url'; reason: string };

export interface ConnectOptions {
  fetch: FetchLike;
  timeoutMs?: number;
  newClientId?: () => string;
}

export async function connect(d: HoldfastDB, input: { serverUrl: string; token: string }, o: ConnectOptions): Promise<ConnectResult> {
  const url = checkServerUrl(input.serverUrl);
  if (!url.ok) return { ok: false, code: 'bad_url', reason: url.problem };
  const token = input.token.trim();
  let me: MeResponse;
  try {
    me = await new SyncClient({ serverUrl: url.url, token, fetch: o.fetch, ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}) }).me();
  } catch (err) {
    if (err instanceof SyncHttpError) return { ok: false, code: err.code, reason: err.message };
    throw err;
  }
  const clientId = (o.newClientId ?? (() => crypto.randomUUID()))();
  await d.transaction('rw', [d.settings, d.reps, d.problems, d.notes, d.pods, d.customers, d.sync, d.outbox], async () => {
    await adoptRepId(d, me);
    await d.outbox.clear();
    await d.sync.bulkPut([
      { key: 'config', serverUrl: url.url, token, clientId, teamId: me.teamId, teamName: me.teamName, repId: me.repId, repName: me.repName, role: me.role, connectedAt: nowIso(), firstSync: true },
      { key: 'capture', on: true, nextId: 1 },
      { key: 'cursor', cursor: '0' },
      EMPTY_STATUS,
      { key: 'refusals', list: [] },
      { key: 'uncertain', list: [] },
    ]);
  });
  return { ok: true, me };
}

/** Forget the connection. Returns how many changes were waiting (they stay in the local tables). */
export async function disconnect(d: HoldfastDB): Promise<number> {
  return d.transaction('rw', d.sync, d.outbox, async () => {
    const pending = await d.outbox.count();
    await d.outbox.clear();
    await d.sync.bulkDelete(['config', 'cursor', 'status', 'refusals', 'uncertain']);
    await d.sync.put({ key: 'capture', on: false, nextId: 1 });
    return pending;
  });
}
