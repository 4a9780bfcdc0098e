/**
 * The team sync protocol (DESIGN §6): the one contract between the extension's background
 * and the team server. Both sides parse with these schemas, so nothing crosses unchecked.
 *
 * Shape (Replicache's): the client keeps an outbox of mutations numbered per client
 * (1, 2, 3, …). `POST /v1/push` applies them in order, each exactly once, and answers the
 * last id it has applied for that client; `GET /v1/pull` returns what changed since a cursor.
 *
 * Mutations are record-level: `put` writes a whole record (last writer wins, except where the
 * server's domain rules say no), `delete` leaves a tombstone so the deletion syncs. A
 * mutation the server refuses is still consumed (so the outbox moves on) but answered with
 * the reason and the server's current record, which the client restores and shows the user.
 */
import * as z from 'zod/mini';
import { Coach, Contact, Customer, Id, IsoDateTime, MAX_RECORD_BYTES, Note, Pod, Problem, Rep, RevenueLine } from '../model';

/** The tables that sync. Settings, teach rules and the outbox itself never leave the device. */
export const SYNCED_TABLES = ['customers', 'revenueLines', 'contacts', 'coaches', 'problems', 'reps', 'pods', 'notes'] as const;
export const SyncedTable = z.enum(SYNCED_TABLES);
export type SyncedTable = z.infer<typeof SyncedTable>;

/** A value's JSON in UTF-8 bytes (what it costs on the wire and in the database). */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  // Counting by hand avoids allocating the encoded copy of a large record.
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c >= 0x80) bytes += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/** Refuses a record whose JSON is over MAX_RECORD_BYTES (lib/model/bounds.ts), whatever its lists and texts. */
const withinRecordBytes = z.refine<unknown>(
  (record) => jsonBytes(record) <= MAX_RECORD_BYTES,
  `a record of at most ${MAX_RECORD_BYTES / 1024} KB of JSON`,
);
const bounded = <S extends z.ZodMiniObject>(schema: S): S => schema.check(withinRecordBytes);

/** The record schema of each synced table, each record bounded in bytes as a whole. */
export const RECORD_SCHEMAS = {
  customers: bounded(Customer),
  revenueLines: bounded(RevenueLine),
  contacts: bounded(Contact),
  coaches: bounded(Coach),
  problems: bounded(Problem),
  reps: bounded(Rep),
  pods: bounded(Pod),
  notes: bounded(Note),
} as const;

/** A client's mutation number: 1 for its first mutation, then +1 each time, never reused. */
export const MutationId = z.int().check(z.gte(1));

const put = <T extends SyncedTable, S extends z.ZodMiniType>(table: T, record: S) =>
  z.object({ id: MutationId, op: z.literal('put'), table: z.literal(table), record });

export const PutMutation = z.discriminatedUnion('table', [
  put('customers', RECORD_SCHEMAS.customers),
  put('revenueLines', RECORD_SCHEMAS.revenueLines),
  put('contacts', RECORD_SCHEMAS.contacts),
  put('coaches', RECORD_SCHEMAS.coaches),
  put('problems', RECORD_SCHEMAS.problems),
  put('reps', RECORD_SCHEMAS.reps),
  put('pods', RECORD_SCHEMAS.pods),
  put('notes', RECORD_SCHEMAS.notes),
]);

export const DeleteMutation = z.object({
  id: MutationId,
  op: z.literal('delete'),
  table: SyncedTable,
  recordId: Id,
  at: IsoDateTime,
});

export const Mutation = z.union([PutMutation, DeleteMutation]);
export type Mutation = z.infer<typeof Mutation>;

/** Most mutations one push may carry; the client sends a longer outbox in several pushes. */
export const MAX_PUSH_MUTATIONS = 500;
/** Most changes one pull page returns. */
export const MAX_PULL_LIMIT = 1000;
/**
 * Most bytes of records one pull page carries (DESIGN §7): the server ends a page before the
 * record that would cross it (a page always has at least one record, and one record is at
 * most MAX_RECORD_BYTES), so a page stays bounded whatever the records.
 */
export const MAX_PULL_PAGE_BYTES = 1024 * 1024;

/** A client is one browser profile's extension install; its id is a random UUID it keeps. */
export const ClientId = z.string().check(z.regex(/^[0-9a-f-]{36}$/, 'a UUID'));

