/**
 * Every schema version of the local database, oldest first. A new version is appended here
 * with its stores and (when data must change shape) an upgrade, plus a fixture of the
 * previous shape under tests/fixtures/db/ — tests/unit/db-migrations.test.ts replays the
 * whole chain from each fixture to the newest version.
 */
import type { Transaction } from 'dexie';
import type { Coach } from '../model';
import { markUncaptured } from '../sync/capture';
import { coachCustomerKeys } from './coach-rows';

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
  {
    // Derived, not copied (issue 14): a customer's coaches are found by the multi-entry index
    // `*customerKeys` on the coach rows, derived from each coach record (its referrals' customers,
    // its employers' domains and company names; lib/db/coach-rows.ts), instead of the reverse
    // links `Customer.coachIds` that every coach change wrote beside it and that concurrent
    // syncs could leave out of step. The upgrade derives the keys of every coach and drops the
    // old copy from the customer rows (old clients' records may still carry it: the model keeps
    // it optional, and lib/db/customers.ts toRow drops it again). Both are local row changes,
    // not edits of the records: nothing is queued for the team, no updatedAt moves.
    version: 3,
    stores: {
      coaches: 'id, contactId, *customerKeys, updatedAt',
    },
    upgrade: async (tx) => {
      markUncaptured();
      await tx
        .table('coaches')
        .toCollection()
        .modify((row: Coach & { customerKeys?: string[] }) => {
          row.customerKeys = coachCustomerKeys(row);
        });
      await tx
        .table('customers')
        .filter((row: { coachIds?: unknown }) => row.coachIds !== undefined)
        .modify((row: { coachIds?: unknown }) => {
          delete row.coachIds;
        });
    },
  },
  {
    // CRM connections (issue 16, lib/crm/state.ts): a table of their own, like `sync`, so the
    // tokens never go into backups (settings do) nor where content scripts could read them.
    // Revenue lines by the CRM deal they come from (RevenueLine.deal): a sync retires the lines
    // a deal no longer has, and all of a deleted or reopened deal's, without scanning the book.
    // Dropped: the customers' and revenue lines' `updatedAt` and the lines' `date` indexes, which
    // no query uses (sync reads the outbox, the panels a customer's lines by [customerId+date]):
    // every index is one more write per row, and an import writes 100,000 (tests/bench/import.ts).
    version: 4,
    stores: {
      crm: 'key',
      customers: 'id, *domains, *crmKeys, nameKey, ownerRepId',
      revenueLines: 'id, [customerId+date], deal',
    },
  },
];

export const LATEST_VERSION = versions[versions.length - 1]!.version;
