import Dexie from 'dexie';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { HoldfastDB } from '@/lib/db';
import { Coach, Contact, Customer, Note, Pod, Problem, Rep, RevenueLine } from '@/lib/model';
import { LATEST_VERSION, versions } from '@/lib/db/versions';
import { customerCoaches } from '@/lib/db/tenure-query';

const FIXTURES = path.resolve('tests/fixtures/db');
const schemas: Record<string, z.ZodMiniType> = {
  customers: Customer, revenueLines: RevenueLine, contacts: Contact, coaches: Coach,
  problems: Problem, reps: Rep, pods: Pod, notes: Note,
};

interface Fixture {
  version: number;
  tables: Record<string, unknown[]>;
}

/** Write a fixture the way that old version of Holdfast would have: only its own schema chain. */
async function writeOldDatabase(name: string, fixture: Fixture) {
  const old = new Dexie(name);
  for (const v of versions.filter((v) => v.version <= fixture.version)) old.version(v.version).stores(v.stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkPut(rows);
  });
  old.close();
}

describe('database migrations', () => {
  const files = readdirSync(FIXTURES).filter((f) => /^v\d+\.json$/.test(f));

  it('keeps a fixture of every schema version but the newest', () => {
    const have = new Set(files.map((f) => Number(f.slice(1, -5))));
    for (const v of versions) if (v.version < LATEST_VERSION || versions.length === 1) expect(have.has(v.version)).toBe(true);
  });

  for (const file of files) {
    it(`opens ${file} with the newest schema, every row intact and valid`, async () => {
      const fixture = JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as Fixture;
      const name = `migrate-${file}`;
      await writeOldDatabase(name, fixture);

      const db = new HoldfastDB(name);
      await db.open();
      expect(db.verno).toBe(LATEST_VERSION);
      for (const [table, rows] of Object.entries(fixture.tables)) {
        const now = await db.table(table).toArray();
        expect(now.length, table).toBe(rows.length);
        const schema = schemas[table];
        if (schema) for (const row of now) expect(z.safeParse(schema, row).success, `${table} row ${JSON.stringify(row)}`).toBe(true);
      }
      // The indexes the panels rely on answer on migrated data.
      expect(await db.customers.where('domains').equals('acme.com').count()).toBe(1);
      expect(await db.problems.where('[customerId+status]').equals(['0193a1b0-0000-7000-8000-000000000001', 'open']).count()).toBe(1);
      db.close();
    });

    // Only databases from before v3 carry the old copy.
    it.runIf(Number(file.slice(1, -5)) < 3)(`${file}: every customer↔coach link of the old copy (Customer.coachIds) is derived by the coaches' index (v3), and the copy is gone`, async () => {
      const fixture = JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as Fixture;
      const name = `migrate-links-${file}`;
      await writeOldDatabase(name, fixture);
      const db = new HoldfastDB(name);
      await db.open();
      const oldCustomers = (fixture.tables.customers ?? []) as Array<{ id: string; coachIds?: string[] }>;
      const oldCoaches = (fixture.tables.coaches ?? []) as Array<{ id: string; deleted?: boolean }>;
      const live = new Set(oldCoaches.filter((c) => !c.deleted).map((c) => c.id));
      for (const old of oldCustomers) {
        const row = (await db.customers.get(old.id))!;
        expect(row, old.id).not.toHaveProperty('coachIds');
        const found = (await customerCoaches(db, row)).map((c) => c.id).sort();
        expect(found, `coaches of ${old.id}`).toEqual((old.coachIds ?? []).filter((id) => live.has(id)).sort());
      }
      for (const coach of await db.coaches.toArray()) {
        expect(Array.isArray(coach.customerKeys), coach.id).toBe(true);
        if (coach.deleted) expect(coach.customerKeys).toEqual([]);
      }
      // The upgrade changed local rows only: no record's updatedAt moved, nothing was queued.
      for (const old of [...oldCustomers, ...oldCoaches] as Array<{ id: string; updatedAt: string }>) {
        expect(((await db.customers.get(old.id)) ?? (await db.coaches.get(old.id)))!.updatedAt).toBe(old.updatedAt);
      }
      expect(await db.outbox.count()).toBe((fixture.tables.outbox ?? []).length);
      db.close();
    });
  }
});