export const PushRequest = z.object({
  clientId: ClientId,
  mutations: z.array(Mutation).check(z.minLength(1), z.maxLength(MAX_PUSH_MUTATIONS)),
});
export type PushRequest = z.infer<typeof PushRequest>;

/**
 * What the server first reads of a push: the envelope, with each mutation only numbered. Each
 * mutation is then parsed on its own, so one that breaks its schema (an old client, a NUL in a
 * name) is refused alone with its reason while the rest apply.
 */
export const PushEnvelope = z.object({
  clientId: ClientId,
  mutations: z
    .array(
      z.looseObject({
        id: MutationId,
        // Without a known op and table a refusal could not name its record: these fail the push.
        op: z.enum(['put', 'delete'], 'expected one of put, delete'),
        table: z.enum(SYNCED_TABLES, `expected one of ${SYNCED_TABLES.join(', ')}`),
      }),
    )
    .check(z.minLength(1), z.maxLength(MAX_PUSH_MUTATIONS)),
});

/** Why the server refused a mutation, in a code the client can translate plus words. */
export const RefusalCode = z.enum([
  'owner_change', // a problem's owner changed without a transfer event
  'history_rewrite', // a problem's events were changed or removed instead of appended
  'invalid_transition', // the problem's history breaks the lifecycle (e.g. closed without confirmation)
  'not_yours', // writing as another rep, or a private note of someone else
  'lead_only', // pods and other reps' records belong to the team lead
  'invalid', // the record breaks its schema or a reference
  'fixed_field', // a field set at creation changed (a problem's customer, channel, received time; a note's customer)
  'unlogged_edit', // a problem's title, detail, severity or due time changed without the edit's logged entry
  'tombstone', // a deleted record was written again: tombstones are final and ids never re-used
  'name_taken', // another rep of the team already goes by that name
  'future_date', // dated more than a day ahead of the server's clock
  'too_large', // the record is over MAX_RECORD_BYTES
  'quota_exceeded', // the team's storage is full (the server's HOLDFAST_TEAM_QUOTA_BYTES)
]);
export type RefusalCode = z.infer<typeof RefusalCode>;

export const MutationResult = z.union([
  z.object({ id: MutationId, ok: z.literal(true) }),
  z.object({
    id: MutationId,
    ok: z.literal(false),
    code: RefusalCode,
    reason: z.string(),
    table: SyncedTable,
    recordId: Id,
    /** The server's record as it stands (null: it has none), for the client to restore. */
    current: z.nullable(z.record(z.string(), z.unknown())),
  }),
]);
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z.object({
  /** The highest mutation id of this client the server has applied (or refused) so far. */
  lastMutationId: z.int().check(z.gte(0)),
  /** One result per mutation of this request that was new to the server (duplicates are skipped). */
  results: z.array(MutationResult),
});
export type PushResponse = z.infer<typeof PushResponse>;

/** An opaque, increasing position in the team's change stream; "0" is the beginning. */
export const Cursor = z.string().check(z.regex(/^\d{1,20}$/, 'a cursor from an earlier pull'));

export const Change = z.object({
  table: SyncedTable,
  id: Id,
  /** The record, or null when it was deleted. */
  record: z.nullable(z.record(z.string(), z.unknown())),
});
export type Change = z.infer<typeof Change>;

export const PullResponse = z.object({
  changes: z.array(Change),
  /** Pass this as `cursor` next time. */
  cursor: Cursor,
  /** More changes wait beyond this page: pull again at once. */
  more: z.boolean(),
  /** As in PushResponse, for the `clientId` the pull named. */
  lastMutationId: z.int().check(z.gte(0)),
});
export type PullResponse = z.infer<typeof PullResponse>;

/** `GET /v1/me`: who the token belongs to. The client adopts `repId` as its own rep id. */
export const MeResponse = z.object({
  teamId: Id,
  teamName: z.string(),
  repId: Id,
  repName: z.string(),
  role: z.enum(['rep', 'lead']),
});
export type MeResponse = z.infer<typeof MeResponse>;

/** Every 4xx/5xx body. */
export const ErrorBody = z.object({ error: z.string(), reason: z.string() });
export type ErrorBody = z.infer<typeof ErrorBody>;
