/**
 * Team sync as the options page and the popup see it (lib/sync/status.ts builds it). The
 * token is never part of it: it stays in the background's `sync` table.
 */
import * as z from 'zod/mini';
import { IsoDateTime } from '../model/common';
import { Refusal, SyncErrorInfo } from '../sync/state';

export const SyncStatus = z.object({
  connected: z.boolean(),
  serverUrl: z.optional(z.string()),
  teamName: z.optional(z.string()),
  repName: z.optional(z.string()),
  role: z.optional(z.enum(['rep', 'lead'])),
  lastSyncAt: z.optional(IsoDateTime),
  /** Changes of this device waiting for the server. */
  pending: z.int(),
  lastError: z.optional(SyncErrorInfo),
  /** When the next automatic attempt is due (ms since epoch), after a failure. */
  nextAttemptAt: z.optional(z.number()),
  /** The token was refused: no automatic attempts until the user acts. */
  stopped: z.optional(z.boolean()),
  /** The first sync after connecting is not finished (and its progress, while it runs). */
  firstSync: z.optional(z.boolean()),
  progress: z.optional(z.object({ phase: z.enum(['pull', 'queue']), done: z.int(), total: z.optional(z.int()) })),
  /** Changes the server refused, newest last. */
  refusals: z.array(Refusal),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SyncConnectReply = z.union([
  z.object({ ok: z.literal(true), teamName: z.string(), repName: z.string() }),
  /** code: a SyncErrorCode, or bad_url with the URL problem (not_url, scheme, insecure, extra) as reason. */
  z.object({ ok: z.literal(false), code: z.string(), reason: z.string() }),
]);
export type SyncConnectReply = z.infer<typeof SyncConnectReply>;
