import { beforeEach, describe, expect, it } from 'vitest';
import { HoldfastDB, customerFromSubject, ensureMe, saveCustomer } from '@/lib/db';
import { exportBackup } from '@/lib/backup/export';
import { parseBackup, restoreBackup, wipeAll } from '@/lib/backup/restore';
import { customersCsv } from '@/lib/backup/csv';
import { logProblem } from '@/lib/owners/log';
import { newId, nowIso } from '@/lib/util/ids';

let db: HoldfastDB;
beforeEach(async () => {
  db = new HoldfastDB(`backup-${newId()}`);
  await db.open();
});

async function seed(d: HoldfastDB) {
  const me = await ensureMe(d, 'Li Wei');
  const c = await saveCustomer(d, customerFromSubject({ site: 'salesforce', objectType: 'Account', recordId: '001A', tenant: 'acme', name: 'Acme Corp', emails: [], domains: ['acme.com'] }));
  await d.problems.add(logProblem({ customerId: c.id, title: 'Late delivery', channel: 'phone' }, { me: me.id, now: nowIso(), newId }));
  return c;
}

describe('backup', () => {
  it('round-trips everything through one JSON file into an empty device', async () => {
    await seed(db);
    const text = JSON.stringify(await exportBackup(db));
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(true);
    const other = new HoldfastDB(`restore-${newId()}`);
    const report = await restoreBackup(other, (parsed as { ok: true; backup: never }).backup);
    expect(report.added).toBe(4); // the customer, the problem, the rep and the "who am I" setting
    expect(await other.customers.where('crmKeys').equals('salesforce|acme|account|001A').count()).toBe(1);
    expect(await other.problems.count()).toBe(1);
    // Restoring the same file again changes nothing.
    const again = await restoreBackup(other, (parsed as { ok: true; backup: never }).backup);
    expect([again.added, again.updated]).toEqual([0, 0]);
  });

  it('keeps a record the device has in a newer version', async () => {
    const c = await seed(db);
    const backup = await exportBackup(db);
    await saveCustomer(db, { ...c, name: 'Acme Corporation', updatedAt: '2099-01-01T00:00:00.000Z' });
    const report = await restoreBackup(db, backup);
    expect(report.perTable.customers.keptNewer).toBe(1);
    expect((await db.customers.get(c.id))?.name).toBe('Acme Corporation');
  });

  it('refuses a bad file with a reason and writes nothing', async () => {
    await seed(db);
    const good = await exportBackup(db);
    const broken = structuredClone(good);
    (broken.tables.customers[0] as { domains: string[] }).domains = ['Not A Domain'];
    const cases: Array<[string, RegExp]> = [
      ['{not json', /not JSON/],
      ['{"hello": 1}', /not a Holdfast backup/],
      [JSON.stringify({ ...good, version: 99 }), /version/],
      [JSON.stringify(broken), /tables\.customers\.0\.domains\.0/],
    ];
    for (const [text, reason] of cases) {
      const r = parseBackup(text);
      expect(r.ok, text.slice(0, 30)).toBe(false);
      expect((r as { reason: string }).reason).toMatch(reason);
    }
  });

  it('wipes every table', async () => {
    await seed(db);
    await wipeAll(db);
    for (const t of db.tables) expect(await t.count(), t.name).toBe(0);
  });

  it('writes spreadsheet cells that cannot run as formulas', () => {
    const csv = customersCsv([{ id: 'c1', updatedAt: nowIso(), name: '=HYPERLINK("http://evil.example","x")', domains: [], crmRefs: [] }]);
    expect(csv).toContain(`"'=HYPERLINK`);
  });
});

describe('restore: time sanity (issue 14)', () => {
  // An hour ago: the device's own edits below (saveCustomer) are dated by the real clock, after it.
  const NOW = new Date(Date.now() - 60 * 60 * 1000);
  const DAY = 24 * 60 * 60 * 1000;
  const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

  /** A backup whose customer claims 9999, whose problem has an event three days ahead, and whose rep is 23 hours ahead (allowed). */
  async function futureBackup() {
    const c = await seed(db);
    const backup = await exportBackup(db);
    backup.tables.customers[0]!.updatedAt = '9999-12-31T23:59:59.999Z';
    const p = backup.tables.problems[0]!;
    p.events = [...p.events, { ...p.events[0]!, id: newId(), at: at(3 * DAY) }];
    backup.tables.reps[0]!.updatedAt = at(23 * 60 * 60 * 1000);
    return { c, backup: (parseBackup(JSON.stringify(backup)) as { ok: true; backup: typeof backup }).backup };
  }

  it('clamps updatedAt and problem event times more than 24 h ahead to now, and says how many', async () => {
    const { c, backup } = await futureBackup();
    const other = new HoldfastDB(`restore-${newId()}`);
    const report = await restoreBackup(other, backup, NOW);
    expect(report.clamped).toBe(2);
    expect([report.perTable.customers.clamped, report.perTable.problems.clamped, report.perTable.reps.clamped]).toEqual([1, 1, 0]);
    expect((await other.customers.get(c.id))!.updatedAt).toBe(NOW.toISOString());
    const problem = (await other.problems.toArray())[0]!;
    expect(problem.events.map((e) => e.at).at(-1)).toBe(NOW.toISOString());
    expect(problem.events[0]!.at).toBe(backup.tables.problems[0]!.events[0]!.at);
    expect((await other.reps.toArray())[0]!.updatedAt).toBe(at(23 * 60 * 60 * 1000));
  });

  it('a far-future record no longer wins later merges; restoring the same file again changes nothing', async () => {
    const { c, backup } = await futureBackup();
    const other = new HoldfastDB(`restore-${newId()}`);
    await restoreBackup(other, backup, NOW);
    const later = new Date(NOW.getTime() + 60_000);
    const again = await restoreBackup(other, backup, later);
    expect([again.added, again.updated, again.clamped]).toEqual([0, 0, 2]);
    // The record is dated as restored, not "9999": an edit made afterwards is newer, here and in every merge.
    const row = (await other.customers.get(c.id))!;
    expect(row.updatedAt).toBe(NOW.toISOString());
    const edited = await saveCustomer(other, { ...row, name: 'Acme Corporation' });
    expect(edited.updatedAt > row.updatedAt).toBe(true);
  });
});
