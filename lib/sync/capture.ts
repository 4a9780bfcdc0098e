/**
 * Outbox capture for every write, whoever makes it: a Dexie DBCore middleware, so the popup,
 * the side panel, options, imports and the background need no sync code of their own.
 *
 * - A read-write transaction that touches a synced table also takes the `outbox` and `sync`
 *   stores, so each put/add/delete and its outbox entry commit together or not at all.
 * - While connected (the `capture` row says so), every put becomes a `put` mutation of the
 *   whole record and every delete a `delete` mutation, numbered from the counter kept in the
 *   same transaction. While not connected nothing is queued: there is nobody to send to, and
 *   connecting queues what the team lacks (lib/sync/first-sync.ts).
 * - Transactions that apply the server's data mark themselves (`markUncaptured`) and are
 *   not queued, or every pull would echo back as a push.
 * - `clear()` (a range delete) empties this device — wiping it, say — and is not a deletion
 *   for the team; records are deleted for everyone with a tombstone (DESIGN §5).
 * - A record that breaks its schema cannot be sent (the server would refuse the whole push,
 *   and the outbox would stall behind it): it is not queued, and shown as refused.
 */
import Dexie, { type DBCore, type DBCoreAddRequest, type DBCoreDeleteRequest, type DBCoreMutateResponse, type DBCorePutRequest, type DBCoreTransaction, type Middleware } from 'dexie';
import * as z from 'zod/mini';
import type { OutboxDraft, OutboxEntry } from './outbox';
import { SYNCED_TABLES, type SyncedTable } from './protocol';
import { labelOf, parseRecord } from './records';
import { CaptureRow, RefusalsRow, addRefusals, type Refusal } from './state';

export const OUTBOX_STORE = 'outbox';
export const SYNC_STORE = 'sync';

const SYNCED: ReadonlySet<string> = new Set(SYNCED_TABLES);
const isSynced = (name: string): name is SyncedTable => SYNCED.has(name);

/** Transactions (their IDB transaction) that apply server data: not captured. */
const uncaptured = new WeakSet<object>();
/** Per transaction, the capture work so far: mutations of one transaction are numbered in order. */
const queues = new WeakMap<object, Promise<unknown>>();

/**
 * Call first thing inside a `transaction()` scope whose writes apply the server's data.
 * Nested transactions share their parent's, so a scope that must not be captured is never
 * nested in one that must.
 */
export function markUncaptured(): void {
  const tx = Dexie.currentTransaction;
  if (!tx) throw new Error('markUncaptured() outside a transaction');
  uncaptured.add(tx.idbtrans);
}

function inOrder(trans: object, step: () => PromiseLike<void>): Promise<void> {
  const next = (queues.get(trans) ?? Promise.resolve()).then(step);
  queues.set(
    trans,
    next.then(
      () => undefined,
      () => undefined,
    ),
  );
  return next;
}

function ok(res: DBCoreMutateResponse, what: string): void {
  if (res.numFailures) throw res.failures[0] ?? new Error(`${what} failed`);
}

/**
 * Written as `.then` chains, not async/await: the promises of the layers below are Dexie's
 * own inside a transaction, and their callbacks run in the transaction's zone by
 * construction, where an `await` would rely on Dexie's zone-echo heuristics (which several
 * transactions at once in one context can confuse; lib/db/bound.ts).
 */
function capture(down: DBCore, table: SyncedTable, req: DBCoreAddRequest | DBCorePutRequest | DBCoreDeleteRequest, res: DBCoreMutateResponse): PromiseLike<void> {
  const { trans } = req;
  const sync = down.table(SYNC_STORE);
  return sync.get({ trans, key: 'capture' }).then((raw: unknown): PromiseLike<void> | undefined => {
    const state = z.safeParse(CaptureRow, raw);
    if (!state.success || !state.data.on) return undefined;

    const at = new Date().toISOString();
    const failed = (i: number) => !!res.failures?.[i];
    const drafts: OutboxDraft[] = [];
    const unsendable: Refusal[] = [];
    if (req.type === 'delete') {
      req.keys.forEach((key, i) => {
        if (!failed(i)) drafts.push({ table, recordId: String(key), op: 'delete', at });
      });
    } else {
      req.values.forEach((value: unknown, i) => {
        if (failed(i)) return;
        const parsed = parseRecord(table, value);
        if (parsed.ok) drafts.push({ table, recordId: parsed.record.id, op: 'put', record: parsed.record, at });
        else {
          const id = (value as { id?: unknown } | null)?.id;
          unsendable.push({ table, recordId: typeof id === 'string' && id ? id : '?', label: labelOf(value), code: 'unsendable', reason: parsed.reason, at });
        }
      });
    }

    let next = state.data.nextId;
    const entries: OutboxEntry[] = drafts.map((d) => ({ ...d, id: next++ }) as OutboxEntry);
    const queued = entries.length
      ? down
          .table(OUTBOX_STORE)
          .mutate({ type: 'add', trans, values: entries })
          .then((r) => ok(r, 'queueing the change'))
          .then(() => sync.mutate({ type: 'put', trans, values: [{ ...state.data, nextId: next }] }))
          .then((r) => ok(r, 'numbering the change'))
      : undefined;
    if (!unsendable.length) return queued;
    const noteRefusal = () =>
      sync
        .get({ trans, key: 'refusals' })
        .then((row: unknown) => {
          const parsed = z.safeParse(RefusalsRow, row);
          return sync.mutate({ type: 'put', trans, values: [addRefusals(parsed.success ? parsed.data : undefined, unsendable)] });
        })
        .then((r) => ok(r, 'noting the refusal'));
    return queued ? queued.then(noteRefusal) : noteRefusal();
  });
}

/** Registered by HoldfastDB itself, so every context that opens the database captures. */
export const captureMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'HoldfastOutboxCapture',
  create: (down) => ({
    ...down,
    transaction(stores: string[], mode: 'readonly' | 'readwrite', options?: Parameters<DBCore['transaction']>[2]): DBCoreTransaction {
      const scope = mode === 'readwrite' && stores.some(isSynced) ? [...new Set([...stores, OUTBOX_STORE, SYNC_STORE])] : stores;
      return down.transaction(scope, mode, options);
    },
    table(name: string) {
      const table = down.table(name);
      if (!isSynced(name)) return table;
      return {
        ...table,
        mutate(req) {
          if (req.type === 'deleteRange' || uncaptured.has(req.trans)) return table.mutate(req);
          return table.mutate(req).then((res) =>
            inOrder(req.trans, () => capture(down, name, req, res)).then(
              () => res,
              (err: unknown) => {
                // The write is done but its entry is not: take the write back with it.
                try {
                  req.trans.abort();
                } catch {
                  // already over: nothing was committed by it
                }
                throw err;
              },
            ),
          );
        },
      };
    },
  }),
};
