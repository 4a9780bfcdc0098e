/**
 * Issue 14, findings 9 and 3, the parts that need no running server:
 *  - PGlite's data folder is the server user's only (it came out 0666, pg_hba.conf included);
 *  - /health, which needs no token, does not hand out the database's own error text;
 *  - one record the database refuses cannot fail the push's other records (the backstop
 *    behind the schemas' own checks).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app';
import { readConfig } from '../../server/config';
import type { Db, Queryable, SqlParam } from '../../server/db/adapter';
import { openPglite } from '../../server/db/pglite';
import { RateLimiter } from '../../server/rate-limit';
import { oversizedWrites, writeRecordsGuarded } from '../../server/sync/guarded-write';
import { recordKey, type RecordWrite } from '../../server/sync/records';

const scratch = mkdtempSync(join(tmpdir(), 'holdfast-leaks-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function modes(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (p: string) => {
    const st = statSync(p);
    out.set(p, st.mode & 0o777);
    if (st.isDirectory()) for (const n of readdirSync(p)) walk(join(p, n));
  };
  walk(dir);
  return out;
}

describe('finding 9', () => {
  it('PGlite’s data folder and files are readable and writable by the server’s user only', async () => {
    const dir = join(scratch, 'data');
    const db = await openPglite(dir);
    await db.query('CREATE TABLE t (a int)');
    await db.close();
    const all = modes(dir);
    expect(all.size).toBeGreaterThan(10);
    const open = [...all].filter(([, m]) => (m & 0o077) !== 0).map(([p, m]) => `${m.toString(8)} ${p}`);
    expect(open).toEqual([]);
    expect(all.get(dir)).toBe(0o700);
    expect(all.get(join(dir, 'pg_hba.conf'))).toBe(0o600);
  }, 120_000);

  it('/health answers 503 without the database’s own words, which go to the log', async () => {
    const secret = 'password authentication failed for user holdfast at 10.1.2.3:5432';
    const db: Db = {
      kind: 'postgres',
      query: () => Promise.reject(new Error(secret)),
      transaction: () => Promise.reject(new Error(secret)),
      close: () => Promise.resolve(),
    };
    const config = readConfig({});
    const app = createApp({ db, config, limiter: new RateLimiter(config.rateLimit), version: 'test' });
    const logged = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const res = await app.request('/health');
      expect(res.status).toBe(503);
      const text = await res.text();
      expect(JSON.parse(text)).toMatchObject({ error: 'database_unavailable' });
      expect(text).not.toContain('password');
      expect(text).not.toContain('10.1.2.3');
      expect(logged.mock.calls.map((c) => String(c[0])).join('')).toContain(secret);
    } finally {
      logged.mockRestore();
    }
  });
});

describe('finding 3: one record the database refuses', () => {
  it('is reported by key, and the others are written', async () => {
    const stored: string[] = [];
    const statements: string[] = [];
    // A database that refuses any INSERT carrying the record "poison".
    const tx: Queryable = {
      query: <Row extends object>(sql: string, params?: readonly SqlParam[]) => {
        statements.push(sql.trim().split(/\s+/)[0]!);
        if (sql.includes('nextval')) return Promise.resolve([{ seq: '1' }] as unknown as Row[]);
        if (sql.includes('INSERT INTO records')) {
          const ids = params![2] as string[];
          if (ids.includes('poison')) return Promise.reject(new Error('unsupported Unicode escape sequence'));
          stored.push(...ids);
        }
        return Promise.resolve([] as Row[]);
      },
    };
    const write = (id: string): RecordWrite => ({ table: 'customers', id, data: { id }, authorRepId: 'r1', private: false, shared: true });
    const logged = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const refused = await writeRecordsGuarded(tx, 'team', [write('a'), write('poison'), write('b')]);
      expect([...refused]).toEqual([recordKey('customers', 'poison')]);
      expect(stored).toEqual(['a', 'b']);
      expect(statements).toContain('ROLLBACK');
    } finally {
      logged.mockRestore();
    }
  });

  it('a record that merging grew past the record bound is refused (too_large), not stored', () => {
    const write = (id: string, chars: number): RecordWrite => ({ table: 'problems', id, data: { id, text: 'x'.repeat(chars) }, authorRepId: 'r1', private: false, shared: true });
    const out = oversizedWrites([write('small', 1000), write('merged', 300 * 1024)]);
    expect([...out.keys()]).toEqual([recordKey('problems', 'merged')]);
    expect(out.get(recordKey('problems', 'merged'))).toMatchObject({ code: 'too_large', reason: expect.stringMatching(/at most 256 KB/) });
  });
});
