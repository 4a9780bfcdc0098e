import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Contact, Customer, Note, Pod, Problem, Rep, RevenueLine } from '../model';
import { captureMiddleware } from '../sync/capture';
import type { OutboxEntry } from '../sync/outbox';
import type { SyncRow } from '../sync/state';
import type { CrmConnectionRow } from '../crm/state';
import type { CoachRow } from './coach-rows';
import { versions } from './versions';

/** A customer as stored: the record plus the fields derived for its indexes. */
export type CustomerRow = Customer & { crmKeys: string[]; nameKey: string };

export interface SettingRow {
  key: string;
  value: unknown;
}

export const DB_NAME = 'holdfast';

/**
 * The local database. It lives in the extension's origin only: the background, popup, side
 * panel and options open it; the content script never does (its IndexedDB would be the
 * host page's).
 */
export class HoldfastDB extends Dexie {
  customers!: EntityTable<CustomerRow, 'id'>;
  revenueLines!: EntityTable<RevenueLine, 'id'>;
  contacts!: EntityTable<Contact, 'id'>;
  /** Coaches with their derived index field `customerKeys` (lib/db/coach-rows.ts). */
  coaches!: EntityTable<CoachRow, 'id'>;
  problems!: EntityTable<Problem, 'id'>;
  reps!: EntityTable<Rep, 'id'>;
  pods!: EntityTable<Pod, 'id'>;
  notes!: EntityTable<Note, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  /** Team sync (lib/sync): mutations waiting for the server, and the sync state. */
  outbox!: EntityTable<OutboxEntry, 'id'>;
  sync!: Table<SyncRow, string>;
  /** CRM connections (lib/crm): background only, never backed up. */
  crm!: Table<CrmConnectionRow, string>;

  constructor(name = DB_NAME) {
    super(name);
    for (const v of versions) {
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
    // Every write to a synced table queues its mutation while connected (lib/sync/capture.ts).
    this.use(captureMiddleware);
  }
}

let shared: HoldfastDB | undefined;

/** The one database connection of this context, opened on first use. */
export function db(): HoldfastDB {
  shared ??= new HoldfastDB();
  return shared;
}
