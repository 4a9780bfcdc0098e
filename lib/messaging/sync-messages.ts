/**
 * Team sync's messages (issue 8): options and popup → background, which alone holds the
 * token. Apart from protocol.ts so that the sync schemas (and every record schema they
 * reach) stay out of the content scripts' 20 KB: a bundler keeps a module's top-level zod
 * calls even when nothing uses them.
 */
import * as z from 'zod/mini';
import { message, NoData } from './protocol';
import { SyncConnectReply, SyncStatus } from './sync-schema';

/** options → background: connect to a team server with this rep's token. */
export const syncConnect = message(
  'syncConnect',
  z.object({ serverUrl: z.string().check(z.maxLength(2000)), token: z.string().check(z.minLength(1), z.maxLength(4000)) }),
  SyncConnectReply,
);
/** options → background: forget the server and the token; answers how many changes were waiting. */
export const syncDisconnect = message('syncDisconnect', NoData, z.object({ dropped: z.int() }));
/** options/popup → background: sync now (even while backing off); answers the status after. */
export const syncNow = message('syncNow', NoData, SyncStatus);
/** options/popup → background: where sync stands (never the token). */
export const syncStatus = message('syncStatus', NoData, SyncStatus);
