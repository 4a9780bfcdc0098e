import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HoldfastDB, ensureMe, logProblemAsMe, actOnProblem, saveCustomer, subjectInfo } from '@/lib/db';
import { createCustomer, editCustomer, repChoices } from '@/lib/db/customer-edit';
import { contactFromPage, newestMessageAt, recordContactFromPage } from '@/lib/db/last-contact';
import { addNote } from '@/lib/db/notes';
import { SubjectInfo } from '@/lib/messaging/protocol';
import type { PageSubject } from '@/lib/model';
import { newId } from '@/lib/util/ids';
import * as z from 'zod/mini';
import { customer } from './fixtures';

let db: HoldfastDB;
beforeEach(async () => {
  db = new HoldfastDB(`test-${newId()}`);
  await db.open();
});

const TODAY = '2026-11-28';
const PAGE: PageSubject = {
  site: 'salesforce', objectType: 'Account', recordId: '001Dn00000ABcdeIAD', tenant: 'acme', name: 'Acme Corp',
  emails: [], domains: ['acme-corp.com'],
  fields: { customerSince: '2019-04-02', website: 'acme-corp.com', ownerName: 'Jane Rep' },
};

describe('editing a customer from the dock', () => {
  it('saves the fields, clears with null, and the next lookup shows them with the owner’s name', async () => {
    await saveCustomer(db, customer({ id: 'c1', renewalDate: '2027-01-01' }));
    const jane = { id: 'r2', updatedAt: '2026-01-01T00:00:00.000Z', name: 'Jane Rep' };
    await db.reps.add(jane);
    const reply = await editCustomer(db, 'c1', { name: 'Acme Corp', domains: ['acme.com', 'acme-corp.com'], customerSince: '2019-04-02', renewalDate: null, ownerRepId: 'r2' }, TODAY);
    expect(reply).toEqual({ ok: true, customerId: 'c1' });
    const row = (await db.customers.get('c1'))!;
    expect([row.name, row.domains, row.customerSince, row.renewalDate, row.ownerRepId, row.nameKey]).toEqual(['Acme Corp', ['acme.com', 'acme-corp.com'], '2019-04-02', undefined, 'r2', 'acme corp']);
    // the new domain finds it, and the answer names the owner
    const info = await subjectInfo(db, { site: 'gmail', emails: [], domains: ['acme-corp.com'] });
    expect(info.customer).toMatchObject({ id: 'c1', customerSince: '2019-04-02', ownerRepId: 'r2', ownerName: 'Jane Rep', matchedBy: 'domain' });
    expect(z.safeParse(SubjectInfo, info).success).toBe(true);
  });

  it('refuses a wrong edit with the field and reason, and writes nothing', async () => {
    await saveCustomer(db, customer({ id: 'c1', customerSince: '2019-04-02' }));
    const before = await db.customers.get('c1');
    expect(await editCustomer(db, 'c1', { renewalDate: '2018-01-01', domains: ['not a domain'] }, TODAY)).toEqual({
      ok: false,
      problems: [
        { field: 'domains', code: 'domain_invalid' },
        { field: 'renewalDate', code: 'renewal_before_since' },
      ],
    });
    expect(await editCustomer(db, 'c1', { ownerRepId: 'nobody' }, TODAY)).toEqual({ ok: false, problems: [{ field: 'ownerRepId', code: 'owner_unknown' }] });
    expect(await editCustomer(db, 'gone', { name: 'X' }, TODAY)).toEqual({ ok: false, problems: [{ field: 'customer', code: 'not_found' }] });
    expect(await db.customers.get('c1')).toEqual(before);
  });

  it('an edit that changes nothing does not rewrite the record', async () => {
    await saveCustomer(db, customer({ id: 'c1' }));
    const before = (await db.customers.get('c1'))!.updatedAt;
    await new Promise((r) => setTimeout(r, 5));
    expect(await editCustomer(db, 'c1', { name: 'Acme' }, TODAY)).toEqual({ ok: true, customerId: 'c1' });
    expect((await db.customers.get('c1'))!.updatedAt).toBe(before);
  });
});

describe('a new customer from an unknown page', () => {
  it('is made from the page and the form, tied to the page’s CRM record, once', async () => {
    const reply = await createCustomer(db, PAGE, { name: 'Acme Corp', domains: ['acme-corp.com'], customerSince: '2019-04-02' }, TODAY);
    expect(reply.ok).toBe(true);
    const info = await subjectInfo(db, { ...PAGE, name: 'Renamed on the page', domains: [] });
    expect(info.customer).toMatchObject({ name: 'Acme Corp', customerSince: '2019-04-02', matchedBy: 'crm' });
    // a second save (another tab) edits the same customer instead of making a second one
    const again = await createCustomer(db, PAGE, { name: 'Acme Corporation' }, TODAY);
    expect(again).toEqual({ ok: true, customerId: info.customer!.id });
    expect(await db.customers.count()).toBe(1);
    expect((await db.customers.get(info.customer!.id))!.name).toBe('Acme Corporation');
  });

  it('is refused without a name', async () => {
    expect(await createCustomer(db, { ...PAGE, name: undefined }, { name: '' }, TODAY)).toEqual({ ok: false, problems: [{ field: 'name', code: 'name_empty' }] });
    expect(await db.customers.count()).toBe(0);
  });

  it('offers every colleague as owner, me first', async () => {
    const me = await ensureMe(db, 'Zed Me');
    await db.reps.bulkAdd([
      { id: 'r2', updatedAt: me.updatedAt, name: 'Bea' },
      { id: 'r3', updatedAt: me.updatedAt, name: 'Al', deleted: true },
    ]);
    expect(await repChoices(db)).toEqual([
      { id: me.id, name: 'Zed Me', me: true },
      { id: 'r2', name: 'Bea', me: false },
    ]);
  });
});

