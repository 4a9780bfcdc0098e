import * as z from 'zod/mini';
import { fromRow, toRow, type HoldfastDB } from '../db';
import { fromCoachRow, toCoachRow } from '../db/coach-rows';
import type { Coach, Customer } from '../model';
import { jsonEqual } from '../owners/json-equal';
import { deepWellFormed } from '../util/well-formed';
import { Backup, TABLES, type TableName } from './format';

export type ParseResult = { ok: true; backup: Backup } | { ok: false; reason: string };

/** Read a backup file's text; a file that is not a valid backup says why, in a line a person can act on. */
export function parseBackup(text: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `not JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== 'holdfast-backup') {
    return { ok: false, reason: 'not a Holdfast backup file (no "format": "holdfast-backup")' };
  }
  // Text made well-formed before the schemas judge it: a backup written by an older version
  // may hold a NUL or half an emoji, which would be refused (and could not sync).
  const parsed = z.safeParse(Backup, deepWellFormed(json));
  if (parsed.success) return { ok: true, backup: parsed.data };
  const issues = parsed.error.issues;
  const shown = issues.slice(0, 5).map((i) => `${i.path.map(String).join('.')}: ${i.message}`);
  return { ok: false, reason: shown.join('; ') + (issues.length > 5 ? `; and ${issues.length - 5} more` : '') };
}

export interface RestoreReport {
  added: number;
  updated: number;
  /** Records the device has in a newer version than the file: kept as they are. */
  keptNewer: number;
  /**
   * Records of the file dated more than CLAMP_AHEAD_MS ahead of this device's clock (their
   * `updatedAt`, or a problem event's `at`): restored as of now, so a far-future date does not
   * win every later merge. Counted whether or not they were then added or updated.
   */
  clamped: number;
  perTable: Record<TableName, { added: number; updated: number; keptNewer: number; clamped: number }>;
}

/** How far ahead of this device's clock a restored date may be before it is set to now: a day. */
export const CLAMP_AHEAD_MS = 24 * 60 * 60 * 1000;

type Row = { id: string; updatedAt: string } & Record<string, unknown>;
type Event = { at: string } & Record<string, unknown>;

/**
 * Time sanity (issue 14): a record's `updatedAt`, and each of a problem's event times, more
 * than a day ahead of `now` becomes `now`. Answers the row (the same object when nothing was
 * ahead) and whether anything was clamped.
 */
export function clampFuture<R extends Row>(table: TableName, row: R, now: Date): { row: R; clamped: boolean } {
  const limit = now.getTime() + CLAMP_AHEAD_MS;
  const stamp = now.toISOString();
  const ahead = (iso: string) => Date.parse(iso) > limit;
  let clamped = false;
  let out = row;
  if (ahead(row.updatedAt)) {
    out = { ...out, updatedAt: stamp };
    clamped = true;
  }
  const events = table === 'problems' ? (row as { events?: Event[] }).events : undefined;
  if (events?.some((e) => ahead(e.at))) {
    out = { ...out, events: events.map((e) => (ahead(e.at) ? { ...e, at: stamp } : e)) };
    clamped = true;
  }
  return { row: out, clamped };
}

/** A record without the times a clamp may have set, to tell a clamped record restored before from a changed one. */
function withoutTimes(table: TableName, row: Row): unknown {
  const { updatedAt: _u, ...rest } = row;
  if (table !== 'problems' || !Array.isArray(rest.events)) return rest;
  return { ...rest, events: (rest.events as Event[]).map(({ at: _a, ...e }) => e) };
}

/** The record a stored row holds (index fields dropped). */
function recordOf(table: TableName, row: Row): Row {
  if (table === 'customers') return fromRow(row as unknown as Parameters<typeof fromRow>[0]) as unknown as Row;
  if (table === 'coaches') return fromCoachRow(row as unknown as Coach) as unknown as Row;
  return row;
}

/** The row to store for a restored record (customers and coaches get their index fields). */
function rowToStore(table: TableName, row: Row): unknown {
  if (table === 'customers') return toRow(row as unknown as Customer);
  if (table === 'coaches') return toCoachRow(row as unknown as Coach);
  return row;
}

/**
 * Merge a valid backup into this device: records it lacks are added, records the file has
 * in a newer version are updated, and newer local records are kept — nothing on the device
 * is lost, and restoring the same file twice changes nothing. One transaction: all or none.
 * Dates more than a day ahead of `now` are set to `now` first (clampFuture); a clamped record
 * the device already holds as restored before is kept, so a second restore changes nothing.
 */
export async function restoreBackup(d: HoldfastDB, backup: Backup, now: Date = new Date()): Promise<RestoreReport> {
  const report: RestoreReport = { added: 0, updated: 0, keptNewer: 0, clamped: 0, perTable: {} as RestoreReport['perTable'] };
  await d.transaction('rw', d.tables, async () => {
    for (const name of TABLES) {
      const counts = { added: 0, updated: 0, keptNewer: 0, clamped: 0 };
      report.perTable[name] = counts;
      if (name === 'settings') {
        // Local settings (who I am on this device, its sites) win; the file fills in the rest.
        for (const s of backup.tables.settings) {
          if (await d.settings.get(s.key)) counts.keptNewer++;
          else {
            await d.settings.put({ key: s.key, value: s.value });
            counts.added++;
          }
        }
      } else {
        const table = d.table(name);
        const rows = backup.tables[name] as Row[];
        const local = new Map((await table.bulkGet(rows.map((r) => r.id))).flatMap((r) => (r ? [[(r as Row).id, r as Row]] : [])));
        const write: unknown[] = [];
        for (const fileRow of rows) {
          const { row, clamped } = clampFuture(name, fileRow, now);
          if (clamped) counts.clamped++;
          const mine = local.get(row.id);
          if (!mine) counts.added++;
          else if (row.updatedAt > mine.updatedAt && !(clamped && jsonEqual(withoutTimes(name, recordOf(name, mine)), withoutTimes(name, row)))) counts.updated++;
          else {
            counts.keptNewer++;
            continue;
          }
          write.push(rowToStore(name, row));
        }
        await table.bulkPut(write);
      }
      report.added += counts.added;
      report.updated += counts.updated;
      report.keptNewer += counts.keptNewer;
      report.clamped += counts.clamped;
    }
  });
  return report;
}

/** Delete every record on this device (after the user confirmed). */
export async function wipeAll(d: HoldfastDB): Promise<void> {
  await d.transaction('rw', d.tables, async () => {
    for (const t of d.tables) await t.clear();
  });
}
