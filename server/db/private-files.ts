/**
 * The PGlite data folder holds the team's records and pg_hba.conf: it must be readable and
 * writable by the server's user only (issue 14, finding 9: PGlite's files came out 0666).
 * PGlite writes through Node's fs with mode 0666, so the process umask decides; the server
 * sets it to 077 before opening the folder, and tightens a folder an older version left open.
 */
import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** From now on, files and folders this process creates are its user's only. */
export function ownerOnlyUmask(): void {
  process.umask(0o077);
}

/** Takes group and other access away from `path` and everything under it (symlinks left alone). */
export function keepPrivate(path: string): void {
  const st = lstatSync(path);
  if (st.isSymbolicLink()) return;
  if (st.isDirectory()) {
    if ((st.mode & 0o777) !== PRIVATE_DIR_MODE) chmodSync(path, PRIVATE_DIR_MODE);
    for (const name of readdirSync(path)) keepPrivate(join(path, name));
  } else if ((st.mode & 0o077) !== 0) {
    chmodSync(path, PRIVATE_FILE_MODE);
  }
}
