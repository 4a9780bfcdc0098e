import type { HoldfastDB } from '../db/database';
import type { SyncStatus } from '../messaging/sync-schema';
import type { FirstSyncProgress } from './first-sync';
import { readConfig, readRefusals, readStatus } from './store';

/** Where sync stands, for the options page and the popup: everything but the token. */
export async function readSyncStatus(d: HoldfastDB, progress?: FirstSyncProgress): Promise<SyncStatus> {
  return d.transaction('r', d.sync, d.outbox, async () => {
    const [config, status, refusals, pending] = await Promise.all([readConfig(d), readStatus(d), readRefusals(d), d.outbox.count()]);
    if (!config) return { connected: false, pending: 0, refusals: [] };
    return {
      connected: true,
      serverUrl: config.serverUrl,
      teamName: config.teamName,
      repName: config.repName,
      role: config.role,
      pending,
      refusals,
      ...(status.lastSyncAt ? { lastSyncAt: status.lastSyncAt } : {}),
      ...(status.lastError ? { lastError: status.lastError } : {}),
      ...(status.nextAttemptAt !== undefined ? { nextAttemptAt: status.nextAttemptAt } : {}),
      ...(status.stopped ? { stopped: true } : {}),
      ...(config.firstSync ? { firstSync: true } : {}),
      ...(config.firstSync && progress ? { progress } : {}),
    };
  });
}
