/**
 * A push's mutations, parsed one at a time (issue 14, findings 1 and 3). The envelope (client
 * id, numbered mutations) must hold, or the whole push is a 400 as before. But a mutation
 * whose record breaks its schema (a NUL in a name, half an emoji, a list over its bound, a
 * record over MAX_RECORD_BYTES) no longer fails the push: it is refused alone, with a code and
 * the first fault in words, and still counts as applied so the client's outbox moves on.
 */
import { MAX_RECORD_BYTES } from '../../lib/model';
import { jsonBytes, Mutation, PushEnvelope, type RefusalCode, type SyncedTable } from '../../lib/sync/protocol';
import { toWellFormed, truncateWellFormed } from '../../lib/util/well-formed';
import { describeZodError, HttpError } from '../errors';

/** A mutation refused before any rule was asked: it is answered, numbered and consumed like any other. */
export interface RefusedMutation {
  id: number;
  op: 'refused';
  table: SyncedTable;
  recordId: string;
  code: RefusalCode;
  reason: string;
}

export type ScreenedMutation = Mutation | RefusedMutation;

export interface ScreenedPush {
  clientId: string;
  mutations: ScreenedMutation[];
}

/** Parses a push body; throws a 400 only when the envelope itself is broken. */
export function screenPush(body: unknown): ScreenedPush {
  const envelope = PushEnvelope.safeParse(body);
  if (!envelope.success) throw new HttpError(400, 'bad_request', describeZodError(envelope.error));
  return {
    clientId: envelope.data.clientId,
    mutations: envelope.data.mutations.map((raw, i) => screenMutation(raw, i)),
  };
}

type RawMutation = { id: number; op: 'put' | 'delete'; table: SyncedTable } & Record<string, unknown>;

function screenMutation(raw: RawMutation, index: number): ScreenedMutation {
  const refuse = (code: RefusalCode, reason: string): RefusedMutation => ({
    id: raw.id,
    op: 'refused',
    table: raw.table,
    recordId: recordIdOf(raw),
    code,
    reason,
  });
  if (raw.op === 'put') {
    // Measured before parsing: a record this large is refused without walking it.
    const bytes = jsonBytes(raw.record);
    if (bytes > MAX_RECORD_BYTES) {
      return refuse(
        'too_large',
        `The record is ${Math.ceil(bytes / 1024)} KB of JSON; a record may hold at most ${MAX_RECORD_BYTES / 1024} KB. It was not stored; the rest of the push was.`,
      );
    }
  }
  const parsed = Mutation.safeParse(raw);
  if (parsed.success) return parsed.data;
  return refuse('invalid', `mutations[${index}].${describeZodError(parsed.error)}. It was not stored; the rest of the push was.`);
}

/**
 * The id a refusal names, so the client can find its record: the mutation's own when it is
 * a usable id, else made one (well-formed, cut to an id's length) — a client that sent it
 * then finds no such record, which is the truth.
 */
function recordIdOf(raw: RawMutation): string {
  const value = raw.op === 'put' ? (raw.record as { id?: unknown } | undefined)?.id : raw.recordId;
  const text = typeof value === 'string' ? truncateWellFormed(toWellFormed(value), 64) : '';
  return text || '?';
}
