/**
 * Issue 15, point 3, in the database: the dock's suggestion for a mail thread from a sender the
 * book does not know, and the one action that ties the thread to the company.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { HoldfastDB, saveCustomer, subjectInfo } from '@/lib/db';
import { resolveMailCompany, suggestMailCompany } from '@/lib/db/mail-company';
import type { Customer, PageSubject } from '@/lib/model';
import { newId } from '@/lib/util/ids';

const customer = (id: string, name: string, domains: string[]): Customer => ({ id, updatedAt: '2026-01-01T00:00:00.000Z', name, domains, crmRefs: [] });

/** The Gmail thread fixture as the adapter reads it (tests/fixtures/sites/gmail-thread-2026-11.html). */
function thread(over: Partial<PageSubject> = {}): PageSubject {
  return {
    site: 'gmail', objectType: 'thread', recordId: 'FMfcgzQXJWDsKmTskbNvbGxkMXDvmxTq', tenant: 'u/1',
    name: 'Maria Lopez',
    emails: ['maria.lopez@acme-corp.com', 'tom.becker@acme-corp.com', 'li.wei@qq.com'],
    domains: ['acme-corp.com'],
    topic: 'Renewal: Acme Corp 2027 licences',
    signature: 'Hi Jane, we would like to renew for 2027. Best, Maria',
    messages: [{ from: 'maria.lopez@acme-corp.com', fromName: 'Maria Lopez' }, { from: 'jane@holdfast-demo.com', fromName: 'Jane Rep' }],
    ...over,
  };
}

let db: HoldfastDB;
beforeEach(async () => {
  db = new HoldfastDB(`test-${newId()}`);
  await db.open();
  await saveCustomer(db, customer('globex', 'Globex Ltd', ['globex.co.uk']));
  await saveCustomer(db, customer('acme', 'Acme Corp', ['acme.com']));
  await saveCustomer(db, customer('xt', '杭州星图科技有限公司', ['xingtu-tech.cn']));
});

describe('suggestMailCompany', () => {
  it('offers Acme Corp (acme.com) for the thread from acme-corp.com, and Maria as the person', async () => {
    expect(await suggestMailCompany(db, thread())).toEqual({
      domain: 'acme-corp.com',
      match: { id: 'acme', name: 'Acme Corp', why: 'domain' },
      person: { email: 'maria.lopez@acme-corp.com', name: 'Maria Lopez' },
    });
  });

  it('with no similar customer: a new company, named as the subject spells it', async () => {
    await db.customers.delete('acme');
    const s = await suggestMailCompany(db, thread());
    expect(s.match).toBeUndefined();
    expect(s).toMatchObject({ domain: 'acme-corp.com', companyName: 'Acme Corp' });
  });

  it('a Chinese customer named in the signature, from a domain that does not look like theirs', async () => {
    const s = await suggestMailCompany(db, thread({
      name: '王芳', emails: ['wang.fang@hzxt.com.cn'], domains: ['hzxt.com.cn'], topic: '2027 年续约报价',
      signature: '此致 王芳 杭州星图科技有限公司 销售总监', messages: [{ from: 'wang.fang@hzxt.com.cn', fromName: '王芳' }],
    }));
    expect(s).toMatchObject({ domain: 'hzxt.com.cn', match: { id: 'xt', why: 'name' }, person: { email: 'wang.fang@hzxt.com.cn', name: '王芳' } });
  });

  it('a public-mail sender: no domain to add or match; the name in the mail still finds the customer', async () => {
    const s = await suggestMailCompany(db, thread({
      emails: ['li.wei@qq.com'], domains: [], name: 'Li Wei', topic: 'Globex 2027 renewal', signature: '',
      messages: [{ from: 'li.wei@qq.com', fromName: 'Li Wei' }],
    }));
    expect(s.domain).toBeUndefined();
    expect(s.match).toEqual({ id: 'globex', name: 'Globex Ltd', why: 'name' });
  });

  it('nothing for a CRM user page', async () => {
    expect(await suggestMailCompany(db, { site: 'salesforce', objectType: 'User', recordId: '005Dn000002SamPIAA', name: 'Sam', emails: [], domains: [] })).toEqual({});
  });
});

