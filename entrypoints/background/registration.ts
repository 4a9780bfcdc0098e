import { browser } from 'wxt/browser';
import { scriptsFor, type WantedScript } from '@/lib/sites/hosts';
import { PRODUCT_HOSTS_KEY, readProductHosts } from '@/lib/sites/product-hosts';

/**
 * What should run where, from what the user has granted: the granted permissions say where
 * Holdfast may run at all; the company hosts mapped to a product (Options → Sites) say which
 * product's script runs on such a host instead of the generic one.
 */
export async function wantedScripts(): Promise<WantedScript[]> {
  const [granted, productHosts] = await Promise.all([browser.permissions.getAll(), readProductHosts().catch(() => [])]);
  return scriptsFor(granted.origins ?? [], productHosts);
}

/** Resync when the company hosts mapped to products change (they are written by the options page). */
export function watchProductHosts(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && PRODUCT_HOSTS_KEY in changes) void scheduleSync();
  });
}

/**
 * Bring registered content scripts in line with the granted hosts. Only what changed is
 * touched: unregistering an unchanged script would leave a gap in which a page loads
 * without its dock.
 */
export async function syncContentScripts(): Promise<void> {
  const wanted = await wantedScripts();
  const registered = (await browser.scripting.getRegisteredContentScripts()).filter((r) => r.id.startsWith('holdfast-'));
  const same = (w: WantedScript) => registered.some((r) => r.id === w.id && sameList(r.matches, w.matches) && sameList(r.js, w.js));
  const stale = registered.filter((r) => !wanted.some((w) => same(w) && w.id === r.id)).map((r) => r.id);
  const fresh = wanted.filter((w) => !same(w));
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
  if (fresh.length) {
    await browser.scripting.registerContentScripts(fresh.map((w) => ({ ...w, runAt: 'document_end' as const, persistAcrossSessions: true })));
  }
  // Tabs already open (and loaded) on a newly enabled site — a new product, or a host newly
  // added to one — get the dock without a reload; a tab still loading gets it from the
  // registration itself.
  for (const w of fresh) {
    const before = registered.find((r) => r.id === w.id)?.matches ?? [];
    const added = w.matches.filter((m) => !before.includes(m));
    if (!added.length) continue;
    const tabs = await browser.tabs.query({ url: added, status: 'complete' }).catch(() => []);
    for (const tab of tabs) {
      if (tab.id !== undefined) await browser.scripting.executeScript({ target: { tabId: tab.id }, files: w.js as ScriptFiles }).catch(() => undefined);
    }
  }
}

function sameList(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return !!a && a.length === b.length && a.every((x) => b.includes(x));
}

/** WXT types script paths from the build; ours come from scriptFile(), which names built files. */
type ScriptFiles = NonNullable<Parameters<typeof browser.scripting.executeScript>[0]['files']>;

let queue: Promise<void> = Promise.resolve();

/** Serialise syncs: permission events can arrive in bursts. */
export function scheduleSync(): Promise<void> {
  queue = queue.then(syncContentScripts).catch((err) => console.error('[holdfast] content script sync failed', err));
  return queue;
}
