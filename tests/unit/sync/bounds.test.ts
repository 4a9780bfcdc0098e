/**
 * Issue 14, findings 1 and 3, on the client's side: every text and list of a record has a
 * maximum and one record a maximum of bytes (lib/model/bounds.ts, lib/sync/protocol.ts); text
 * must be well-formed (no NUL, no half of an emoji) and is made so where it enters from a page
 * (lib/util/well-formed.ts, lib/sites/detect.ts); a pull page that fails with a 413 or a 5xx
 * is asked for again smaller, and a round whose push failed still pulls (lib/sync/engine.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { HoldfastDB, customerFromSubject, saveCustomer } from '@/lib/db';
import { Customer, MAX_PROBLEM_EVENTS, MAX_RECORD_BYTES, MAX_REPS_IN_LIST, Pod, Problem, type Problem as ProblemT } from '@/lib/model';
import { detectSubject } from '@/lib/sites/detect';
import type { SiteAdapter } from '@/lib/sites/types';
import { connect } from '@/lib/sync/connect';
import { syncOnce, type EngineOptions } from '@/lib/sync/engine';
import { jsonBytes, RECORD_SCHEMAS } from '@/lib/sync/protocol';
import { readCursor } from '@/lib/sync/store';
import { newId, nowIso } from '@/lib/util/ids';
import { isWellFormed, toWellFormed, truncateWellFormed } from '@/lib/util/well-formed';
import { FakeServer } from './fake-server';

const HALF_EMOJI = 'Café 😀'.slice(0, 6); // 'Café \uD83D': a lone high surrogate
const at = '2026-11-28T09:30:00.000Z';

function problem(events: ProblemT['events'], extra: Partial<ProblemT> = {}): ProblemT {
  return {
    id: 'p1', updatedAt: at, customerId: 'c1', title: 'Late delivery', severity: 'normal', channel: 'phone', receivedAt: at,
    ownerRepId: 'r1', coveringRepIds: [], status: 'open', reopenCount: 0, events, ...extra,
  };
}
const update = (i: number, text: string) => ({ id: `e${i}`, at, byRepId: 'r1', type: 'update' as const, text });

describe('well-formed text', () => {
  it('replaces lone surrogates and NUL with U+FFFD and keeps pairs', () => {
    expect(isWellFormed(HALF_EMOJI)).toBe(false);
    expect(toWellFormed(HALF_EMOJI)).toBe('Café \uFFFD');
    expect(toWellFormed('a\u0000b')).toBe('a\uFFFDb');
    expect(toWellFormed('\uDE00x\uD83D')).toBe('\uFFFDx\uFFFD');
    expect(toWellFormed('Café 😀')).toBe('Café 😀');
    expect(isWellFormed('Café 😀 中文')).toBe(true);
  });

  it('cuts text between characters, never inside a pair', () => {
    expect(truncateWellFormed('Café 😀', 6)).toBe('Café ');
    expect(truncateWellFormed('Café 😀', 7)).toBe('Café 😀');
  });

  it('the shared schemas refuse ill-formed text and ids', () => {
    const customer = { ...customerFromSubject({ site: 'salesforce', objectType: 'Account', recordId: '001', name: 'Acme', emails: [], domains: [] }), updatedAt: at };
    expect(z.safeParse(Customer, customer).success).toBe(true);
    expect(z.safeParse(Customer, { ...customer, name: HALF_EMOJI }).success).toBe(false);
    expect(z.safeParse(Customer, { ...customer, name: 'Acme\u0000' }).success).toBe(false);
    expect(z.safeParse(Customer, { ...customer, id: 'id\uDC00' }).success).toBe(false);
    expect(z.safeParse(Problem, problem([update(1, `hi ${HALF_EMOJI}`)])).success).toBe(false);
  });

  it('a page name cut inside an emoji comes out of detection well-formed (finding 3)', () => {
    const adapter: SiteAdapter = {
      id: 'test',
      matches: () => true,
      detect: () => ({ site: 'test', name: HALF_EMOJI, emails: [], domains: [] }),
    } as unknown as SiteAdapter;
    const subject = detectSubject(new URL('https://crm.example/x'), {} as Document, [adapter]);
    expect(subject?.name).toBe('Café \uFFFD');
  });
});

describe('bounds (finding 1)', () => {
  it('lists have a maximum count', () => {
    const events = Array.from({ length: MAX_PROBLEM_EVENTS + 1 }, (_, i) => update(i, 'x'));
    expect(z.safeParse(Problem, problem(events.slice(0, MAX_PROBLEM_EVENTS))).success).toBe(true);
    expect(z.safeParse(Problem, problem(events)).success).toBe(false);
    const reps = Array.from({ length: MAX_REPS_IN_LIST + 1 }, (_, i) => `r${i}`);
    expect(z.safeParse(Problem, problem([], { coveringRepIds: reps })).success).toBe(false);
    expect(z.safeParse(Pod, { id: 'pod', updatedAt: at, name: 'Pod', memberIds: reps }).success).toBe(false);
  });

  it('one record is at most MAX_RECORD_BYTES of JSON, whatever its lists and texts', () => {
    // 240 update events of 20,000 characters, as in the finding: each part within its bound.
    const events = Array.from({ length: 240 }, (_, i) => update(i, 'x'.repeat(20_000)));
    const big = problem(events);
    expect(z.safeParse(Problem, big).success).toBe(true);
    expect(jsonBytes(big)).toBeGreaterThan(MAX_RECORD_BYTES);
    expect(z.safeParse(RECORD_SCHEMAS.problems, big).success).toBe(false);
    expect(z.safeParse(RECORD_SCHEMAS.problems, problem(events.slice(0, 10))).success).toBe(true);
  });

  it('counts bytes as UTF-8', () => {
    expect(jsonBytes('é')).toBe(4); // "é": quotes and two bytes
    expect(jsonBytes('中')).toBe(5);
    expect(jsonBytes('😀')).toBe(6);
  });
});

describe('the sync round under bad pages and failed pushes', () => {
  let db: HoldfastDB;
  let server: FakeServer;
  let opts: EngineOptions;

  beforeEach(async () => {
    db = new HoldfastDB(`bounds-${newId()}`);
    await db.open();
    server = new FakeServer();
    opts = { db, fetch: server.fetch };
    expect((await connect(db, { serverUrl: 'https://sync.example.com/', token: 'secret' }, { fetch: server.fetch })).ok).toBe(true);
    await syncOnce(opts);
  });

  it('a pull page that fails with a 5xx or 413 is asked for again smaller, and the round goes on', async () => {
    for (let i = 0; i < 30; i++) server.put('customers', { ...customerFromSubject({ site: 'salesforce', objectType: 'Account', recordId: `0${i}`, name: `T${i}`, emails: [], domains: [] }), updatedAt: nowIso() });
    const limits: number[] = [];
    const fetch: EngineOptions['fetch'] = (url, init) => {
      const u = new URL(url);
      if (u.pathname === '/v1/pull') {
        const limit = Number(u.searchParams.get('limit'));
        limits.push(limit);
        // Pages of more than 10 are "too much" for this server: first a 500, then a 413.
        if (limit > 10) return Promise.resolve(new Response(JSON.stringify({ error: 'x', reason: 'too much' }), { status: limits.length === 1 ? 500 : 413 }));
      }
      return server.fetch(url, init);
    };
    const report = await syncOnce({ ...opts, fetch, pullLimit: 1000 });
    expect(report.pulled).toBe(30);
    expect(await db.customers.count()).toBe(30);
    expect(limits.slice(0, 3)).toEqual([1000, 250, 62]);
    expect(limits).toContain(3);
  });

  it('a round whose push fails still pulls the team’s changes, then reports the failure', async () => {
    await saveCustomer(db, customerFromSubject({ site: 'salesforce', objectType: 'Account', recordId: '001', name: 'Mine', emails: [], domains: [] }));
    server.put('customers', { ...customerFromSubject({ site: 'salesforce', objectType: 'Account', recordId: '002', name: 'Theirs', emails: [], domains: [] }), updatedAt: nowIso() });
    const before = await readCursor(db);
    server.faults = [{ status: 500 }];
    await expect(syncOnce(opts)).rejects.toMatchObject({ code: 'server' });
    expect(await db.customers.where('nameKey').equals('theirs').count()).toBe(1);
    expect(Number(await readCursor(db))).toBeGreaterThan(Number(before));
    expect(await db.outbox.count()).toBe(1);
  });
});
