import { beforeEach, describe, expect, it } from 'vitest';
import { HoldfastDB, customerFromSubject, ensureMe, logProblemAsMe, saveCustomer } from '@/lib/db';
import { connect, disconnect } from '@/lib/sync/connect';
import { syncOnce, type EngineOptions } from '@/lib/sync/engine';
import { SyncHttpError } from '@/lib/sync/http';
import { readConfig, readCursor, readRefusals } from '@/lib/sync/store';
import { readSyncStatus } from '@/lib/sync/status';
import { newId, nowIso } from '@/lib/util/ids';
import type { Problem } from '@/lib/model';
import { FakeServer } from './fake-server';

let db: HoldfastDB;
let server: FakeServer;
let opts: EngineOptions;

beforeEach(async () => {
  db = new HoldfastDB(`engine-${newId()}`);
  await db.open();
  server = new FakeServer();
  opts = { db, fetch: server.fetch };
});

const subject = (name: string, recordId: string) => ({ site: 'salesforce', objectType: 'Account', recordId, tenant: 'acme', name, emails: [], domains: [] });

async function connected() {
  const r = await connect(db, { serverUrl: 'https://sync.example.com/', token: 'secret' }, { fetch: server.fetch });
  expect(r.ok).toBe(true);
  await syncOnce(opts); // the first sync
}

const ids = async () => (await db.outbox.orderBy('id').toArray()).map((e) => e.id);

