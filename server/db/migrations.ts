/**
 * The database schema as numbered migrations, the same SQL for PGlite and PostgreSQL.
 * A migration, once released, is never edited: a change is a new number at the end.
 * Each entry is a list of single statements because PGlite's parameterised `query` runs
 * one statement at a time.
 */
import type { Db } from './adapter';

export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'teams, reps, tokens, clients, records',
    statements: [
      `CREATE TABLE teams (
        id text PRIMARY KEY,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE reps (
        id text PRIMARY KEY,
        team_id text NOT NULL REFERENCES teams (id),
        name text NOT NULL,
        email text,
        role text NOT NULL CHECK (role IN ('rep', 'lead')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX reps_team ON reps (team_id)`,
      // Only the SHA-256 of a token is kept; `prefix` (its first characters) lets an admin
      // name a token to revoke without the database holding anything that authenticates.
      `CREATE TABLE tokens (
        hash text PRIMARY KEY,
        prefix text NOT NULL,
        rep_id text NOT NULL REFERENCES reps (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`,
      `CREATE INDEX tokens_rep ON tokens (rep_id)`,
      `CREATE INDEX tokens_prefix ON tokens (prefix)`,
      // One row per extension install: the exactly-once bookkeeping of its mutations.
      `CREATE TABLE clients (
        client_id text PRIMARY KEY,
        team_id text NOT NULL REFERENCES teams (id),
        rep_id text NOT NULL REFERENCES reps (id),
        last_mutation_id bigint NOT NULL DEFAULT 0 CHECK (last_mutation_id >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      // One sequence for every team: a change's position in the stream pull reads by.
      `CREATE SEQUENCE records_seq`,
      // data is NULL for a deleted record (the tombstone syncs). author_rep_id is the note's
      // author for notes and the last writer otherwise. private marks a private note; shared
      // remembers that it was once visible to the team, so that others get a tombstone for it
      // (instead of keeping a stale copy) when its author makes it private.
      `CREATE TABLE records (
        team_id text NOT NULL REFERENCES teams (id),
        tbl text NOT NULL CHECK (tbl IN ('customers', 'revenueLines', 'contacts', 'coaches', 'problems', 'reps', 'pods', 'notes')),
        id text NOT NULL,
        data jsonb,
        author_rep_id text,
        private boolean NOT NULL DEFAULT false,
        shared boolean NOT NULL DEFAULT false,
        seq bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (team_id, tbl, id)
      )`,
      `CREATE UNIQUE INDEX records_team_seq ON records (team_id, seq)`,
    ],
  },
  {
    version: 2,
    name: 'records.bytes and teams.stored_bytes: sizes for pull pages and the team quota',
    statements: [
      // Each record's JSON size, written with it (server/sync/records.ts): a pull page is cut
      // by bytes without reading the records (server/sync/pull.ts).
      `ALTER TABLE records ADD COLUMN bytes integer`,
      `UPDATE records SET bytes = coalesce(octet_length(data::text), 4)`,
      // The team's total, kept by each push (server/sync/quota.ts); counted once here.
      `ALTER TABLE teams ADD COLUMN stored_bytes bigint NOT NULL DEFAULT 0`,
      `UPDATE teams SET stored_bytes = coalesce((SELECT sum(bytes) FROM records WHERE records.team_id = teams.id AND data IS NOT NULL), 0)`,
    ],
  },
];

/** An arbitrary constant: the advisory lock that keeps two instances from migrating at once. */
const MIGRATION_LOCK = 7_020_801;

/** Brings the database up to the latest migration; returns the versions it applied. */
export async function migrate(db: Db): Promise<number[]> {
  return db.transaction(async (tx) => {
    // Several instances may start together on one PostgreSQL: the first migrates, the others
    // wait here and then find nothing left to do.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => Number(r.version)));
    const newest = Math.max(0, ...done);
    const latest = MIGRATIONS.at(-1)?.version ?? 0;
    if (newest > latest) {
      throw new Error(`The database is at schema version ${newest}, newer than this server knows (${latest}). Upgrade the server.`);
    }
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      for (const sql of m.statements) await tx.query(sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
