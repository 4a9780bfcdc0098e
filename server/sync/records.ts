/** Reading and writing the records table: the team's synced data and its change stream. */
import { jsonBytes, type SyncedTable } from '../../lib/sync/protocol';
import type { Queryable } from '../db/adapter';
import type { StoredRecord } from '../rules';

export interface RecordWrite extends StoredRecord {
  table: SyncedTable;
  id: string;
}

export const recordKey = (table: string, id: string) => `${table}\u0000${id}`;

interface RecordRow {
  tbl: SyncedTable;
  id: string;
  data: Record<string, unknown> | null;
  author_rep_id: string | null;
  private: boolean;
  shared: boolean;
}

/** The stored rows of one team for the given (table, id) pairs, keyed by recordKey. */
export async function loadRecords(tx: Queryable, teamId: string, keys: ReadonlyArray<{ table: string; id: string }>): Promise<Map<string, StoredRecord>> {
  const out = new Map<string, StoredRecord>();
  if (keys.length === 0) return out;
  // One primary-key lookup per key (the LATERAL … LIMIT 1 keeps the planner from turning
  // this into a scan of the whole team, which it would do on stale statistics, and PGlite
  // never analyses): the cost follows the push, not the size of the team's data.
  const rows = await tx.query<RecordRow>(
    `SELECT r.tbl, r.id, r.data, r.author_rep_id, r.private, r.shared
       FROM unnest($2::text[], $3::text[]) AS k(tbl, id)
       CROSS JOIN LATERAL (
         SELECT tbl, id, data, author_rep_id, private, shared FROM records
          WHERE team_id = $1 AND tbl = k.tbl AND id = k.id
          LIMIT 1
       ) AS r`,
    [teamId, keys.map((k) => k.table), keys.map((k) => k.id)],
  );
  for (const r of rows) {
    out.set(recordKey(r.tbl, r.id), { data: r.data, authorRepId: r.author_rep_id, private: r.private, shared: r.shared });
  }
  return out;
}

/**
 * Writes records with fresh positions in the change stream, in the order given (the order
 * their last mutations were applied), each with its size as JSON (`bytes`, which bounds pull
 * pages without reading the records: server/sync/pull.ts). One statement for the lot: a push of 500 mutations
 * costs three round trips here, not a thousand.
 */
export async function writeRecords(tx: Queryable, teamId: string, writes: readonly RecordWrite[]): Promise<void> {
  if (writes.length === 0) return;
  const seqRows = await tx.query<{ seq: string }>(`SELECT nextval('records_seq')::text AS seq FROM generate_series(1, $1)`, [writes.length]);
  // Sorted here rather than trusting the row order of generate_series.
  const seqs = seqRows.map((r) => BigInt(r.seq)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  await tx.query(
    `INSERT INTO records (team_id, tbl, id, data, author_rep_id, private, shared, seq, updated_at, bytes)
     SELECT $1, u.tbl, u.id, u.data::jsonb, u.author, u.private, u.shared, u.seq, now(), u.bytes
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::boolean[], $8::bigint[], $9::int[])
         AS u(tbl, id, data, author, private, shared, seq, bytes)
     ON CONFLICT (team_id, tbl, id) DO UPDATE SET
       data = excluded.data, author_rep_id = excluded.author_rep_id, private = excluded.private,
       shared = excluded.shared, seq = excluded.seq, updated_at = excluded.updated_at, bytes = excluded.bytes`,
    [
      teamId,
      writes.map((w) => w.table),
      writes.map((w) => w.id),
      writes.map((w) => (w.data === null ? null : JSON.stringify(w.data))),
      writes.map((w) => w.authorRepId),
      writes.map((w) => w.private),
      writes.map((w) => w.shared),
      seqs.map(String),
      writes.map((w) => jsonBytes(w.data)),
    ],
  );
}

/** What a rep may see of a stored record: someone else's private note is nothing at all. */
export function visibleTo(stored: StoredRecord | undefined, repId: string): Record<string, unknown> | null {
  if (!stored || stored.data === null) return null;
  if (stored.private && stored.authorRepId !== repId) return null;
  return stored.data;
}