describe('sync engine against a fake server', () => {
  it('pushes the outbox, drops what the server confirmed, and pulls the team’s changes', async () => {
    await connected();
    const c = await saveCustomer(db, customerFromSubject(subject('Acme Corp', '001A')));
    await logProblemAsMe(db, { customerId: c.id, title: 'Late delivery', channel: 'phone' });
    const queued = (await ids()).length;
    expect(queued).toBeGreaterThanOrEqual(2);
    server.put('customers', { ...customerFromSubject(subject('Globex', '001B')), updatedAt: nowIso() });

    const report = await syncOnce(opts);
    expect(report).toMatchObject({ pushed: queued, refused: 0 });
    expect(await db.outbox.count()).toBe(0);
    expect(server.get('customers', c.id)).toMatchObject({ name: 'Acme Corp' });
    // The pulled customer is stored with its index fields derived, and was not queued back.
    expect(await db.customers.where('nameKey').equals('globex').count()).toBe(1);
    expect(await db.outbox.count()).toBe(0);
  });

  it('pushes in batches and keeps every entry the server has not confirmed when a batch fails', async () => {
    await connected();
    for (let i = 0; i < 7; i++) await saveCustomer(db, customerFromSubject(subject(`C${i}`, `00${i}`)));
    // The second push fails (the server broke); the first one's entries are gone, the rest stay.
    const before = await ids();
    let pushes = 0;
    const failing: EngineOptions = {
      ...opts,
      batchSize: 3,
      fetch: (url, init) => (url.includes('/v1/push') && ++pushes === 2 ? Promise.resolve(new Response('{"error":"boom","reason":"disk full"}', { status: 500 })) : server.fetch(url, init)),
    };
    await expect(syncOnce(failing)).rejects.toMatchObject({ code: 'server', message: 'disk full' });
    expect(await ids()).toEqual(before.slice(3));
    expect(server.last.get((await readConfig(db))!.clientId)).toBe(before[2]);

    await syncOnce({ ...opts, batchSize: 3 });
    expect(await db.outbox.count()).toBe(0);
    const clientId = (await readConfig(db))!.clientId;
    expect(server.applied.slice(-7)).toEqual(before.map((id) => `${clientId}:${id}`));
  });

  it('restores the server’s record when it refuses a change, and lists the refusal', async () => {
    await connected();
    const c = await saveCustomer(db, customerFromSubject(subject('Acme Corp', '001A')));
    const p = await logProblemAsMe(db, { customerId: c.id, title: 'Late delivery', channel: 'phone' });
    await syncOnce(opts);
    // An edit that hands the problem to someone else without a transfer: the server says no.
    await db.problems.put({ ...p, ownerRepId: 'someone-else', updatedAt: nowIso() });
    server.refuse = (m, current) =>
      m.table === 'problems' && m.op === 'put' && current && (m.record as Problem).ownerRepId !== current.ownerRepId
        ? { code: 'owner_change', reason: 'the owner changes only by a transfer' }
        : null;

    const report = await syncOnce(opts);
    expect(report.refused).toBe(1);
    expect((await db.problems.get(p.id))?.ownerRepId).toBe(p.ownerRepId);
    expect(await db.outbox.count()).toBe(0); // consumed, not retried forever
    expect(await readRefusals(db)).toEqual([expect.objectContaining({ table: 'problems', recordId: p.id, code: 'owner_change', label: 'Late delivery' })]);
  });

  it('a refused new record is removed here (the server has none)', async () => {
    await connected();
    server.refuse = (m) => (m.table === 'pods' ? { code: 'lead_only', reason: 'pods belong to the team lead' } : null);
    await db.pods.put({ id: newId(), updatedAt: nowIso(), name: 'Pod A', memberIds: [] });
    await syncOnce(opts);
    expect(await db.pods.count()).toBe(0);
    expect((await readRefusals(db))[0]).toMatchObject({ code: 'lead_only', label: 'Pod A' });
  });

  it('answers a 409 gap by resending from the server’s lastMutationId + 1', async () => {
    await connected();
    for (let i = 0; i < 4; i++) await saveCustomer(db, customerFromSubject(subject(`C${i}`, `00${i}`)));
    await syncOnce(opts);
    const clientId = (await readConfig(db))!.clientId;
    // The server was restored from a backup and lost this client's last two mutations.
    const confirmed = server.last.get(clientId)!;
    server.last.set(clientId, confirmed - 2);
    await saveCustomer(db, customerFromSubject(subject('C9', '009')));
    expect(await ids()).toEqual([confirmed + 1]);
    const pushesBefore = server.requests.filter((r) => r === 'POST /v1/push').length;

    await syncOnce(opts);
    expect(await db.outbox.count()).toBe(0);
    expect(server.requests.filter((r) => r === 'POST /v1/push').length - pushesBefore).toBe(2); // the 409, then the resend
    expect(server.last.get(clientId)).toBe(confirmed - 1); // it went again as the next id the server expected
    expect(server.get('customers', (await db.customers.where('nameKey').equals('c9').first())!.id)).toMatchObject({ name: 'C9' });
  });

  it('keeps a pending local change on top of a pulled one', async () => {
    await connected();
    const c = await saveCustomer(db, customerFromSubject(subject('Acme Corp', '001A')));
    await syncOnce(opts);
    // A teammate renames it; meanwhile I rename it too, and my push fails.
    server.put('customers', { ...c, name: 'Acme (theirs)', updatedAt: nowIso() });
    await saveCustomer(db, { ...c, name: 'Acme (mine)' });
    server.faults = [{ status: 503 }];
    const before = await readCursor(db);
    // The round still pulls after its push failed (issue 14), and that pull must not
    // overwrite the pending change.
    await expect(syncOnce(opts)).rejects.toBeInstanceOf(SyncHttpError);
    expect(Number(await readCursor(db))).toBeGreaterThan(Number(before));
    expect((await db.customers.get(c.id))?.name).toBe('Acme (mine)');
    expect(await db.outbox.count()).toBe(1);
    await syncOnce(opts);
    expect((await db.customers.get(c.id))?.name).toBe('Acme (mine)');
    expect(server.get('customers', c.id)?.name).toBe('Acme (mine)');
  });

  it('saves the cursor page by page, so an interrupted pull resumes where it stopped', async () => {
    await connected();
    for (let i = 0; i < 5; i++) server.put('customers', { ...customerFromSubject(subject(`T${i}`, `10${i}`)), updatedAt: nowIso() });
    let pulls = 0;
    const flaky: EngineOptions = { ...opts, pullLimit: 2, fetch: (url, init) => (url.includes('/v1/pull') && ++pulls === 3 ? Promise.reject(new TypeError('Failed to fetch')) : server.fetch(url, init)) };
    await expect(syncOnce(flaky)).rejects.toMatchObject({ code: 'offline' });
    expect(await db.customers.count()).toBe(4);
    const cursor = await readCursor(db);
    await syncOnce({ ...opts, pullLimit: 2 });
    expect(await db.customers.count()).toBe(5);
    expect(Number(await readCursor(db))).toBeGreaterThan(Number(cursor));
  });

  it('settles a record whose refusal was lost with the answer', async () => {
    await connected();
    const c = await saveCustomer(db, customerFromSubject(subject('Acme Corp', '001A')));
    const p = await logProblemAsMe(db, { customerId: c.id, title: 'Late delivery', channel: 'phone' });
    await syncOnce(opts);
    server.refuse = (m) => (m.table === 'problems' ? { code: 'owner_change', reason: 'no' } : null);
    await db.problems.put({ ...p, ownerRepId: 'someone-else', updatedAt: nowIso() });
    // The server refuses the push, but the answer never arrives; the retry is a duplicate.
    server.faults = [{ loseAnswer: true }];
    const [entry] = await db.outbox.toArray();
    await expect(syncOnce(opts)).rejects.toMatchObject({ code: 'offline' });
    // The round pulls after its push failed: the pull says the server has the entry, so it
    // leaves the outbox, its outcome unknown until the next round reads the record again.
    expect(await db.outbox.count()).toBe(0);
    const report = await syncOnce(opts);
    expect(report.reconciled).toBe(1);
    expect((await db.problems.get(p.id))?.ownerRepId).toBe(p.ownerRepId);
    expect(server.applied.filter((a) => a.endsWith(`:${entry!.id}`))).toHaveLength(1); // applied once
    expect(await readRefusals(db)).toEqual([]); // its reason was lost with the answer
  });

  it('a 401 is an error that says the token is refused', async () => {
    await connected();
    server.token = 'rotated';
    await saveCustomer(db, customerFromSubject(subject('Acme Corp', '001A')));
    await expect(syncOnce(opts)).rejects.toMatchObject({ code: 'unauthorized' });
    expect(await db.outbox.count()).toBe(1);
  });

  it('does nothing when not connected, and disconnecting empties the outbox and forgets the token', async () => {
    expect(await syncOnce(opts)).toMatchObject({ connected: false });
    expect(server.requests).toEqual([]);
    await connected();
    await saveCustomer(db, customerFromSubject(subject('Acme Corp', '001A')));
    const status = await readSyncStatus(db);
    expect(status).toMatchObject({ connected: true, teamName: 'Acme Sales', repName: 'Li Wei', pending: 1 });
    expect(JSON.stringify(status)).not.toContain('secret');
    expect(await disconnect(db)).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    expect(await readConfig(db)).toBeUndefined();
    expect(JSON.stringify(await db.sync.toArray())).not.toContain('secret');
    await saveCustomer(db, customerFromSubject(subject('Globex', '001B')));
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('first sync after connecting', () => {
  it('queues every local record once, takes the team’s, and keeps my newer copies', async () => {
    const me = await ensureMe(db, 'Li Wei');
    const mine = await saveCustomer(db, customerFromSubject(subject('Mine Only', '001A')));
    const shared = await saveCustomer(db, customerFromSubject(subject('Shared', '001B')));
    const stale = await saveCustomer(db, { ...customerFromSubject(subject('Old here', '001C')), updatedAt: '2020-01-01T00:00:00.000Z' });
    // The team has Shared in an older version and Old here in a newer one, plus its own.
    server.put('customers', { ...shared, name: 'Shared (older)', updatedAt: '2020-01-01T00:00:00.000Z' });
    server.put('customers', { ...stale, name: 'Old here (team)', updatedAt: nowIso() });
    server.put('customers', { ...customerFromSubject(subject('Team Only', '001D')), updatedAt: nowIso() });

    const r = await connect(db, { serverUrl: 'https://sync.example.com', token: 'secret' }, { fetch: server.fetch });
    expect(r.ok).toBe(true);
    const progress: string[] = [];
    await syncOnce({ ...opts, onProgress: (p) => progress.push(p.phase) });

    expect(progress).toContain('queue');
    expect((await readConfig(db))?.firstSync).toBe(false);
    expect(server.get('customers', mine.id)?.name).toBe('Mine Only');
    expect(server.get('customers', shared.id)?.name).toBe('Shared');
    expect((await db.customers.get(stale.id))?.name).toBe('Old here (team)');
    expect(await db.customers.where('nameKey').equals('team only').count()).toBe(1);
    // Me, under the team's id.
    expect(server.get('reps', 'rep-server-1')).toMatchObject({ name: 'Li Wei' });
    expect(await db.reps.get(me.id)).toBeUndefined();
    // Exactly the three records the team lacked or had older went up, once each.
    expect(server.applied).toHaveLength(3);
    await syncOnce(opts);
    expect(server.applied).toHaveLength(3);
  });

  it('an interrupted first sync runs again without queueing anything twice', async () => {
    for (let i = 0; i < 3; i++) await saveCustomer(db, customerFromSubject(subject(`C${i}`, `00${i}`)));
    await connect(db, { serverUrl: 'https://sync.example.com', token: 'secret' }, { fetch: server.fetch });
    let pushes = 0;
    await expect(syncOnce({ ...opts, fetch: (u, i) => (u.includes('/v1/push') && ++pushes === 1 ? Promise.reject(new TypeError('offline')) : server.fetch(u, i)) })).rejects.toBeInstanceOf(SyncHttpError);
    // The queue is built and kept; the first sync is over.
    expect(await db.outbox.count()).toBe(4); // three customers and me
    await syncOnce(opts);
    expect(server.applied).toHaveLength(4);
  });
});
