/**
 * Reading and writing the `sync` table's rows (lib/sync/state.ts). A row that does not parse
 * (an older or damaged shape) reads as absent: the safe default for each.
 */
import type { Table } from 'dexie';
import * as z from 'zod/mini';
import type { HoldfastDB } from '../db/database';
import { markUncaptured } from './capture';
import type { SyncedTable } from './protocol';
import {
  CaptureRow,
  ConfigRow,
  CursorRow,
  EMPTY_STATUS,
  RefusalsRow,
  StatusRow,
  UncertainRow,
  addRefusals,
  type Refusal,
  type SyncRow,
} from './state';

async function read<S extends z.ZodMiniType>(d: HoldfastDB, key: SyncRow['key'], schema: S): Promise<z.infer<S> | undefined> {
  const parsed = z.safeParse(schema, await d.sync.get(key));
  return parsed.success ? parsed.data : undefined;
}

export const readConfig = (d: HoldfastDB) => read(d, 'config', ConfigRow);
export const readCapture = (d: HoldfastDB) => read(d, 'capture', CaptureRow);
export const readCursor = async (d: HoldfastDB) => (await read(d, 'cursor', CursorRow))?.cursor ?? '0';
export const readStatus = async (d: HoldfastDB): Promise<StatusRow> => (await read(d, 'status', StatusRow)) ?? EMPTY_STATUS;
export const readRefusals = async (d: HoldfastDB): Promise<Refusal[]> => (await read(d, 'refusals', RefusalsRow))?.list ?? [];
export const readUncertain = async (d: HoldfastDB) => (await read(d, 'uncertain', UncertainRow))?.list ?? [];

export async function saveCursor(d: HoldfastDB, cursor: string): Promise<void> {
  await d.sync.put({ key: 'cursor', cursor });
}

export async function updateStatus(d: HoldfastDB, change: (s: StatusRow) => StatusRow): Promise<StatusRow> {
  return d.transaction('rw', d.sync, async () => {
    const next = change(await readStatus(d));
    await d.sync.put(next);
    return next;
  });
}

export async function noteRefusals(d: HoldfastDB, more: readonly Refusal[]): Promise<void> {
  if (!more.length) return;
  await d.transaction('rw', d.sync, async () => {
    await d.sync.put(addRefusals(await read(d, 'refusals', RefusalsRow), more));
  });
}

export async function noteUncertain(d: HoldfastDB, more: ReadonlyArray<{ table: SyncedTable; recordId: string }>): Promise<void> {
  if (!more.length) return;
  await d.transaction('rw', d.sync, async () => {
    const list = await readUncertain(d);
    const seen = new Set(list.map((u) => `${u.table}\u0000${u.recordId}`));
    for (const u of more) if (!seen.has(`${u.table}\u0000${u.recordId}`)) list.push({ table: u.table, recordId: u.recordId });
    await d.sync.put({ key: 'uncertain', list });
  });
}

/** The synced tables of this database, by name. */
export function syncedTable(d: HoldfastDB, name: SyncedTable): Table<Record<string, unknown>, string> {
  return d.table(name);
}

/**
 * One read-write transaction over `tables` (plus the outbox and the sync state) whose writes
 * apply the server's data: they are not queued as mutations of this device.
 */
export function applyingServerData<T>(d: HoldfastDB, tables: readonly SyncedTable[], fn: () => Promise<T>): Promise<T> {
  const scope = [...new Set(tables)].map((t) => syncedTable(d, t));
  // An async scope: Dexie keeps the transaction alive across native awaits only in those.
  return d.transaction('rw', [...scope, d.outbox, d.sync], async () => {
    markUncaptured();
    return fn();
  });
}

/** Is any local mutation of this record still waiting for the server? */
export async function hasPending(d: HoldfastDB, table: SyncedTable, recordId: string): Promise<boolean> {
  return (await d.outbox.where('[table+recordId]').equals([table, recordId]).count()) > 0;
}
