import { browser } from 'wxt/browser';
import { scriptsFor, type WantedScript } from '@/lib/sites/hosts';

/**
 * What should run where, from what the user has granted. The granted permissions are the one
 * source of truth — nothing else to keep in step.
 */
export async function wantedScripts(): Promise<WantedScript[]> {
  return scriptsFor((await browser.permissions.getAll()).origins ?? []);
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
  // Tabs already open (and loaded) on a newly enabled site get the dock without a reload; a
  // tab still loading gets it from the registration itself.
  for (const w of fresh.filter((w) => !registered.some((r) => r.id === w.id))) {
    const tabs = await browser.tabs.query({ url: w.matches, status: 'complete' }).catch(() => []);
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
