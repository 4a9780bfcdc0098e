import { browser } from 'wxt/browser';
import { liveQuery } from 'dexie';
import { db } from '@/lib/db';
import { handle, MessageRefused, type Sender } from '@/lib/messaging';
import * as msg from '@/lib/messaging/sync-messages';
import type { SyncConnectReply } from '@/lib/messaging/sync-schema';
import { connect, disconnect } from '@/lib/sync/connect';
import { syncOnce } from '@/lib/sync/engine';
import type { FirstSyncProgress } from '@/lib/sync/first-sync';
import type { FetchLike } from '@/lib/sync/http';
import { SyncRunner } from '@/lib/sync/runner';
import { readSyncStatus } from '@/lib/sync/status';

export const SYNC_ALARM = 'holdfast-sync';
/** The floor: even with no change here, the team's changes arrive this often (minutes). */
export const SYNC_PERIOD_MIN = 5;

/** The background's own fetch: the server answers CORS for extension origins, no host permission needed. */
const backgroundFetch: FetchLike = (url, init) => fetch(url, init);

/**
 * Connecting sends the token to a server and points this device's data at it; only the
 * extension's own pages (options) may ask, never a content script (which a hostile page
 * could steer into syncing the team's data to itself).
 */
function fromExtensionPage(sender: Sender): void {
  if (!sender.url?.startsWith(browser.runtime.getURL('/'))) throw new MessageRefused('team sync is managed from the extension’s own pages only');
}

/**
 * Team sync in the background (lib/sync): a round at start, soon after every change any
 * context makes (Dexie relays writes here; the outbox count going up is the signal), on an
 * alarm, and when the user asks. The token never leaves the background: the status the
 * pages read carries everything but it.
 */
export function registerSync(): void {
  let progress: FirstSyncProgress | undefined;
  const runner = new SyncRunner({
    db: db(),
    round: () =>
      syncOnce({ db: db(), fetch: backgroundFetch, onProgress: (p) => (progress = p) }).finally(() => {
        progress = undefined;
      }),
  });

  let seen = Number.POSITIVE_INFINITY;
  liveQuery(() => db().outbox.count()).subscribe({
    next: (count) => {
      if (count > seen) void runner.trigger('change');
      seen = count;
    },
    error: (err: unknown) => console.error('[holdfast] sync: watching the outbox failed', err),
  });

  const ensureAlarm = async () => {
    if (!(await browser.alarms.get(SYNC_ALARM))) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MIN, delayInMinutes: SYNC_PERIOD_MIN });
  };
  void ensureAlarm();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void runner.trigger('alarm');
  });

  handle(msg.syncConnect, async (input, sender): Promise<SyncConnectReply> => {
    fromExtensionPage(sender);
    const result = await runner.exclusive(() => connect(db(), input, { fetch: backgroundFetch }));
    if (!result.ok) return { ok: false, code: result.code, reason: result.reason };
    // The first sync may take a while (a big book): it runs on, the options page watches.
    void runner.trigger('manual');
    return { ok: true, teamName: result.me.teamName, repName: result.me.repName };
  });
  handle(msg.syncDisconnect, async (_none, sender) => {
    fromExtensionPage(sender);
    return { dropped: await runner.exclusive(() => disconnect(db())) };
  });
  handle(msg.syncNow, async (_none, sender) => {
    fromExtensionPage(sender);
    await runner.trigger('manual');
    return readSyncStatus(db(), progress);
  });
  handle(msg.syncStatus, async (_none, sender) => {
    fromExtensionPage(sender);
    return readSyncStatus(db(), progress);
  });

  void runner.trigger('start');
}
