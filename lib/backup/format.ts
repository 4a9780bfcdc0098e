import * as z from 'zod/mini';
import { Coach, Contact, Customer, IsoDateTime, Note, Pod, Problem, Rep, RevenueLine } from '../model';

/** The backup file's own version: bump it when the shape below changes, and read old ones. */
export const BACKUP_VERSION = 1;
export const BACKUP_FORMAT = 'holdfast-backup';

export const SettingEntry = z.object({ key: z.string().check(z.minLength(1), z.maxLength(200)), value: z.unknown() });

/**
 * One file holds everything on this device. Every record is checked against the same schema
 * the app writes with, so a restored record is as trustworthy as a typed one.
 */
export const Backup = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  /** The database schema version it was taken from (for migrations of old files). */
  schemaVersion: z.int().check(z.gte(1)),
  exportedAt: IsoDateTime,
  tables: z.object({
    customers: z.array(Customer),
    revenueLines: z.array(RevenueLine),
    contacts: z.array(Contact),
    coaches: z.array(Coach),
    problems: z.array(Problem),
    reps: z.array(Rep),
    pods: z.array(Pod),
    notes: z.array(Note),
    settings: z.array(SettingEntry),
  }),
});
export type Backup = z.infer<typeof Backup>;
export type TableName = keyof Backup['tables'];
export const TABLES = ['customers', 'revenueLines', 'contacts', 'coaches', 'problems', 'reps', 'pods', 'notes', 'settings'] as const satisfies readonly TableName[];
