/**
 * Connect the CRM (issue 16) in the background, which alone holds the tokens and reads the
 * browser's CRM sessions: the connect/disconnect/sync/cancel/status messages from the
 * extension's own pages, one sync per product at a time, an alarm for incremental syncs
 * (honouring the backoff after failures), and an incremental sync when a page of a connected
 * CRM is opened (at most every PAGE_SYNC_MIN minutes).
 */
import { browser } from 'wxt/browser';
import { db } from '@/lib/db';
import { handle, MessageRefused, type Sender } from '@/lib/messaging';
import * as msg from '@/lib/messaging/crm-messages';
import type { CrmConnectReply } from '@/lib/messaging/crm-messages';
import { apiHostFor, needsToken, permissionsFor, salesforceApiHost } from '@/lib/crm/address';
import { makeClient, type MakeClientDeps } from '@/lib/crm/clients';
import { runCrmSync } from '@/lib/crm/engine';
import { CrmError, isCrmError } from '@/lib/crm/errors';
import { salesforceSession } from '@/lib/crm/session';
import { statusOf, type CrmConnectionRow, type CrmProgress, type CrmStatus } from '@/lib/crm/state';
import type { CrmFetch, CrmProduct } from '@/lib/crm/types';
import { broadcastDataChanged } from './broadcast';

export const CRM_ALARM = 'holdfast-crm';
export const CRM_PERIOD_MIN = 30;
/** A CRM page opened syncs that CRM at most this often. */
export const PAGE_SYNC_MIN = 5;
/** While a sync runs, an extension API call this often keeps the service worker alive. */
const KEEPALIVE_MS = 20_000;

export interface CrmBackgroundDeps {
  fetch?: CrmFetch;
  session?: (apiHost: string) => Promise<string | undefined>;
  now?: () => number;
}

interface Running {
  controller: AbortController;
  progress: CrmProgress;
  done: Promise<void>;
}

/**
 * Connecting reads a CRM with the user's session or token, and cancelling or disconnecting
 * changes what the book holds: only the extension's own pages (options) may ask, never a
 * content script (a hostile page could steer it).
 */
function fromExtensionPage(sender: Sender): void {
  if (!sender.url?.startsWith(browser.runtime.getURL('/'))) throw new MessageRefused('CRM connections are managed from the extension’s own pages only');
}

/** Is `host` (a page the rep opened) a page of this connection's CRM? */
export function isPageOf(row: Pick<CrmConnectionRow, 'key' | 'apiHost'>, host: string): boolean {
  const h = host.toLowerCase();
  switch (row.key) {
    case 'salesforce':
      return salesforceApiHost(`https://${h}`) === row.apiHost;
    case 'hubspot':
      return /^app(?:-[a-z0-9]+)?\.hubspot\.com$/.test(h);
    case 'pipedrive':
    case 'dynamics':
      return h === row.apiHost;
  }
}

