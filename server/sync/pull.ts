/**
 * GET /v1/pull: the team's changes after a cursor, oldest first, a page at a time.
 *
 * The cursor is the seq of the last change returned. Pushes of a team commit in seq order
 * (see push.ts), so "seq > cursor" never skips a change that commits later. A private note
 * reaches only its author; other reps get a tombstone instead if they had once seen it (it
 * was team-visible before its author made it private), and nothing at all otherwise.
 */
import type { Change, PullResponse } from '../../lib/sync/protocol';
import type { Caller } from '../auth';
import type { Queryable } from '../db/adapter';
import { HttpError } from '../errors';
import { clientNotYours } from './push';

export interface PullQuery {
  clientId: string;
  cursor: bigint;
  limit: number;
}

export async function pull(db: Queryable, caller: Caller, q: PullQuery): Promise<PullResponse> {
  // Read before the changes: every mutation counted here is already in what follows, so a
  // client that drops these from its outbox after the last page loses nothing.
  const lastMutationId = await clientProgress(db, q.clientId, caller);

  // ORDER BY records.seq, not seq: that would name the select list's text column and sort "10" before "9".
  const rows = await db.query<{ tbl: Change['table']; id: string; data: Record<string, unknown> | null; private: boolean; author_rep_id: string | null; seq: string }>(
    `SELECT tbl, id, data, private, author_rep_id, seq::text AS seq FROM records
      WHERE team_id = $1 AND records.seq > $2::bigint AND (NOT private OR shared OR author_rep_id = $3)
      ORDER BY records.seq
      LIMIT $4`,
    [caller.teamId, q.cursor.toString(), caller.repId, q.limit + 1],
  );
  if (rows.length === 0) await checkCursorIsOurs(db, q.cursor);

  const page = rows.slice(0, q.limit);
  const changes: Change[] = page.map((r) => ({
    table: r.tbl,
    id: r.id,
    record: r.private && r.author_rep_id !== caller.repId ? null : r.data,
  }));
  return {
    changes,
    cursor: page.at(-1)?.seq ?? q.cursor.toString(),
    more: rows.length > q.limit,
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
 * only when a pull finds nothing, so normal pulls pay nothing for it.
 */
async function checkCursorIsOurs(db: Queryable, cursor: bigint): Promise<void> {
  if (cursor === 0n) return;
  const [row] = await db.query<{ last: string; called: boolean }>('SELECT last_value::text AS last, is_called AS called FROM records_seq');
  const issued = row?.called ? BigInt(row.last) : 0n;
  if (cursor > issued) {
    throw new HttpError(409, 'cursor_unknown', `The cursor ${cursor} was not issued by this server (its changes go up to ${issued}). Pull again from cursor 0.`);
  }
}
