/**
 * Every schema version of the local database, oldest first. A new version is appended here
 * with its stores and (when data must change shape) an upgrade, plus a fixture of the
 * previous shape under tests/fixtures/db/ — tests/unit/db-migrations.test.ts replays the
 * whole chain from each fixture to the newest version.
 */
import type { Transaction } from 'dexie';

export interface SchemaVersion {
  version: number;
  /** Dexie store definitions: primary key first, then indexes (`*` multi-entry, `[a+b]` compound). */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const versions: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // by domain and by CRM reference (crmKeys is derived from crmRefs, see lib/db/customers.ts)
      customers: 'id, *domains, *crmKeys, nameKey, ownerRepId, updatedAt',
      revenueLines: 'id, [customerId+date], date, updatedAt',
      contacts: 'id, customerId, *emails, updatedAt',
      coaches: 'id, contactId, updatedAt',
      problems: 'id, customerId, ownerRepId, status, [customerId+status], updatedAt',
      reps: 'id, email, updatedAt',
      pods: 'id, *memberIds, updatedAt',
      notes: 'id, customerId, updatedAt',
      // local-only key/value settings (who I am, preferences); never synced
      settings: 'key',
    },
  },
  {
    // Team sync (issue 8): the outbox of mutations waiting for the server, in mutation-id
    // order, findable by record (a pulled record with pending local mutations is not
    // overwritten); and the sync state (connection, counter, cursor, status), local only.
    // New stores only: nothing to upgrade.
    version: 2,
    stores: {
      outbox: 'id, [table+recordId]',
      sync: 'key',
    },
  },
];

export const LATEST_VERSION = versions[versions.length - 1]!.version;
