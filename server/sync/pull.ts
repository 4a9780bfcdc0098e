/**
 * GET /v1/pull: the team's changes after a cursor, oldest first, a page at a time.
 *
 * The cursor is the seq of the last change returned. Pushes of a team commit in seq order
 * (see push.ts), so "seq > cursor" never skips a change that commits later. A private note
 * reaches only its author; other reps get a tombstone instead if they had once seen it (it
 * was team-visible before its author made it private), and nothing at all otherwise.
 */
import { MAX_RECORD_BYTES } from '../../lib/model';
import { MAX_PULL_PAGE_BYTES, type Change, type PullResponse } from '../../lib/sync/protocol';
import type { Caller } from '../auth';
import type { Queryable } from '../db/adapter';
import { HttpError } from '../errors';
import { clientNotYours } from './push';

export interface PullQuery {
  clientId: string;
  cursor: bigint;
  limit: number;
  /** The page's budget of record bytes (tests); PAGE_BYTES when absent. */
  maxBytes?: number;
}

/** The records of one page: the protocol's bound less room for the page's own fields. */
export const PAGE_BYTES = MAX_PULL_PAGE_BYTES - 1024;
/** What a change adds around its record: {"table":"revenueLines","id":"<64 characters>","record":…},. */
const CHANGE_OVERHEAD_BYTES = 112;
/** A row written before records.bytes existed and not counted by the migration (none should be): assume the largest. */
const UNKNOWN_RECORD_BYTES = MAX_RECORD_BYTES;

export async function pull(db: Queryable, caller: Caller, q: PullQuery): Promise<PullResponse> {
  // Read before the changes: every mutation counted here is already in what follows, so a
  // client that drops these from its outbox after the last page loses nothing.
  const lastMutationId = await clientProgress(db, q.clientId, caller);

  // The page ends at `limit` rows or before the row that would take it past PAGE_BYTES
  // (issue 14, finding 1: pages bounded by rows only once made one reply 150 MB). First the
  // rows' sizes (records.bytes, kept by every write: no record is read or serialised for
  // this), then the records of the rows that fit. The first row is always taken, so a pull
  // moves on even past an oversized record stored before the bounds. A row a push moves on
  // between the two reads (a new seq) is simply read at its new place, on a later page.
  // ORDER BY records.seq, not seq: that would name the select list's text column and sort "10" before "9".
  const sizes = await db.query<{ seq: string; bytes: number | null }>(
    `SELECT seq::text AS seq, bytes FROM records
      WHERE team_id = $1 AND records.seq > $2::bigint AND (NOT private OR shared OR author_rep_id = $3)
      ORDER BY records.seq
      LIMIT $4`,
    [caller.teamId, q.cursor.toString(), caller.repId, q.limit + 1],
  );
  if (sizes.length === 0) {
    await checkCursorIsOurs(db, caller.teamId, q.cursor);
    return { changes: [], cursor: q.cursor.toString(), more: false, lastMutationId };
  }
  const budget = q.maxBytes ?? PAGE_BYTES;
  let taken = 0;
  let bytes = 0;
  while (taken < Math.min(q.limit, sizes.length)) {
    bytes += (sizes[taken]!.bytes ?? UNKNOWN_RECORD_BYTES) + CHANGE_OVERHEAD_BYTES;
    if (taken > 0 && bytes > budget) break;
    taken++;
  }
  const last = sizes[taken - 1]!.seq;

  const rows = await db.query<{ tbl: Change['table']; id: string; data: Record<string, unknown> | null; private: boolean; author_rep_id: string | null }>(
    `SELECT tbl, id, data, private, author_rep_id FROM records
      WHERE team_id = $1 AND records.seq > $2::bigint AND records.seq <= $4::bigint AND (NOT private OR shared OR author_rep_id = $3)
      ORDER BY records.seq`,
    [caller.teamId, q.cursor.toString(), caller.repId, last],
  );
  const changes: Change[] = rows.map((r) => ({
    table: r.tbl,
    id: r.id,
    record: r.private && r.author_rep_id !== caller.repId ? null : r.data,
  }));
  return {
    changes,
    cursor: last,
    more: sizes.length > taken,
    lastMutationId,
  };
}

async function clientProgress(db: Queryable, clientId: string, caller: Caller): Promise<number> {
  const [row] = await db.query<{ team_id: string; rep_id: string; last: string }>(
    'SELECT team_id, rep_id, last_mutation_id::text AS last FROM clients WHERE client_id = $1',
    [clientId],
  );
  if (!row) return 0; // A client that has not pushed yet.
  if (row.team_id !== caller.teamId || row.rep_id !== caller.repId) throw clientNotYours();
  return Number(row.last);
}

/**
 * A cursor beyond anything this database ever handed out comes from another server (or from
 * before a restore from backup): pulling on from it would silently miss everything. Checked
 * only when a pull finds nothing, so normal pulls pay nothing for it. Measured against this
 * team's own changes (an index lookup), not the sequence every team shares: neither the
 * refusal nor its absence tells a team how much the others write.
 */
async function checkCursorIsOurs(db: Queryable, teamId: string, cursor: bigint): Promise<void> {
  if (cursor === 0n) return;
  const [row] = await db.query<{ last: string | null }>('SELECT max(seq)::text AS last FROM records WHERE team_id = $1', [teamId]);
  const issued = row?.last ? BigInt(row.last) : 0n;
  if (cursor > issued) {
    throw new HttpError(409, 'cursor_unknown', `The cursor ${cursor} was not issued by this server. Pull again from cursor 0.`);
  }
}
