import { fromRow, type HoldfastDB } from '../db';
import { fromCoachRow } from '../db/coach-rows';
import { LATEST_VERSION } from '../db/versions';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './format';

/** Everything on this device as one backup object, read in one consistent transaction. */
export async function exportBackup(d: HoldfastDB, now = new Date()): Promise<Backup> {
  return d.transaction('r', d.tables, async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schemaVersion: LATEST_VERSION,
    exportedAt: now.toISOString(),
    tables: {
      // Index fields are derived again on restore; the file holds records only.
      customers: (await d.customers.toArray()).map(fromRow),
      revenueLines: await d.revenueLines.toArray(),
      contacts: await d.contacts.toArray(),
      coaches: (await d.coaches.toArray()).map(fromCoachRow),
      problems: await d.problems.toArray(),
      reps: await d.reps.toArray(),
      pods: await d.pods.toArray(),
      notes: await d.notes.toArray(),
      settings: await d.settings.toArray(),
    },
  }));
}

/** A file name that sorts by date: holdfast-backup-2026-11-28.json */
export function backupFileName(now = new Date()): string {
  return `holdfast-backup-${now.toISOString().slice(0, 10)}.json`;
}
