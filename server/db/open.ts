/** Opens the database the environment names and brings its schema up to date. */
import type { Db } from './adapter';
import { migrate } from './migrations';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export interface DbConfig {
  /** A PostgreSQL URL; when absent, PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  poolSize: number;
}

export async function openDb(config: DbConfig): Promise<Db> {
  const db = config.databaseUrl ? openPostgres(config.databaseUrl, config.poolSize) : await openPglite(config.dataDir);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
