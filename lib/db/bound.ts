import type { Transaction } from 'dexie';
import type { HoldfastDB } from './database';

/**
 * `d` with its tables bound to `tx`: every read and write made through it goes to that
 * transaction, whatever Dexie's zone says. Dexie finds the current transaction through a zone
 * carried across `await`s by a heuristic ("zone echoes") that two transactions running at
 * once in one context confuse: after a deep enough chain of awaits an operation ran outside
 * its transaction, which, idle, then committed under it ("Transaction committed too early").
 * Bound tables do not depend on the zone. Use it wherever transactions may overlap: the
 * background's answers (two tabs asking at once), an import's overlapping chunks.
 */
export function boundTo(d: HoldfastDB, tx: Transaction): HoldfastDB {
  const view = Object.create(d) as HoldfastDB;
  for (const name of tx.storeNames) {
    // The sync capture adds its own stores to write transactions; they are not tables of ours.
    if (name in d) Object.defineProperty(view, name, { value: tx.table(name) });
  }
  return view;
}