export function registerCrm(deps: CrmBackgroundDeps = {}): { syncNow: (product: CrmProduct, reason: 'manual' | 'alarm' | 'page' | 'connect') => Promise<void> } {
  const now = deps.now ?? Date.now;
  const running = new Map<CrmProduct, Running>();
  const lastPageSync = new Map<CrmProduct, number>();
  /** The connections' products and hosts, for the page check without a database read each time. */
  let hosts: Promise<Array<Pick<CrmConnectionRow, 'key' | 'apiHost'>>> | undefined;
  const refreshHosts = () => (hosts = db().crm.toArray().then((rows) => rows.map(({ key, apiHost }) => ({ key, apiHost })), () => []));

  const clientDeps = (r: Running | undefined): MakeClientDeps => ({
    fetch: deps.fetch ?? ((url, init) => fetch(url, init)),
    salesforceSession: deps.session ?? salesforceSession,
    onWait: (ms) => {
      if (r) r.progress.waitingUntil = now() + ms;
    },
  });

  const statuses = async (): Promise<CrmStatus[]> => {
    const rows = await db().crm.toArray();
    return rows.map((row) => statusOf(row, running.get(row.key)?.progress));
  };

  /**
   * Start (or join) the product's sync. Registered as running before anything is awaited, so
   * the status answered right after (connect, Sync now) already shows its progress.
   */
  const syncNow = (product: CrmProduct, reason: 'manual' | 'alarm' | 'page' | 'connect'): Promise<void> => {
    const already = running.get(product);
    if (already) return already.done;
    const r: Running = { controller: new AbortController(), progress: { phase: 'accounts', records: 0, pages: 0, doneInPhase: 0, first: true }, done: Promise.resolve() };
    running.set(product, r);
    r.done = (async () => {
      let keepAlive: ReturnType<typeof setInterval> | undefined;
      try {
        const row = await db().crm.get(product);
        if (!row) return;
        // Automatic syncs wait out the backoff after failures; the user's "Sync now" does not.
        if ((reason === 'alarm' || reason === 'page') && row.nextAttemptAt !== undefined && row.nextAttemptAt > now()) return;
        r.progress.first = !row.since;
        keepAlive = setInterval(() => void browser.runtime.getPlatformInfo().catch(() => undefined), KEEPALIVE_MS);
        const client = makeClient({ product: row.key, apiHost: row.apiHost, ...(row.token ? { token: row.token } : {}) }, clientDeps(r));
        const result = await runCrmSync({
          db: db(), row, client, signal: r.controller.signal, now,
          onProgress: (p) => {
            r.progress = p;
          },
        });
        if (result.changed) broadcastDataChanged();
      } catch (e) {
        // makeClient refusing (no token) or the row unsaveable: noted on the row, as any failure.
        const error = isCrmError(e) ? e : new CrmError('bad_response', e instanceof Error ? e.message.slice(0, 300) : 'sync failed');
        await db().crm.update(product, { lastError: { code: error.code, detail: error.detail, at: new Date(now()).toISOString() } }).catch(() => undefined);
      } finally {
        clearInterval(keepAlive);
        running.delete(product);
      }
    })();
    return r.done;
  };

  const cancel = async (product: CrmProduct) => {
    const r = running.get(product);
    if (!r) return;
    r.controller.abort();
    await r.done;
  };

  handle(msg.crmConnect, async (input, sender): Promise<CrmConnectReply> => {
    fromExtensionPage(sender);
    const apiHost = apiHostFor(input.product, input.address ?? '');
    if (!apiHost) return { ok: false, code: 'bad_response', detail: 'not an address of this CRM' };
    const withToken = needsToken(input.product);
    if (withToken && !input.token) return { ok: false, code: 'bad_token', detail: 'no token' };
    const wanted = permissionsFor(input.product, apiHost);
    const granted = await browser.permissions.contains(wanted as Parameters<typeof browser.permissions.contains>[0]).catch(() => false);
    if (!granted) return { ok: false, code: 'no_permission', detail: `needs ${[...wanted.permissions, ...wanted.origins].join(', ')}` };
    try {
      const client = makeClient({ product: input.product, apiHost, ...(withToken ? { token: input.token! } : {}) }, clientDeps(undefined));
      const me = await client.whoAmI();
      await cancel(input.product);
      const row: CrmConnectionRow = {
        key: input.product, apiHost, tenant: me.tenant, share: input.share, connectedAt: new Date(now()).toISOString(), failures: 0,
        ...(withToken ? { token: input.token! } : {}),
        ...(me.userName ? { userName: me.userName } : {}),
        ...(me.currency ? { currency: me.currency } : {}),
      };
      await db().crm.put(row);
      void refreshHosts();
      // The first sync may take minutes (a big org): it runs on; options watches crmStatus.
      void syncNow(input.product, 'connect');
      return { ok: true, status: statusOf(row, running.get(input.product)?.progress) };
    } catch (e) {
      if (isCrmError(e)) return { ok: false, code: e.code, detail: e.detail };
      throw e;
    }
  });

  handle(msg.crmDisconnect, async ({ product }, sender) => {
    fromExtensionPage(sender);
    await cancel(product);
    // What it brought in stays: it is the rep's book now. The token goes with the row.
    await db().crm.delete(product);
    void refreshHosts();
    return { ok: true };
  });

  handle(msg.crmSyncNow, async ({ product }, sender) => {
    fromExtensionPage(sender);
    void syncNow(product, 'manual');
    return statuses();
  });

  handle(msg.crmCancel, async ({ product }, sender) => {
    fromExtensionPage(sender);
    await cancel(product);
    return statuses();
  });

  handle(msg.crmStatus, async (_none, sender) => {
    fromExtensionPage(sender);
    return statuses();
  });

  const ensureAlarm = async () => {
    if (!(await browser.alarms.get(CRM_ALARM))) await browser.alarms.create(CRM_ALARM, { periodInMinutes: CRM_PERIOD_MIN, delayInMinutes: CRM_PERIOD_MIN });
  };
  void ensureAlarm().catch(() => undefined);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== CRM_ALARM) return;
    void db()
      .crm.toArray()
      .then((rows) => Promise.all(rows.map((row) => syncNow(row.key, 'alarm'))))
      .catch(() => undefined);
  });

  pageHook = (host) => {
    void (hosts ?? refreshHosts()).then((list) => {
      for (const row of list) {
        if (!isPageOf(row, host)) continue;
        const last = lastPageSync.get(row.key) ?? -Infinity;
        if (now() - last < PAGE_SYNC_MIN * 60_000) continue;
        lastPageSync.set(row.key, now());
        void syncNow(row.key, 'page');
      }
    });
  };

  return { syncNow };
}

let pageHook: ((host: string) => void) | undefined;

/**
 * A content script asked about its page (lookupSubject): when the page is one of a connected
 * CRM, that CRM gets an incremental sync (at most every PAGE_SYNC_MIN minutes). The sender's
 * address is the browser's record of the frame, not what the page says. Never delays the answer.
 */
export function crmPageSeen(sender: Sender): void {
  const url = sender.tab ? (sender.url ?? sender.tab.url) : undefined;
  if (!url || !pageHook) return;
  try {
    const u = new URL(url);
    if (u.protocol === 'https:') pageHook(u.hostname);
  } catch {
    // not an address: nothing to sync
  }
}
