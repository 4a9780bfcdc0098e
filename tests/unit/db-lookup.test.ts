import { beforeEach, describe, expect, it } from 'vitest';
import { HoldfastDB, customerFromSubject, ensureMe, resolveCustomer, saveCustomer, subjectInfo } from '@/lib/db';
import type { Customer, PageSubject } from '@/lib/model';
import { logProblem } from '@/lib/owners/log';
import { newId, nowIso } from '@/lib/util/ids';

let db: HoldfastDB;
beforeEach(async () => {
  db = new HoldfastDB(`test-${newId()}`);
  await db.open();
});

const customer = (over: Partial<Customer>): Customer => ({ id: newId(), updatedAt: nowIso(), name: 'X', domains: [], crmRefs: [], ...over });
const subject = (over: Partial<PageSubject>): PageSubject => ({ site: 'generic', emails: [], domains: [], ...over });

describe('resolveCustomer', () => {
  it('prefers the CRM record over domain, contact and name', async () => {
    const byCrm = await saveCustomer(db, customer({ name: 'By CRM', crmRefs: [{ site: 'salesforce', tenant: 'acme', objectType: 'Account', recordId: '001A' }] }));
    await saveCustomer(db, customer({ name: 'By domain', domains: ['acme.com'] }));
    const m = await resolveCustomer(db, subject({ site: 'salesforce', tenant: 'acme', objectType: 'account', recordId: '001A', domains: ['acme.com'], name: 'By domain' }));
    expect(m?.row.id).toBe(byCrm.id);
    expect(m?.matchedBy).toBe('crm');
  });

  it('falls back to domain, then a contact email, then the name', async () => {
    const a = await saveCustomer(db, customer({ name: 'Acme Corp', domains: ['acme.com'] }));
    const g = await saveCustomer(db, customer({ name: 'Globex' }));
    await db.contacts.put({ id: newId(), updatedAt: nowIso(), name: 'Hank', emails: ['hank@gmail.com'], customerId: g.id });
    expect((await resolveCustomer(db, subject({ domains: ['acme.com'] })))?.matchedBy).toBe('domain');
    const byContact = await resolveCustomer(db, subject({ emails: ['hank@gmail.com'] }));
    expect([byContact?.row.id, byContact?.matchedBy]).toEqual([g.id, 'contact']);
    const byName = await resolveCustomer(db, subject({ name: '  ACME   corp ' }));
    expect([byName?.row.id, byName?.matchedBy]).toEqual([a.id, 'name']);
  });

  it('never returns a deleted customer', async () => {
    await saveCustomer(db, customer({ name: 'Gone', domains: ['gone.com'], deleted: true }));
    expect(await resolveCustomer(db, subject({ domains: ['gone.com'], name: 'Gone' }))).toBeNull();
  });

  it('refuses to store an invalid customer', async () => {
    await expect(saveCustomer(db, customer({ name: '', domains: ['Not A Domain'] }))).rejects.toThrow();
    expect(await db.customers.count()).toBe(0);
  });
});

describe('subjectInfo', () => {
  it('lists the open problems with their owner, mine marked, closed ones left out', async () => {
    const me = await ensureMe(db, 'Li Wei');
    const c = await saveCustomer(db, customerFromSubject(subject({ name: 'Acme Corp', domains: ['acme.com'] })));
    const open = logProblem({ customerId: c.id, title: 'Late delivery', channel: 'phone' }, { me: me.id, now: nowIso(), newId });
    const closed = { ...logProblem({ customerId: c.id, title: 'Old', channel: 'email' }, { me: me.id, now: nowIso(), newId }), status: 'closed' as const };
    await db.problems.bulkPut([open, closed]);

    const info = await subjectInfo(db, subject({ domains: ['acme.com'] }));
    expect(info.customer?.name).toBe('Acme Corp');
    expect(info.openProblems.map((p) => [p.title, p.ownerName, p.mine])).toEqual([['Late delivery', 'Li Wei', true]]);
  });

  it('says nothing is known when nothing matches', async () => {
    expect(await subjectInfo(db, subject({ name: 'Nobody' }))).toEqual({ customer: null, openProblems: [], partners: [] });
  });

  it('names my pod partners, not me', async () => {
    const me = await ensureMe(db, 'Li Wei');
    const chen = { id: newId(), updatedAt: nowIso(), name: 'Chen Jing' };
    await db.reps.put(chen);
    await db.pods.put({ id: newId(), updatedAt: nowIso(), name: 'Pod 1', memberIds: [me.id, chen.id] });
    expect((await subjectInfo(db, subject({}))).partners.map((p) => p.name)).toEqual(['Chen Jing']);
  });
});

describe('pod partner suggestion', () => {
  it('an ageing problem brings the detail-oriented pod partner, with the reason', async () => {
    const me = await ensureMe(db, 'Li Wei');
    const traits = (detailAttention: number) => ({ goalOrientation: 50, skepticism: 50, detailAttention, relationship: 50 });
    const chen = { id: newId(), updatedAt: nowIso(), name: 'Chen Jing', traits: traits(85) };
    const wang = { id: newId(), updatedAt: nowIso(), name: 'Wang Fang', traits: traits(30) };
    await db.reps.bulkPut([chen, wang]);
    await db.pods.put({ id: newId(), updatedAt: nowIso(), name: 'Pod 1', memberIds: [me.id, chen.id, wang.id] });
    const c = await saveCustomer(db, customer({ name: 'Acme Corp', domains: ['acme.com'] }));
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString();
    await db.problems.put(logProblem({ customerId: c.id, title: 'Wrong invoice', channel: 'email', receivedAt: tenDaysAgo }, { me: me.id, now: nowIso(), newId }));

    const info = await subjectInfo(db, subject({ domains: ['acme.com'] }));
    expect(info.suggestion).toEqual({ repName: 'Chen Jing', inPod: true, task: 'contract', reason: 'ageing_problem', days: 10 });
  });

  it('suggests no one when the record shows no need', async () => {
    await ensureMe(db);
    await saveCustomer(db, customer({ name: 'Acme Corp', domains: ['acme.com'] }));
    expect((await subjectInfo(db, subject({ domains: ['acme.com'] }))).suggestion).toBeUndefined();
  });
});

describe('ensureMe', () => {
  it('creates the local rep once', async () => {
    const [a, b] = await Promise.all([ensureMe(db), ensureMe(db)]);
    expect(a.id).toBe(b.id);
    expect(await db.reps.count()).toBe(1);
  });
});
