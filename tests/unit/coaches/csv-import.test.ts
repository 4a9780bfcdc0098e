import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { HoldfastDB } from '@/lib/db';
import { importCoaches } from '@/lib/db/coach-import';
import { runImport } from '@/lib/db/import-writes';
import { customerCoaches } from '@/lib/db/tenure-query';
import { convertCoachTable, proposeCoachMapping, type CoachSpec } from '@/lib/coaches/csv';
import { parseCsv, type Table } from '@/lib/import';
import { newId } from '@/lib/util/ids';
import { fixture, proposedSpec } from '../import/helpers';

const TODAY = '2026-11-28';
let db: HoldfastDB;
let table: Table;
let spec: CoachSpec;

beforeEach(async () => {
  db = new HoldfastDB(`test-${newId()}`);
  await db.open();
  const accounts = fixture('salesforce-accounts.csv');
  await runImport(db, accounts, proposedSpec(accounts, { tenant: 'acme' }));
  table = parseCsv(readFileSync('tests/fixtures/import/coaches.csv', 'utf8'));
  spec = { mapping: proposeCoachMapping(table.headers), dateOrder: 'auto' };
});

const coachByEmail = async (email: string) => {
  const contact = (await db.contacts.where('emails').equals(email).first())!;
  return { contact, coach: (await db.coaches.where('contactId').equals(contact.id).first())! };
};

describe('coaches from CSV', () => {
  it('maps every column of the sheet from its header', () => {
    expect(proposeCoachMapping(table.headers)).toEqual({
      name: 0, email: 1, company: 2, companyDomain: 3, title: 4, referredCustomer: 5, referralDate: 6, outcome: 7, lastTouch: 8,
      budgetAmount: 9, budgetCurrency: 10, budgetPeriod: 11,
    });
  });

  it('reports each bad row with its reason, and the good rows import', async () => {
    const r = await importCoaches(db, table, spec, TODAY);
    // Row 5's employer, Umbrella, came in from the accounts export as a prospect: no customer is made for it.
    expect(r).toMatchObject({ total: 12, created: 3, updated: 1, unchanged: 0, customersCreated: 0 });
    expect(r.rejected.map((i) => [i.row, i.code, i.column, i.params])).toEqual([
      [6, 'bad_email', 'Email', ['tom.becker(at)acme.com']],
      [7, 'missing_value', 'Name', []],
      [8, 'unknown_customer', undefined, ['Nakatomi Trading']],
      [9, 'bad_date', 'Referral Date', ['31/31/2025']],
      [10, 'bad_outcome', 'Outcome', ['maybe']],
      [11, 'bad_amount', 'Budget', ['lots']],
      [12, 'budget_incomplete', 'Budget Period', []],
      [13, 'bad_period', 'Budget Period', ['weekly']],
    ]);
    // A rejected row writes nothing: Ken Sato's contact was never made.
    expect(await db.contacts.where('emails').equals('ken@globex.co.uk').count()).toBe(0);

    const wang = await coachByEmail('wang.fang@globex.co.uk');
    expect(wang.contact).toMatchObject({ name: 'Wang Fang', title: 'Head of Procurement' });
    expect(wang.coach).toMatchObject({
      employers: [{ company: 'Globex Ltd', domain: 'globex.co.uk' }],
      lastTouchAt: '2026-10-30',
      budget: { period: 'quarter', amount: 300_00, currency: 'USD' },
    });
    const acme = (await db.customers.where('nameKey').equals('acme corp').first())!;
    const initech = (await db.customers.where('domains').equals('initech.com').first())!;
    expect(wang.coach.referrals).toEqual([
      { customerId: acme.id, date: '2024-03-02', outcome: 'won' },
      { customerId: initech.id, date: '2025-06-15', outcome: 'pending' },
    ]);
    expect((await customerCoaches(db, acme)).map((c) => c.id)).toEqual([wang.coach.id]);

    const li = await coachByEmail('li.wei@qq.com');
    expect(li.coach.employers).toEqual([{ company: 'Hooli', domain: 'hooli.xyz' }]);
    expect(li.coach.budget).toEqual({ period: 'year', amount: 1_500_00, currency: 'CNY' });

    // Carmen's employer was not a customer: a prospect, with the domain of her address.
    const carmen = await coachByEmail('carmen@umbrella.example');
    const umbrella = (await db.customers.get(carmen.contact.customerId!))!;
    expect(umbrella).toMatchObject({ name: 'Umbrella Corporation', domains: ['umbrella.example'] });
    expect((await customerCoaches(db, umbrella)).map((c) => c.id)).toEqual([carmen.coach.id]);
    expect(carmen.coach.referrals[0]!.outcome).toBe('lost');
  });

  it('is idempotent: the same file again changes nothing and counts every good row unchanged', async () => {
    await importCoaches(db, table, spec, TODAY);
    const before = { coaches: await db.coaches.toArray(), contacts: await db.contacts.toArray(), customers: await db.customers.count() };
    const again = await importCoaches(db, table, spec, TODAY);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4, customersCreated: 0 });
    expect(again.rejected).toHaveLength(8);
    expect(await db.coaches.toArray()).toEqual(before.coaches);
    expect(await db.contacts.toArray()).toEqual(before.contacts);
    expect(await db.customers.count()).toBe(before.customers);
  });

  it('a later sheet naming a new employer records the move on the import day', async () => {
    await importCoaches(db, table, spec, TODAY);
    const moved = parseCsv('Name,Email,Company,Company Domain\r\nWang Fang,wang.fang@globex.co.uk,Newco,newco.com\r\n');
    const r = await importCoaches(db, moved, { mapping: proposeCoachMapping(moved.headers), dateOrder: 'auto' }, TODAY);
    expect(r).toMatchObject({ updated: 1, customersCreated: 1 });
    expect((await coachByEmail('wang.fang@globex.co.uk')).coach.employers).toEqual([
      { company: 'Globex Ltd', domain: 'globex.co.uk', to: TODAY },
      { company: 'Newco', domain: 'newco.com', from: TODAY },
    ]);
  });

  it('without a name or email column nothing converts', () => {
    const t = parseCsv('Full Name,Phone\r\nWang Fang,123\r\n');
    expect(convertCoachTable(t, { mapping: proposeCoachMapping(t.headers), dateOrder: 'auto' }).rejected[0]).toMatchObject({ code: 'missing_value' });
  });
});
