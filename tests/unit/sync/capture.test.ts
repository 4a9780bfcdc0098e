import { beforeEach, describe, expect, it } from 'vitest';
import { HoldfastDB, customerFromSubject, ensureMe, logProblemAsMe, saveCustomer } from '@/lib/db';
import { addNote, deleteNote } from '@/lib/db/notes';
import { writeAccounts } from '@/lib/db/import-writes';
import { wipeAll } from '@/lib/backup/restore';
import { replacePods } from '@/lib/db/pods';
import { applyingServerData, readRefusals } from '@/lib/sync/store';
import { toMutation } from '@/lib/sync/outbox';
import { Mutation } from '@/lib/sync/protocol';
import * as z from 'zod/mini';
import { newId, nowIso } from '@/lib/util/ids';

let db: HoldfastDB;
beforeEach(async () => {
  db = new HoldfastDB(`capture-${newId()}`);
  await db.open();
});

const captureOn = (d: HoldfastDB) => d.sync.put({ key: 'capture', on: true, nextId: 1 });
const acme = () => customerFromSubject({ site: 'salesforce', objectType: 'Account', recordId: '001A', tenant: 'acme', name: 'Acme Corp', emails: [], domains: ['acme.com'] });
const outbox = () => db.outbox.orderBy('id').toArray();

describe('outbox capture', () => {
  it('queues nothing while not connected', async () => {
    const c = await saveCustomer(db, acme());
    await logProblemAsMe(db, { customerId: c.id, title: 'Late', channel: 'phone' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('queues a whole-record put for each write of the existing write paths, numbered 1, 2, 3… in order', async () => {
    await captureOn(db);
    const c = await saveCustomer(db, acme());
    const me = await ensureMe(db);
    const p = await logProblemAsMe(db, { customerId: c.id, title: 'Late', channel: 'phone' });
    const n = await addNote(db, { customerId: c.id, text: 'hello', visibility: 'team' }, me.id);
    const out = await outbox();
    expect(out.map((e) => e.id)).toEqual(out.map((_, i) => i + 1));
    const order = out.map((e) => `${e.table}/${e.recordId}`);
    expect(order[0]).toBe(`customers/${c.id}`);
    expect(order.indexOf(`reps/${me.id}`)).toBeLessThan(order.indexOf(`problems/${p.id}`));
    expect(order.indexOf(`problems/${p.id}`)).toBeLessThan(order.indexOf(`notes/${n.id}`));
    for (const e of out) {
      expect(e.op).toBe('put');
      // What goes on the wire parses as the protocol's mutation (index fields stripped).
      expect(z.safeParse(Mutation, toMutation(e)).success).toBe(true);
    }
    const first = out[0]!;
    expect(first.op === 'put' && Object.keys(first.record)).not.toContain('crmKeys');
    expect(first.op === 'put' && Object.keys(first.record)).not.toContain('nameKey');
    // The counter continues where it stopped.
    expect((await db.sync.get('capture'))).toMatchObject({ nextId: out.length + 1 });
  });

  it('captures import writes (bulk, chunked) and a tombstone as a put, a hard delete as a delete', async () => {
    await captureOn(db);
    await writeAccounts(
      db,
      [
        { row: 2, recordId: '001A', name: 'Acme', domains: ['acme.com'] },
        { row: 3, recordId: '001B', name: 'Globex', domains: ['globex.com'] },
        { row: 4, recordId: '001C', name: 'Initech', domains: [] },
      ],
      { source: 'salesforce', tenant: 'acme', chunkSize: 2 },
    );
    expect((await outbox()).map((e) => e.table)).toEqual(['customers', 'customers', 'customers']);
    const me = await ensureMe(db);
    const customerId = (await db.customers.toCollection().first())!.id;
    const note = await addNote(db, { customerId, text: 'x', visibility: 'private' }, me.id);
    await deleteNote(db, note.id, me.id);
    await db.revenueLines.put({ id: 'line-1', updatedAt: nowIso(), customerId, date: '2026-01-01', amount: 100, currency: 'EUR', product: 'A' });
    await db.revenueLines.delete('line-1');
    const tail = (await outbox()).slice(-2);
    expect(tail.map((e) => [e.table, e.op, e.recordId])).toEqual([
      ['revenueLines', 'put', 'line-1'],
      ['revenueLines', 'delete', 'line-1'],
    ]);
    const tomb = (await outbox()).filter((e) => e.recordId === note.id).at(-1)!;
    expect(tomb.op === 'put' && tomb.record.deleted).toBe(true);
  });

  it('commits a write and its outbox entry together or not at all', async () => {
    await captureOn(db);
    await expect(
      db.transaction('rw', db.customers, async () => {
        await saveCustomer(db, acme());
        throw new Error('the user cancelled');
      }),
    ).rejects.toThrow('the user cancelled');
    expect(await db.customers.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.sync.get('capture'))).toMatchObject({ nextId: 1 });

    // And the other way round: when the entry cannot be written, neither is the record.
    await db.outbox.add({ id: 1, table: 'customers', recordId: 'x', op: 'delete', at: nowIso() });
    await expect(saveCustomer(db, acme())).rejects.toThrow();
    expect(await db.customers.count()).toBe(0);
  });

  it('numbers concurrent writers without gaps or duplicates', async () => {
    await captureOn(db);
    await Promise.all(Array.from({ length: 20 }, (_, i) => saveCustomer(db, { ...acme(), id: newId(), name: `C${i}` })));
    await db.transaction('rw', db.pods, async () => {
      await Promise.all([1, 2, 3].map((i) => db.pods.put({ id: `pod-${i}`, updatedAt: nowIso(), name: `Pod ${i}`, memberIds: [] })));
    });
    expect((await outbox()).map((e) => e.id)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
  });

  it('replacing pods queues the tombstones and the new pods in one transaction', async () => {
    await replacePods(db, [{ name: 'Old', memberIds: [] }]);
    await captureOn(db);
    await replacePods(db, [{ name: 'A', memberIds: [] }, { name: 'B', memberIds: [] }]);
    const out = await outbox();
    expect(out.map((e) => (e.op === 'put' ? `${e.record.name as string}${e.record.deleted ? ' (tombstone)' : ''}` : ''))).toEqual(['Old (tombstone)', 'A', 'B']);
  });

  it('does not queue writes that apply server data', async () => {
    await captureOn(db);
    await applyingServerData(db, ['customers'], async () => {
      await db.customers.put({ ...acme(), crmKeys: [], nameKey: 'acme corp' });
    });
    expect(await db.customers.count()).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    // The next ordinary write is captured again.
    await saveCustomer(db, acme());
    expect(await db.outbox.count()).toBe(1);
  });

  it('wiping this device is not a deletion for the team', async () => {
    await saveCustomer(db, acme());
    await captureOn(db);
    await db.customers.clear();
    expect(await db.outbox.count()).toBe(0);
    await saveCustomer(db, acme());
    await wipeAll(db);
    expect(await db.outbox.count()).toBe(0);
  });

  it('does not queue a record that breaks its schema, and lists it as not sent', async () => {
    await captureOn(db);
    await db.reps.put({ id: 'r1', updatedAt: nowIso(), name: '' });
    expect(await db.outbox.count()).toBe(0);
    expect(await readRefusals(db)).toEqual([expect.objectContaining({ table: 'reps', recordId: 'r1', code: 'unsendable' })]);
  });
});
