/**
 * The outbox: this device's mutations waiting for the server, keyed by mutation id (1, 2, 3…
 * per client, never reused), so it reads in the order the changes were made. An entry
 * leaves only when the server has confirmed its id (lastMutationId), never before.
 *
 * Entries are not coalesced: a second edit of a record queues a second whole-record put.
 * Merging into an older entry would either leave a hole in the ids (the server answers a
 * gap with 409) or rewrite an entry that may already be on the wire, whose confirmation
 * would then drop the newer edit unsent. Record puts are small and the server applies them
 * in order, so the last one wins as it should.
 */
import type { Mutation, SyncedTable } from './protocol';
import type { WireRecord } from './records';

export type OutboxEntry =
  | { id: number; table: SyncedTable; recordId: string; op: 'put'; record: WireRecord; at: string }
  | { id: number; table: SyncedTable; recordId: string; op: 'delete'; at: string };

/** An entry without its id, before the counter numbers it. */
export type OutboxDraft = OutboxEntry extends infer E ? (E extends OutboxEntry ? Omit<E, 'id'> : never) : never;

export function toMutation(e: OutboxEntry): Mutation {
  return e.op === 'put'
    ? ({ id: e.id, op: 'put', table: e.table, record: e.record } as Mutation)
    : { id: e.id, op: 'delete', table: e.table, recordId: e.recordId, at: e.at };
}
