/** PostgreSQL through a `pg` pool: used when DATABASE_URL is set (several instances may share it). */
import pg from 'pg';
import type { Db, Queryable, SqlParam } from './adapter';

export function openPostgres(url: string, poolSize: number): Db {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client losing its connection (the database restarted) must not crash the server;
  // the pool drops it and the next query opens a fresh one.
  pool.on('error', () => {});

  const run = async <Row extends object>(q: pg.Pool | pg.PoolClient, sql: string, params?: readonly SqlParam[]): Promise<Row[]> => {
    const res = await q.query(sql, params ? [...params] : []);
    return res.rows as Row[];
  };

  return {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const tx: Queryable = { query: (sql, params) => run(client, sql, params) };
        const out = await fn(tx);
        await client.query('COMMIT');
        return out;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackErr) {
          // The connection itself failed: do not hand it back to the pool.
          broken = rollbackErr instanceof Error ? rollbackErr : new Error(String(rollbackErr));
        }
        throw err;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
