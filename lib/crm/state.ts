/**
 * What the extension keeps about each CRM connection, in the `crm` table of its own IndexedDB
 * (lib/db/versions.ts v4): not in `settings` (they go into backup files) nor in
 * storage.local (content scripts can read it). Only the background reads a row's token;
 * options and popup get `CrmStatus`, which has everything but it. Salesforce and Dynamics
 * keep no credential at all: the browser's session is read when a request needs it.
 */
import * as z from 'zod/mini';
import { IsoDateTime } from '../model/common';
import { CRM_ERROR_CODES } from './errors';
import { CRM_PRODUCTS } from './types';

export const CrmProductSchema = z.enum(CRM_PRODUCTS);

/**
 * Whose data the connection reads for: `me` keeps what it reads on this device (each rep's
 * own connection reads what that rep may see); `team` (the lead's choice) shares it with
 * every rep through team sync.
 */
export const CrmShare = z.enum(['me', 'team']);
export type CrmShare = z.infer<typeof CrmShare>;

export const CrmErrorInfo = z.object({ code: z.enum(CRM_ERROR_CODES), detail: z.string(), at: IsoDateTime });
export type CrmErrorInfo = z.infer<typeof CrmErrorInfo>;

/** How many records the last sync and the connection in all have brought in. */
export const CrmCounts = z.object({ accounts: z.int(), deals: z.int(), lines: z.int(), removed: z.int() });
export type CrmCounts = z.infer<typeof CrmCounts>;

export const CrmConnectionRow = z.object({
  key: CrmProductSchema,
  /** The host the API is read from: "acme.my.salesforce.com", "api.hubapi.com", "acme.pipedrive.com", "acme.crm4.dynamics.com". */
  apiHost: z.string(),
  /** The instance in CRM references (lib/crm/types.ts CrmIdentity.tenant). */
  tenant: z.string(),
  /** HubSpot's private app token, Pipedrive's API token. Background only; never in backups or status. */
  token: z.optional(z.string()),
  share: CrmShare,
  userName: z.optional(z.string()),
  currency: z.optional(z.string()),
  connectedAt: IsoDateTime,
  /**
   * The next incremental read starts here: the start of the last complete read, minus a
   * margin for clock skew. Absent until the first read completes, so an interrupted first
   * sync starts again (what it wrote stays; rewriting it changes nothing).
   */
  since: z.optional(IsoDateTime),
  lastSyncAt: z.optional(IsoDateTime),
  lastError: z.optional(CrmErrorInfo),
  /** What the last complete sync changed, and the running totals. */
  lastCounts: z.optional(CrmCounts),
  /** Failed automatic attempts in a row, and not before when the next may run (ms since epoch). */
  failures: z.int().check(z.gte(0)),
  nextAttemptAt: z.optional(z.number()),
});
export type CrmConnectionRow = z.infer<typeof CrmConnectionRow>;

/** A sync under way, for the progress bar. */
export const CrmProgress = z.object({
  phase: z.enum(['accounts', 'deals', 'removals']),
  /** Records read so far and pages fetched. */
  records: z.int(),
  pages: z.int(),
  /** Records in the current phase when the API says, for a determinate bar. */
  totalInPhase: z.optional(z.int()),
  doneInPhase: z.int(),
  /** Waiting out a rate limit until then (ms since epoch). */
  waitingUntil: z.optional(z.number()),
  first: z.boolean(),
});
export type CrmProgress = z.infer<typeof CrmProgress>;

/** What options and popup see of a connection: never the token. */
export const CrmStatus = z.object({
  product: CrmProductSchema,
  apiHost: z.string(),
  tenant: z.string(),
  share: CrmShare,
  userName: z.optional(z.string()),
  connectedAt: IsoDateTime,
  lastSyncAt: z.optional(IsoDateTime),
  lastError: z.optional(CrmErrorInfo),
  lastCounts: z.optional(CrmCounts),
  running: z.optional(CrmProgress),
  nextAttemptAt: z.optional(z.number()),
});
export type CrmStatus = z.infer<typeof CrmStatus>;

export function statusOf(row: CrmConnectionRow, running?: CrmProgress): CrmStatus {
  const { key, apiHost, tenant, share, userName, connectedAt, lastSyncAt, lastError, lastCounts, nextAttemptAt } = row;
  return {
    product: key, apiHost, tenant, share, connectedAt,
    ...(userName !== undefined ? { userName } : {}),
    ...(lastSyncAt !== undefined ? { lastSyncAt } : {}),
    ...(lastError !== undefined ? { lastError } : {}),
    ...(lastCounts !== undefined ? { lastCounts } : {}),
    ...(nextAttemptAt !== undefined ? { nextAttemptAt } : {}),
    ...(running ? { running } : {}),
  };
}
