/**
 * PGlite: PostgreSQL compiled to WebAssembly, storing in a data folder. The default store,
 * so that a small team runs the server with nothing else installed.
 *
 * PGlite keeps the database in this process's memory and writes it through to the folder, so
 * two processes opening one folder would overwrite each other's work. A lock file beside the
 * folder (holding the owner's pid) keeps a second server, or the CLI while a server runs, out.
 */
import { PGlite } from '@electric-sql/pglite';
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { keepPrivate, ownerOnlyUmask } from './private-files';
import { dirname, resolve } from 'node:path';
import type { Db, Queryable, SqlParam } from './adapter';

export class DataDirInUse extends Error {
  override readonly name = 'DataDirInUse';
}

export async function openPglite(dataDir: string): Promise<Db> {
  const dir = resolve(dataDir);
  // The data is the team's: readable and writable by the server's user only, both for the
  // files PGlite creates from now on and for a folder made by an older version.
  ownerOnlyUmask();
  mkdirSync(dirname(dir), { recursive: true });
  const lock = `${dir}.lock`;
  takeLock(lock);
  let db: PGlite;
  try {
    db = await PGlite.create({ dataDir: dir });
    keepPrivate(dir);
  } catch (err) {
    releaseLock(lock);
    throw err;
  }
  const run = async <Row extends object>(q: Queryable | PGlite, sql: string, params?: readonly SqlParam[]) => {
    const res = await (q as PGlite).query<Row>(sql, params ? [...params] : []);
    return res.rows;
  };
  return {
    kind: 'pglite',
    query: (sql, params) => run(db, sql, params),
    // PGlite has one connection; its transaction() holds it exclusively until COMMIT/ROLLBACK.
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: async <Row extends object>(sql: string, params?: readonly SqlParam[]) =>
            (await tx.query<Row>(sql, params ? [...params] : [])).rows,
        }),
      ),
    async close() {
      try {
        await db.close();
      } finally {
        releaseLock(lock);
      }
    },
  };
}

function takeLock(lock: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const pid = Number(readFileSync(lock, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
      throw new DataDirInUse(
        `The data folder ${lock.slice(0, -'.lock'.length)} is in use by process ${pid} (a running server?). ` +
          'PGlite allows one process per folder: stop the server first, or use PostgreSQL (DATABASE_URL).',
      );
    }
    // The owner died without cleaning up (kill -9, power loss): the lock is stale.
    unlinkSync(lock);
  }
  throw new DataDirInUse(`Could not lock ${lock}.`);
}

function releaseLock(lock: string): void {
  try {
    if (readFileSync(lock, 'utf8').trim() === String(process.pid)) unlinkSync(lock);
  } catch {
    // Already gone.
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
