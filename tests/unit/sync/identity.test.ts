import { beforeEach, describe, expect, it } from 'vitest';
import { HoldfastDB, customerFromSubject, ensureMe, logProblemAsMe, saveCustomer, actOnProblem } from '@/lib/db';
import { addNote } from '@/lib/db/notes';
import { replacePods } from '@/lib/db/pods';
import { readMe, readSnapshot } from '@/lib/db/read-snapshot';
import { adoptRepId } from '@/lib/sync/identity';
import { newId, nowIso } from '@/lib/util/ids';

let db: HoldfastDB;
beforeEach(async () => {
  db = new HoldfastDB(`identity-${newId()}`);
  await db.open();
});

const TEAM_ID = 'rep-from-server';

describe('taking the team’s id for me', () => {
  it('rewrites every reference to my old id in one go, so nothing I logged is orphaned', async () => {
    const me = await ensureMe(db, 'Li Wei');
    await db.reps.put({ id: 'colleague', updatedAt: nowIso(), name: 'Ana' });
    const c = await saveCustomer(db, { ...customerFromSubject({ site: 'salesforce', objectType: 'Account', recordId: '001A', name: 'Acme', emails: [], domains: [] }), ownerRepId: me.id });
    const p = await logProblemAsMe(db, { customerId: c.id, title: 'Late', channel: 'phone' });
    await actOnProblem(db, p.id, { type: 'addCover', repId: 'colleague' });
    const theirs = 'theirs';
    await db.problems.put({ ...p, id: theirs, ownerRepId: 'colleague', coveringRepIds: [me.id], events: [{ id: 'e1', type: 'cover', at: nowIso(), byRepId: 'colleague', repId: me.id, action: 'add' }] });
    const note = await addNote(db, { customerId: c.id, text: 'called', visibility: 'private' }, me.id);
    const [pod] = await replacePods(db, [{ name: 'Pod', memberIds: [me.id, 'colleague'] }]);

    expect(await adoptRepId(db, { repId: TEAM_ID, repName: 'Wei Li (team)' })).toBe(me.id);

    const text = JSON.stringify(await Promise.all([db.problems.toArray(), db.notes.toArray(), db.pods.toArray(), db.customers.toArray(), db.reps.toArray()]));
    expect(text).not.toContain(me.id);
    const mine = (await db.problems.get(p.id))!;
    expect(mine.ownerRepId).toBe(TEAM_ID);
    expect(mine.events.every((e) => e.byRepId === TEAM_ID)).toBe(true);
    expect((await db.problems.get(theirs))!).toMatchObject({ ownerRepId: 'colleague', coveringRepIds: [TEAM_ID] });
    expect((await db.notes.get(note.id))!.authorRepId).toBe(TEAM_ID);
    expect((await db.pods.get(pod!.id))!.memberIds).toEqual([TEAM_ID, 'colleague']);
    expect((await db.customers.get(c.id))!.ownerRepId).toBe(TEAM_ID);
    // I am the team's rep now, with the name I chose here; the old record is gone.
    const now = await readSnapshot(db, () => readMe(db));
    expect(now).toMatchObject({ id: TEAM_ID, name: 'Li Wei' });
    expect(await db.reps.get(me.id)).toBeUndefined();
    expect((await db.reps.get('colleague'))!.name).toBe('Ana');
  });

  it('a default name takes the team’s name; traits entered here are kept', async () => {
    const me = await ensureMe(db);
    await db.reps.update(me.id, { traits: { goalOrientation: 10, skepticism: 20, detailAttention: 30, relationship: 40 }, style: 'amiable' });
    await adoptRepId(db, { repId: TEAM_ID, repName: 'Wei Li' });
    expect(await db.reps.get(TEAM_ID)).toMatchObject({ name: 'Wei Li', style: 'amiable', traits: { skepticism: 20 } });
  });

  it('connecting again with the same rep changes nothing', async () => {
    await adoptRepId(db, { repId: TEAM_ID, repName: 'Wei Li' });
    const c = await saveCustomer(db, customerFromSubject({ site: 'generic', name: 'Acme', emails: [], domains: [] }));
    const p = await logProblemAsMe(db, { customerId: c.id, title: 'Late', channel: 'phone' });
    expect(await adoptRepId(db, { repId: TEAM_ID, repName: 'Wei Li' })).toBeUndefined();
    expect(await db.problems.get(p.id)).toEqual(p);
  });

  it('connecting as another rep after disconnecting leaves the first rep’s records theirs', async () => {
    await ensureMe(db, 'Li Wei');
    await adoptRepId(db, { repId: TEAM_ID, repName: 'Li Wei' });
    const c = await saveCustomer(db, customerFromSubject({ site: 'generic', name: 'Acme', emails: [], domains: [] }));
    const p = await logProblemAsMe(db, { customerId: c.id, title: 'Late', channel: 'phone' });
    expect(await adoptRepId(db, { repId: 'someone-else', repName: 'Ana' })).toBeUndefined();
    expect((await db.problems.get(p.id))!.ownerRepId).toBe(TEAM_ID);
    expect(await db.reps.get(TEAM_ID)).toMatchObject({ name: 'Li Wei' });
    expect(await readSnapshot(db, () => readMe(db))).toMatchObject({ id: 'someone-else', name: 'Ana' });
  });
});
