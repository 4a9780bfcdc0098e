/**
 * The one interface the server's SQL goes through, so the same statements run on PGlite
 * (embedded, a data folder) and on PostgreSQL (`pg`). Only what both do identically is used:
 * numbered parameters, explicit casts (`$1::jsonb`, `$2::text[]`), and bigints read back as
 * text (`seq::text`), because PGlite would hand an int8 back as a JS number and `pg` as a string.
 */
export type SqlParam = string | number | boolean | null | readonly (string | number | boolean | null)[];

export interface Queryable {
  query<Row extends object = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<Row[]>;
}

export type DbKind = 'pglite' | 'postgres';

export interface Db extends Queryable {
  readonly kind: DbKind;
  /**
   * Runs `fn` inside BEGIN … COMMIT on one connection; any throw rolls back and is rethrown.
   * Statements that must see each other's effects (and the locks they take) go through `tx`.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
