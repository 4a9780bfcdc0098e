/**
 * Small tables the background reads on every `lookupSubject` — who I am, my pod, the reps,
 * the coaches while they are few — kept in memory, so that an answer spends its IndexedDB
 * requests on the customer alone (DESIGN §7: ≤ 5 ms median; in Chromium every request is a
 * round trip to the browser process).
 *
 * Correctness: every Dexie write in any of this extension's contexts fires Dexie's
 * `storagemutated` event here (this context's own writes at commit, the others' through
 * Dexie's BroadcastChannel). Each event bumps the version of the tables it names; an entry
 * is used only while the versions of the tables it was read from are unchanged. As a safety
 * net against an event that never comes (a write from outside Dexie), entries also expire
 * after MAX_AGE_MS. A load runs in the caller's transaction, so it sees the same snapshot as
 * the rest of the answer; a failed load is not kept.
 */
import Dexie from 'dexie';
import type { HoldfastDB } from './database';

export const MAX_AGE_MS = 30_000;

type TableName = 'settings' | 'reps' | 'pods' | 'coaches';

interface Entry {
  stamp: string;
  at: number;
  value: Promise<unknown>;
  /** Loaded: only then is it shared (see `cached`). */
  settled: boolean;
}

interface DbCache {
  versions: Map<string, number>;
  entries: Map<string, Entry>;
}

const caches = new Map<string, DbCache>();
let listening = false;

/** The mutated parts' keys look like `idb://<db>/<table>/<index>`; `all` means everything. */
function noteMutations(parts: Record<string, unknown>): void {
  for (const key of Object.keys(parts)) {
    if (key === 'all') {
      for (const c of caches.values()) c.entries.clear();
      continue;
    }
    const [, , db, table] = key.split('/');
    const c = db === undefined ? undefined : caches.get(db);
    if (c && table) c.versions.set(table, (c.versions.get(table) ?? 0) + 1);
  }
}

function cacheOf(d: HoldfastDB): DbCache {
  if (!listening) {
    Dexie.on('storagemutated', noteMutations);
    listening = true;
  }
  let c = caches.get(d.name);
  if (!c) {
    c = { versions: new Map(), entries: new Map() };
    caches.set(d.name, c);
    // Deleted or reopened under a newer schema by another context: start again.
    const drop = () => caches.delete(d.name);
    d.on('versionchange', drop);
    d.on('close', drop);
  }
  return c;
}

const stampOf = (c: DbCache, tables: readonly TableName[]) => tables.map((t) => c.versions.get(t) ?? 0).join('.');

/**
 * `load()`'s result, reused while none of `tables` has changed (and for at most MAX_AGE_MS).
 * `key` names what is cached; the same key must always be loaded from the same tables.
 *
 * Only a finished load is shared. One still running reads in another answer's transaction;
 * waiting for it would leave this answer's transaction without a request of its own, and
 * IndexedDB commits such a transaction under it (Dexie: "Transaction committed too early").
 * Concurrent answers each load instead.
 */
export function cached<T>(d: HoldfastDB, key: string, tables: readonly TableName[], load: () => Promise<T>, now = Date.now()): Promise<T> {
  const c = cacheOf(d);
  const stamp = stampOf(c, tables);
  const hit = c.entries.get(key);
  if (hit?.settled && hit.stamp === stamp && now - hit.at < MAX_AGE_MS) return hit.value as Promise<T>;
  const value = load();
  const entry: Entry = { stamp, at: now, value, settled: false };
  c.entries.set(key, entry);
  value.then(
    () => {
      entry.settled = true;
    },
    () => {
      if (c.entries.get(key) === entry) c.entries.delete(key);
    },
  );
  return value;
}

/** Forget everything cached for `d` (tests; a wipe). */
export function dropCache(d: HoldfastDB): void {
  caches.get(d.name)?.entries.clear();
}
