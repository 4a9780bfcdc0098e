/**
 * Derived, not copied (issue 14): a customer's coaches are found by the coaches' own
 * multi-entry index `customerKeys`, derived from each coach record wherever a coach row is
 * written — the coach changes, pulled records, backup restore — and never sent or exported.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { HoldfastDB, saveCustomer } from '@/lib/db';
import { coachCustomerKeys, customerKeys, toCoachRow } from '@/lib/db/coach-rows';
import { makeCoach, recordMove } from '@/lib/db/coaches';
import { customerCoaches } from '@/lib/db/tenure-query';
import { exportBackup } from '@/lib/backup/export';
import { parseBackup, restoreBackup } from '@/lib/backup/restore';
import { applyChanges } from '@/lib/sync/apply';
import { parseRecord } from '@/lib/sync/records';
import { applyingServerData } from '@/lib/sync/store';
import type { Coach, Customer } from '@/lib/model';
import { newId } from '@/lib/util/ids';

const UPDATED = '2026-11-01T09:00:00.000Z';
const customer = (id: string, name: string, domains: string[]): Customer => ({ id, updatedAt: UPDATED, name, domains, crmRefs: [] });
const coach = (over: Partial<Coach> = {}): Coach => ({
  id: 'k1',
  updatedAt: UPDATED,
  contactId: 'ct1',
  employers: [
    { company: 'Globex Ltd', domain: 'eu.globex.co.uk', to: '2026-11-20' },
    { company: 'Hooli Inc.', domain: 'hooli.xyz', from: '2026-11-20' },
  ],
  referrals: [{ customerId: 'acme', date: '2024-03-02', outcome: 'won' }],
  gifts: [],
  ...over,
});

let db: HoldfastDB;
beforeEach(async () => {
  db = new HoldfastDB(`coach-rows-${newId()}`);
  await db.open();
  await saveCustomer(db, customer('acme', 'Acme Corp', ['acme.com']));
  await saveCustomer(db, customer('globex', 'Globex Ltd', ['globex.co.uk']));
  await saveCustomer(db, customer('hooli', 'Hooli', ['hooli.com']));
  await saveCustomer(db, customer('initech', 'Initech', ['initech.com']));
});

const coachesOf = async (id: string) => (await customerCoaches(db, (await db.customers.get(id))!)).map((c) => c.id);

describe("a coach row's customerKeys", () => {
  it('are derived from the record alone: referred customers, employer domains with their parents, company names', () => {
    expect(coachCustomerKeys(coach()).sort()).toEqual(
      ['id:acme', 'd:eu.globex.co.uk', 'd:globex.co.uk', 'd:co.uk', 'c:globex', 'd:hooli.xyz', 'c:hooli'].sort(),
    );
    expect(coachCustomerKeys(coach({ deleted: true }))).toEqual([]);
    expect(customerKeys(customer('globex', 'Globex Ltd', ['globex.co.uk']))).toEqual(['id:globex', 'd:globex.co.uk', 'c:globex']);
    // A stale value on the way in is replaced, never kept.
    expect(toCoachRow({ ...coach({ referrals: [] }), customerKeys: ['id:acme'] } as Coach).customerKeys).not.toContain('id:acme');
  });

  it('find who introduced a customer and who works or worked there, in one index query; nobody else', async () => {
    await db.coaches.put(toCoachRow(coach()));
    expect(await coachesOf('acme')).toEqual(['k1']); // introduced
    expect(await coachesOf('globex')).toEqual(['k1']); // worked there (a subdomain's mail)
    expect(await coachesOf('hooli')).toEqual(['k1']); // works there (by company name; its domain differs)
    expect(await coachesOf('initech')).toEqual([]);
    await db.coaches.put(toCoachRow(coach({ deleted: true })));
    expect(await coachesOf('acme')).toEqual([]);
  });

  it('follow a move without writing the customers: the old employer keeps the coach, the new one gains them', async () => {
    const { coach: k } = await makeCoach(db, { name: 'Wang Fang', email: 'wang.fang@globex.co.uk', customerId: 'globex' });
    const before = await db.customers.toArray();
    await recordMove(db, k.id, 'wang.fang@initech.com', '2026-11-28');
    expect(await coachesOf('globex')).toEqual([k.id]);
    expect(await coachesOf('initech')).toEqual([k.id]);
    expect(await db.customers.toArray()).toEqual(before);
  });

  it('are derived for coaches pulled from the team server, and never sent to it', async () => {
    const wire = coach();
    await applyingServerData(db, ['coaches'], () => applyChanges(db, [{ table: 'coaches', id: 'k1', record: wire }]));
    const row = (await db.coaches.get('k1'))!;
    expect(row.customerKeys).toEqual(coachCustomerKeys(wire));
    expect(await coachesOf('acme')).toEqual(['k1']);
    const sent = parseRecord('coaches', row);
    expect(sent.ok && sent.record).toEqual(wire);
    expect(sent.ok && 'customerKeys' in sent.record).toBe(false);
    // An old client's customer record still parses with its links, which are not stored.
    const old = parseRecord('customers', { ...customer('umbrella', 'Umbrella', ['umbrella.example']), coachIds: ['k1'] });
    expect(old.ok).toBe(true);
    await applyingServerData(db, ['customers'], () => applyChanges(db, [{ table: 'customers', id: 'umbrella', record: (old as { ok: true; record: Record<string, unknown> }).record }]));
    expect(await db.customers.get('umbrella')).not.toHaveProperty('coachIds');
  });

  it('are left out of backups and derived again on restore', async () => {
    await db.coaches.put(toCoachRow(coach()));
    const backup = await exportBackup(db);
    expect(backup.tables.coaches[0]).not.toHaveProperty('customerKeys');
    const parsed = parseBackup(JSON.stringify(backup));
    const other = new HoldfastDB(`coach-rows-restore-${newId()}`);
    await restoreBackup(other, (parsed as { ok: true; backup: never }).backup);
    expect((await other.coaches.get('k1'))!.customerKeys).toEqual(coachCustomerKeys(coach()));
    expect((await customerCoaches(other, (await other.customers.get('globex'))!)).map((c) => c.id)).toEqual(['k1']);
  });
});
