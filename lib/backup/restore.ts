import * as z from 'zod/mini';
import { toRow, type HoldfastDB } from '../db';
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
  perTable: Record<TableName, { added: number; updated: number; keptNewer: number }>;
}

/**
 * Merge a valid backup into this device: records it lacks are added, records the file has
 * in a newer version are updated, and newer local records are kept — nothing on the device
 * is lost, and restoring the same file twice changes nothing. One transaction: all or none.
 */
export async function restoreBackup(d: HoldfastDB, backup: Backup): Promise<RestoreReport> {
  const report: RestoreReport = { added: 0, updated: 0, keptNewer: 0, perTable: {} as RestoreReport['perTable'] };
  await d.transaction('rw', d.tables, async () => {
    for (const name of TABLES) {
      const counts = { added: 0, updated: 0, keptNewer: 0 };
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
        const rows = backup.tables[name] as Array<{ id: string; updatedAt: string }>;
        const local = new Map((await table.bulkGet(rows.map((r) => r.id))).flatMap((r) => (r ? [[(r as { id: string }).id, r as { updatedAt: string }]] : [])));
        const write: unknown[] = [];
        for (const row of rows) {
          const mine = local.get(row.id);
          if (!mine) counts.added++;
          else if (row.updatedAt > mine.updatedAt) counts.updated++;
          else {
            counts.keptNewer++;
            continue;
          }
          write.push(name === 'customers' ? toRow(row as Parameters<typeof toRow>[0]) : row);
        }
        await table.bulkPut(write);
      }
      report.added += counts.added;
      report.updated += counts.updated;
      report.keptNewer += counts.keptNewer;
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
