/**
 * Once per server test run: the PGlite template every server copies, a reachable PostgreSQL,
 * and no test databases left over from runs that were killed.
 */
import { checkPostgres, dropOrphanDatabases, pgliteTemplate } from './harness';

export default async function setup(): Promise<void> {
  await Promise.all([pgliteTemplate(), checkPostgres().then(dropOrphanDatabases)]);
}
