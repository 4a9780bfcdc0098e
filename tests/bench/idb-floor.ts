/**
 * What IndexedDB itself costs on this machine, beside the import's write time (import.ts):
 * 100,000 puts with no Holdfast code in the way, in the same page and profile the import uses,
 * in 10,000-put transactions with relaxed durability as the import writes them. Once with a
 * bare record and no index (the least any one-record-per-row write can cost), once with
 * customer-shaped rows and the customers table's own indexes (lib/db/versions.ts). The
 * import's "database writes" can only be judged against these: on the 2-core machine the
 * project runs on, the bare floor alone is above DESIGN's 5 s per 100,000 rows.
 */
import type { Page } from '@playwright/test';

export interface IdbFloor {
  bareMs: number;
  customersMs: number;
}

export async function idbFloor(page: Page, rows = 100_000): Promise<IdbFloor> {
  // tsx keeps function names by wrapping them in its __name helper, which the page lacks.
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate(async (n) => {
    const run = async (shaped: boolean): Promise<number> => {
      const name = `holdfast-bench-floor-${shaped ? 'customers' : 'bare'}`;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name, 1);
        open.onupgradeneeded = () => {
          const store = open.result.createObjectStore('c', { keyPath: 'id' });
          if (!shaped) return;
          // The customers table's indexes: 'id, *domains, *crmKeys, nameKey, ownerRepId, updatedAt'.
          store.createIndex('domains', 'domains', { multiEntry: true });
          store.createIndex('crmKeys', 'crmKeys', { multiEntry: true });
          store.createIndex('nameKey', 'nameKey');
          store.createIndex('ownerRepId', 'ownerRepId');
          store.createIndex('updatedAt', 'updatedAt');
        };
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const id = (i: number) => `c${i.toString(36).padStart(12, '0')}`;
      const record = (i: number) =>
        shaped
          ? {
              id: id(i),
              updatedAt: '2026-12-04T03:00:00.000Z',
              name: `Company ${i}, Inc.`,
              domains: [`company${i}.example`],
              crmRefs: [{ site: 'salesforce', objectType: 'Account', recordId: `001Dn${id(i)}`, tenant: 'acme' }],
              crmKeys: [`salesforce|acme|Account|001Dn${id(i)}`],
              nameKey: `company ${i}`,
              ownerRepId: `rep_${i % 40}`,
              customerSince: '2015-01-01',
            }
          : { id: id(i) };
      const records = Array.from({ length: n }, (_, i) => record(i));
      const t0 = performance.now();
      for (let from = 0; from < n; from += 10_000) {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('c', 'readwrite', { durability: 'relaxed' });
          const store = tx.objectStore('c');
          for (let i = from; i < Math.min(n, from + 10_000); i++) store.put(records[i]);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      const ms = performance.now() - t0;
      db.close();
      await new Promise((resolve) => {
        const del = indexedDB.deleteDatabase(name);
        del.onsuccess = del.onerror = del.onblocked = resolve;
      });
      return ms;
    };
    return { bareMs: await run(false), customersMs: await run(true) };
  }, rows);
}
