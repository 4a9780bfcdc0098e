/**
 * Queueing and renumbering outbox entries directly (not through a write to a synced table):
 * the first sync queues what the team lacks, and a 409 gap renumbers what is pending. Call
 * inside a transaction that holds `outbox` and `sync`, so the counter and the entries
 * change together — the capture middleware numbers from the same counter.
 */
import type { HoldfastDB } from '../db/database';
import type { OutboxDraft, OutboxEntry } from './outbox';
import { readCapture } from './store';

export async function queueDrafts(d: HoldfastDB, drafts: readonly OutboxDraft[]): Promise<number> {
  if (!drafts.length) return 0;
  const capture = await readCapture(d);
  if (!capture?.on) throw new Error('not connected: nothing is queued');
  let next = capture.nextId;
  await d.outbox.bulkAdd(drafts.map((draft) => ({ ...draft, id: next++ }) as OutboxEntry));
  await d.sync.put({ ...capture, nextId: next });
  return drafts.length;
}

/**
 * The server has this client's mutations only up to `lastMutationId` and the outbox starts
 * later (the server lost what it had confirmed, restored from a backup say): number what
 * is pending from lastMutationId + 1, in the same order, so the server takes it. What the
 * server lost cannot be resent from here; reconnecting queues every record again.
 */
export async function renumberFrom(d: HoldfastDB, lastMutationId: number): Promise<number> {
  const capture = await readCapture(d);
  if (!capture) return 0;
  const pending = await d.outbox.orderBy('id').toArray();
  if (!pending.length || pending[0]!.id <= lastMutationId + 1) return 0;
  const missing = pending[0]!.id - lastMutationId - 1;
  await d.outbox.clear();
  let next = lastMutationId + 1;
  await d.outbox.bulkAdd(pending.map((e) => ({ ...e, id: next++ })));
  await d.sync.put({ ...capture, nextId: next });
  return missing;
}