describe('resolveMailCompany', () => {
  it('adds acme-corp.com to Acme Corp and Maria as its contact: the thread then matches by domain', async () => {
    expect((await subjectInfo(db, thread())).customer).toBeNull();
    expect(await resolveMailCompany(db, thread(), { customerId: 'acme', contact: true, coach: false })).toEqual({ customerId: 'acme' });
    expect((await db.customers.get('acme'))!.domains).toEqual(['acme.com', 'acme-corp.com']);
    const info = await subjectInfo(db, thread());
    expect(info.customer).toMatchObject({ id: 'acme', matchedBy: 'domain' });
    const maria = await db.contacts.where('emails').equals('maria.lopez@acme-corp.com').first();
    expect(maria).toMatchObject({ name: 'Maria Lopez', customerId: 'acme' });
    expect(await db.coaches.count()).toBe(0);
    // Asked twice (a double click): nothing doubles.
    await resolveMailCompany(db, thread(), { customerId: 'acme', contact: true, coach: false });
    expect((await db.customers.get('acme'))!.domains).toEqual(['acme.com', 'acme-corp.com']);
    expect(await db.contacts.count()).toBe(1);
  });

  it('a new company from the domain, named from the subject, with Maria as a coach working there', async () => {
    await db.customers.delete('acme');
    const done = await resolveMailCompany(db, thread(), { contact: true, coach: true });
    if (!('customerId' in done)) throw new Error(done.refused);
    expect(await db.customers.get(done.customerId)).toMatchObject({ name: 'Acme Corp', domains: ['acme-corp.com'] });
    const coach = await db.coaches.toCollection().first();
    expect(coach?.employers[0]).toMatchObject({ domain: 'acme-corp.com' });
    // Again: the same company, not a second one.
    expect(await resolveMailCompany(db, thread(), { contact: true, coach: true })).toEqual(done);
    expect(await db.customers.where('domains').equals('acme-corp.com').count()).toBe(1);
  });

  it('the person alone is never made a customer: a public-mail sender needs a chosen customer', async () => {
    const gmail = thread({ emails: ['bob@gmail.com'], domains: [], name: 'Bob', messages: [{ from: 'bob@gmail.com', fromName: 'Bob' }] });
    expect(await resolveMailCompany(db, gmail, { contact: true, coach: false })).toHaveProperty('refused');
    expect(await db.customers.count()).toBe(3);
    // With the customer chosen: Bob is its contact (gmail.com is never added to it), and the thread matches through him.
    expect(await resolveMailCompany(db, gmail, { customerId: 'globex', contact: true, coach: false })).toEqual({ customerId: 'globex' });
    expect((await db.customers.get('globex'))!.domains).toEqual(['globex.co.uk']);
    expect((await subjectInfo(db, gmail)).customer).toMatchObject({ id: 'globex', matchedBy: 'contact' });
  });

  it('refuses CRM user pages and customers that are gone', async () => {
    expect(await resolveMailCompany(db, { site: 'salesforce', objectType: 'User', recordId: '005Dn000002SamPIAA', emails: [], domains: [] }, { contact: false, coach: false })).toHaveProperty('refused');
    expect(await resolveMailCompany(db, thread(), { customerId: 'nobody', contact: true, coach: false })).toHaveProperty('refused');
  });

  it('on an unknown mail thread the person is not offered as a coach on their own', async () => {
    const info = await subjectInfo(db, thread({ domains: ['initech.example'], emails: ['maria@initech.example'], messages: [{ from: 'maria@initech.example', fromName: 'Maria Lopez' }] }));
    expect(info.customer).toBeNull();
    expect(info.coach).toBeUndefined();
  });
});
