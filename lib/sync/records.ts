/**
 * Records between the local tables and the wire. Locally a customer row carries index
 * fields derived from it (`crmKeys`, `nameKey`, lib/db/customers.ts), and a coach row its
 * `customerKeys` (lib/db/coach-rows.ts); on the wire it is the plain record, and those fields
 * are derived again when a pulled customer or coach is stored.
 */
import * as z from 'zod/mini';
import { fromCoachRow, toCoachRow } from '../db/coach-rows';
import { toRow } from '../db/customers';
import type { Coach, Customer } from '../model';
import { RECORD_SCHEMAS, type SyncedTable } from './protocol';

export type WireRecord = { id: string; updatedAt: string } & Record<string, unknown>;

export type Parsed = { ok: true; record: WireRecord } | { ok: false; reason: string };

/** A stored row as the record the server knows (index fields dropped), checked against its schema. */
export function parseRecord(table: SyncedTable, value: unknown): Parsed {
  let plain = value;
  if (table === 'customers' && typeof value === 'object' && value !== null) {
    const { crmKeys: _k, nameKey: _n, ...rest } = value as Record<string, unknown>;
    plain = rest;
  } else if (table === 'coaches' && typeof value === 'object' && value !== null) {
    plain = fromCoachRow(value as Coach);
  }
  const parsed = z.safeParse(RECORD_SCHEMAS[table], plain);
  if (parsed.success) return { ok: true, record: parsed.data as WireRecord };
  return { ok: false, reason: parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(record)'}: ${i.message}`).join('; ') };
}

/** A checked record as the row to store (customers and coaches get their index fields). */
export function rowOf(table: SyncedTable, record: WireRecord): WireRecord {
  if (table === 'customers') return toRow(record as unknown as Customer) as unknown as WireRecord;
  if (table === 'coaches') return toCoachRow(record as unknown as Coach) as unknown as WireRecord;
  return record;
}

/** What the user calls a record: its name or title, when it has one. */
export function labelOf(record: unknown): string | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const r = record as { name?: unknown; title?: unknown };
  const label = typeof r.name === 'string' ? r.name : typeof r.title === 'string' ? r.title : undefined;
  return label?.slice(0, 200);
}