describe('last contact moves forward by itself', () => {
  const thread = (at: Array<string | undefined>): PageSubject => ({
    site: 'gmail', objectType: 'thread', recordId: 'T1', emails: ['maria@acme.com'], domains: ['acme.com'],
    messages: at.map((a) => ({ from: 'maria@acme.com', ...(a ? { at: a } : {}) })),
  });
  const NOW = '2026-11-28T12:00:00.000Z';

  it('takes the newest message on the page, never later than now', () => {
    expect(newestMessageAt(thread(['2026-11-01T09:00:00.000Z', '2026-11-20T09:00:00+02:00', undefined]), NOW)).toBe('2026-11-20T07:00:00.000Z');
    expect(newestMessageAt(thread(['2027-01-01T00:00:00.000Z']), NOW)).toBe(NOW);
    expect(newestMessageAt(thread([undefined]), NOW)).toBeUndefined();
    expect(newestMessageAt({ ...thread([]), messages: undefined }, NOW)).toBeUndefined();
  });

  it('moves on a sure match only, and only forward', () => {
    const info = (matchedBy: 'domain' | 'name', lastContactAt?: string): SubjectInfo => ({
      customer: { id: 'c1', name: 'Acme', domains: ['acme.com'], matchedBy, ...(lastContactAt ? { lastContactAt } : {}) },
      openProblems: [], partners: [],
    });
    const s = thread(['2026-11-20T09:00:00.000Z']);
    expect(contactFromPage(s, info('domain'), NOW)).toBe('2026-11-20T09:00:00.000Z');
    expect(contactFromPage(s, info('domain', '2026-10-01T00:00:00.000Z'), NOW)).toBe('2026-11-20T09:00:00.000Z');
    expect(contactFromPage(s, info('domain', '2026-11-25T00:00:00.000Z'), NOW)).toBeUndefined();
    // a name match: perhaps someone else of the same name
    expect(contactFromPage(s, info('name'), NOW)).toBeUndefined();
    expect(contactFromPage(s, { customer: null, openProblems: [], partners: [] }, NOW)).toBeUndefined();
  });

  it('writes it after a lookup of a thread with the customer; the next lookup shows it and writes nothing', async () => {
    await saveCustomer(db, customer({ id: 'c1', lastContactAt: '2026-10-01T00:00:00.000Z' }));
    const s = thread(['2026-11-02T08:00:00.000Z', '2026-11-20T09:30:00.000Z']);
    const first = await subjectInfo(db, s);
    expect(first.customer?.lastContactAt).toBe('2026-10-01T00:00:00.000Z');
    await recordContactFromPage(db, s, first, NOW);
    const second = await subjectInfo(db, s);
    expect(second.customer?.lastContactAt).toBe('2026-11-20T09:30:00.000Z');
    const put = vi.spyOn(db.customers, 'put');
    await recordContactFromPage(db, s, second, NOW);
    expect(put).not.toHaveBeenCalled();
    // an older thread never moves it back
    await recordContactFromPage(db, thread(['2026-09-01T00:00:00.000Z']), second, NOW);
    expect((await db.customers.get('c1'))!.lastContactAt).toBe('2026-11-20T09:30:00.000Z');
  });

  it('logging a problem or a note moves it; a customer’s confirmation too', async () => {
    await saveCustomer(db, customer({ id: 'c1', lastContactAt: '2026-10-01T00:00:00.000Z' }));
    const problem = await logProblemAsMe(db, { customerId: 'c1', title: 'Invoice wrong', channel: 'phone', receivedAt: '2026-11-10T10:00:00.000Z' }, NOW);
    expect((await db.customers.get('c1'))!.lastContactAt).toBe('2026-11-10T10:00:00.000Z');
    // a problem received before the last contact leaves it where it is
    await logProblemAsMe(db, { customerId: 'c1', title: 'Old one', channel: 'email', receivedAt: '2026-01-01T00:00:00.000Z' }, NOW);
    expect((await db.customers.get('c1'))!.lastContactAt).toBe('2026-11-10T10:00:00.000Z');
    const me = await ensureMe(db);
    await addNote(db, { customerId: 'c1', text: 'Called Maria', visibility: 'team' }, me.id, '2026-11-15T08:00:00.000Z');
    expect((await db.customers.get('c1'))!.lastContactAt).toBe('2026-11-15T08:00:00.000Z');
    await actOnProblem(db, problem.id, { type: 'start' }, '2026-11-16T08:00:00.000Z');
    expect(await actOnProblem(db, problem.id, { type: 'markResolved' }, '2026-11-16T09:00:00.000Z')).toEqual({ ok: true });
    expect((await db.customers.get('c1'))!.lastContactAt).toBe('2026-11-15T08:00:00.000Z');
    const reply = await actOnProblem(db, problem.id, { type: 'recordConfirmation', confirmation: { at: '2026-11-17T08:00:00.000Z', by: 'Maria', how: 'phone', satisfied: true } }, '2026-11-17T08:00:00.000Z');
    expect(reply).toEqual({ ok: true });
    expect((await db.customers.get('c1'))!.lastContactAt).toBe('2026-11-17T08:00:00.000Z');
  });
});
