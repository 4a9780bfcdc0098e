/**
 * What the extension keeps about team sync, in its own `sync` table (lib/db/versions.ts v2):
 * never in `settings`, because settings go into backup files and the token must not.
 * The table lives in the extension's IndexedDB, which no content script can open (theirs
 * would be the host page's), and only the background reads the `config` row's token.
 *
 * One row per concern, so writers touch only what they own: the capture middleware the
 * `capture` row, the engine the `cursor` and `status` rows, connect/disconnect the `config`.
 */
import * as z from 'zod/mini';
import { Id, IsoDateTime } from '../model/common';
import { ClientId, Cursor, RefusalCode, SyncedTable } from './protocol';

/** Is capture on, and the next mutation id to hand out (kept with the outbox, same transaction). */
export const CaptureRow = z.object({ key: z.literal('capture'), on: z.boolean(), nextId: z.int().check(z.gte(1)) });
export type CaptureRow = z.infer<typeof CaptureRow>;

export const ConfigRow = z.object({
  key: z.literal('config'),
  serverUrl: z.string(),
  token: z.string(),
  clientId: ClientId,
  teamId: Id,
  teamName: z.string(),
  repId: Id,
  repName: z.string(),
  role: z.enum(['rep', 'lead']),
  connectedAt: IsoDateTime,
  /**
   * Still to do after connecting: merge the team's data with this device's and queue what
   * the team lacks (lib/sync/first-sync.ts). Kept here so a restarted background resumes it.
   */
  firstSync: z.boolean(),
});
export type ConfigRow = z.infer<typeof ConfigRow>;

export const CursorRow = z.object({ key: z.literal('cursor'), cursor: Cursor });
export type CursorRow = z.infer<typeof CursorRow>;

/** Why the last attempt failed, as a code the UI words (sync_err_*) plus the detail it had. */
export const SyncErrorCode = z.enum(['offline', 'timeout', 'unauthorized', 'rate_limited', 'server', 'refused', 'bad_response', 'gap', 'local']);
export type SyncErrorCode = z.infer<typeof SyncErrorCode>;
export const SyncErrorInfo = z.object({ code: SyncErrorCode, detail: z.string(), at: IsoDateTime });
export type SyncErrorInfo = z.infer<typeof SyncErrorInfo>;

export const StatusRow = z.object({
  key: z.literal('status'),
  lastSyncAt: z.optional(IsoDateTime),
  lastError: z.optional(SyncErrorInfo),
  /** Failed attempts in a row (the backoff's exponent); 0 after a success. */
  failures: z.int().check(z.gte(0)),
  /** Not before (ms since epoch): automatic attempts wait for it; "Sync now" does not. */
  nextAttemptAt: z.optional(z.number()),
  /** The token was refused: automatic attempts stop until the user acts. */
  stopped: z.optional(z.boolean()),
});
export type StatusRow = z.infer<typeof StatusRow>;

/** A change of mine the server refused, for the user to see (never silently dropped). */
export const Refusal = z.object({
  table: SyncedTable,
  recordId: Id,
  /** The record's name or title when it has one, so the user knows which it was. */
  label: z.optional(z.string()),
  code: z.union([RefusalCode, z.literal('unsendable')]),
  reason: z.string(),
  at: IsoDateTime,
});
export type Refusal = z.infer<typeof Refusal>;
export const RefusalsRow = z.object({ key: z.literal('refusals'), list: z.array(Refusal) });
export type RefusalsRow = z.infer<typeof RefusalsRow>;

/**
 * Records whose mutation the server confirmed without saying how it went (the answer was
 * lost and the retry found it done): it may have been refused, so the engine reads the
 * server's version of each again (lib/sync/reconcile.ts).
 */
export const UncertainRow = z.object({ key: z.literal('uncertain'), list: z.array(z.object({ table: SyncedTable, recordId: Id })) });
export type UncertainRow = z.infer<typeof UncertainRow>;

export type SyncRow = CaptureRow | ConfigRow | CursorRow | StatusRow | RefusalsRow | UncertainRow;

/** Newest refusals kept; older ones fall off (the list is for reading, not an archive). */
export const MAX_REFUSALS = 100;

export const EMPTY_STATUS: StatusRow = { key: 'status', failures: 0 };

/** The refusals row with `more` added, newest last, the oldest dropped beyond MAX_REFUSALS. */
export function addRefusals(row: RefusalsRow | undefined, more: readonly Refusal[]): RefusalsRow {
  return { key: 'refusals', list: [...(row?.list ?? []), ...more].slice(-MAX_REFUSALS) };
}
