/**
 * Writing a push's records so that one record the database refuses cannot fail the whole
 * push (issue 14, finding 3). The schemas already refuse what PostgreSQL cannot store (NUL,
 * lone surrogates); this is the backstop for whatever else it might refuse. The batch is
 * written in one statement as before; only if that fails is each record written alone behind
 * a savepoint, and the ones that still fail are reported (by record key) to be refused, while
 * the others are kept. The database's words go to the log, not to the client.
 */
import { MAX_RECORD_BYTES } from '../../lib/model';
import { jsonBytes, type RefusalCode } from '../../lib/sync/protocol';
import type { Queryable } from '../db/adapter';
import { log } from '../log';
import { recordKey, writeRecords, type RecordWrite } from './records';

/** Writes what it can; returns the keys of the records the database refused. */
export async function writeRecordsGuarded(tx: Queryable, teamId: string, writes: readonly RecordWrite[]): Promise<Set<string>> {
  const refused = new Set<string>();
  if (writes.length === 0) return refused;
  await tx.query('SAVEPOINT push_batch');
  try {
    await writeRecords(tx, teamId, writes);
    await tx.query('RELEASE SAVEPOINT push_batch');
    return refused;
  } catch (err) {
    await tx.query('ROLLBACK TO SAVEPOINT push_batch');
    log('warn', 'push: the batch write failed; writing its records one by one', { team: teamId, error: messageOf(err) });
  }
  for (const w of writes) {
    await tx.query('SAVEPOINT push_one');
    try {
      await writeRecords(tx, teamId, [w]);
      await tx.query('RELEASE SAVEPOINT push_one');
    } catch (err) {
      await tx.query('ROLLBACK TO SAVEPOINT push_one');
      refused.add(recordKey(w.table, w.id));
      log('error', 'push: the database refused a record', { team: teamId, table: w.table, id: w.id, error: messageOf(err) });
    }
  }
  return refused;
}

export const UNSTORABLE_REASON = 'The server could not store this record (its database refused it). It was not stored; the rest of the push was.';

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export interface Unstored {
  code: RefusalCode;
  reason: string;
}

/**
 * Writes whose record is over MAX_RECORD_BYTES as it would be stored: each pushed record was
 * checked (screen.ts), but a merge with the stored one (a union of two reps' events) can grow
 * past the bound, and no device could then take it.
 */
export function oversizedWrites(writes: Iterable<RecordWrite>): Map<string, Unstored> {
  const out = new Map<string, Unstored>();
  for (const w of writes) {
    const bytes = w.data === null ? 0 : jsonBytes(w.data);
    if (bytes > MAX_RECORD_BYTES) {
      out.set(recordKey(w.table, w.id), {
        code: 'too_large',
        reason: `Merged with the server's copy, the record would be ${Math.ceil(bytes / 1024)} KB of JSON; a record may hold at most ${MAX_RECORD_BYTES / 1024} KB. It was not stored; the rest of the push was.`,
      });
    }
  }
  return out;
}
