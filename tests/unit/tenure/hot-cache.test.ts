import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HoldfastDB, ensureMe, saveCustomer, subjectInfo } from '@/lib/db';
import { MAX_AGE_MS, cached } from '@/lib/db/hot-cache';
import { newId } from '@/lib/util/ids';
import { customer } from './fixtures';

let db: HoldfastDB;
beforeEach(async () => {
  db = new HoldfastDB(`test-${newId()}`);
  await db.open();
});

describe('the background’s memory of small tables', () => {
  it('reuses a load until one of its tables is written, whoever writes it', async () => {
    const load = vi.fn(async () => (await db.reps.toArray()).map((r) => r.name));
    expect(await cached(db, 'names', ['reps'], load)).toEqual([]);
    expect(await cached(db, 'names', ['reps'], load)).toEqual([]);
    expect(load).toHaveBeenCalledTimes(1);
    // a write elsewhere changes nothing here
    await db.customers.put({ ...customer(), crmKeys: [], nameKey: 'acme' });
    await cached(db, 'names', ['reps'], load);
    expect(load).toHaveBeenCalledTimes(1);
    // a write to reps through another connection to the same database (another context's)
    const other = new HoldfastDB(db.name);
    await other.reps.add({ id: 'r1', updatedAt: '2026-01-01T00:00:00.000Z', name: 'Jane' });
    expect(await cached(db, 'names', ['reps'], load)).toEqual(['Jane']);
    expect(load).toHaveBeenCalledTimes(2);
    other.close();
  });

  it('expires after MAX_AGE_MS and never keeps a failed load', async () => {
    const now = Date.now();
    const load = vi.fn(async () => 1);
    await cached(db, 'k', ['pods'], load, now);
    await cached(db, 'k', ['pods'], load, now + MAX_AGE_MS - 1);
    await cached(db, 'k', ['pods'], load, now + MAX_AGE_MS);
    expect(load).toHaveBeenCalledTimes(2);
    const failing = vi.fn(async () => {
      throw new Error('no');
    });
    await expect(cached(db, 'f', ['pods'], failing)).rejects.toThrow('no');
    await expect(cached(db, 'f', ['pods'], failing)).rejects.toThrow('no');
    expect(failing).toHaveBeenCalledTimes(2);
  });

  it('a lookup sees a renamed partner and a new pod at once', async () => {
    const me = await ensureMe(db, 'Me');
    await db.reps.add({ id: 'r2', updatedAt: me.updatedAt, name: 'Jane' });
    await saveCustomer(db, customer({ id: 'c1', ownerRepId: 'r2' }));
    const page = { site: 'generic', emails: [], domains: ['acme.com'] };
    const first = await subjectInfo(db, page);
    expect([first.partners, first.customer?.ownerName]).toEqual([[], 'Jane']);
    await db.pods.add({ id: 'p1', updatedAt: me.updatedAt, name: 'Pod', memberIds: [me.id, 'r2'] });
    await db.reps.update('r2', { name: 'Jane Rep' });
    const second = await subjectInfo(db, page);
    expect([second.partners.map((p) => p.name), second.customer?.ownerName]).toEqual([['Jane Rep'], 'Jane Rep']);
  });
});

describe('concurrent answers', () => {
  it('do not wait on each other’s load (it reads in another transaction)', async () => {
    let release!: () => void;
    const slow = vi.fn(() => new Promise<number>((r) => (release = () => r(1))));
    const first = cached(db, 'k', ['reps'], slow);
    const second = cached(db, 'k', ['reps'], async () => 2);
    expect(await second).toBe(2);
    release();
    expect(await first).toBe(1);
  });

  it('two lookups at once inside their own transactions both answer', async () => {
    await ensureMe(db);
    await saveCustomer(db, customer({ id: 'c1' }));
    const page = { site: 'generic', emails: [], domains: ['acme.com'] };
    const answers = await Promise.all([subjectInfo(db, page), subjectInfo(db, page), subjectInfo(db, page)]);
    expect(answers.map((a) => a.customer?.id)).toEqual(['c1', 'c1', 'c1']);
  });
});
