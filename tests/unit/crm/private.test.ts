// A "just me" CRM connection's records stay on this device when the rep connects to team
// sync later: its revenue and the customers only it knows are not queued by the first sync;
// anything the team is sent that needs such a customer takes the customer along.
import { beforeEach, describe, expect, it } from 'vitest';
import { HoldfastDB, saveCustomer } from '@/lib/db';
import { connect } from '@/lib/sync/connect';
import { syncOnce } from '@/lib/sync/engine';
import type { Customer, RevenueLine } from '@/lib/model';
import { newId, nowIso } from '@/lib/util/ids';
import { FakeServer } from '../sync/fake-server';

let db: HoldfastDB;
let server: FakeServer;
beforeEach(async () => {
  db = new HoldfastDB(`private-${newId()}`);
  await db.open();
  server = new FakeServer();
});

const customer = (name: string, recordId?: string): Customer => ({
  id: newId(), updatedAt: nowIso(), name, domains: [],
  crmRefs: recordId ? [{ site: 'salesforce', tenant: 'acme', objectType: 'Account', recordId }] : [],
});
const line = (customerId: string, deal?: string): RevenueLine => ({
  id: newId(), updatedAt: nowIso(), customerId, date: '2025-01-31', amount: 100, currency: 'USD', product: 'Seats', ...(deal ? { deal } : {}),
});

async function firstTeamSync() {
  expect((await connect(db, { serverUrl: 'https://sync.example.com/', token: 'secret' }, { fetch: server.fetch })).ok).toBe(true);
  await syncOnce({ db, fetch: server.fetch });
}

describe('connecting team sync after a “just me” CRM connection', () => {
  it('sends neither its revenue nor the customers only it knows; what the team needs still goes', async () => {
    await db.crm.put({ key: 'salesforce', apiHost: 'acme.my.salesforce.com', tenant: 'acme', share: 'me', connectedAt: nowIso(), failures: 0 });
    const onlyCrm = await saveCustomer(db, customer('Quiet Co', '001A'));
    const noted = await saveCustomer(db, customer('Noted Co', '001B'));
    const byHand = await saveCustomer(db, customer('Hand Co'));
    await db.notes.put({ id: newId(), updatedAt: nowIso(), customerId: noted.id, text: 'Call the CFO', authorRepId: newId(), visibility: 'team' });
    const crmLine = line(onlyCrm.id, 'salesforce|acme|opportunity|006A');
    const notedLine = line(noted.id, 'salesforce|acme|opportunity|006B');
    const handLine = line(byHand.id);
    const otherOrg = line(byHand.id, 'salesforce|globex|opportunity|006C');
    await db.revenueLines.bulkPut([crmLine, notedLine, handLine, otherOrg]);

    await firstTeamSync();
    expect(server.get('customers', onlyCrm.id)).toBeUndefined();
    expect(server.get('revenueLines', crmLine.id)).toBeUndefined();
    expect(server.get('revenueLines', notedLine.id)).toBeUndefined();
    expect(server.get('customers', noted.id)).toMatchObject({ name: 'Noted Co' });
    expect(server.get('customers', byHand.id)).toMatchObject({ name: 'Hand Co' });
    expect(server.get('revenueLines', handLine.id)).toMatchObject({ amount: 100 });
    expect(server.get('revenueLines', otherOrg.id)).toMatchObject({ amount: 100 });
  });

  it('a “my whole team” connection’s records are sent like any', async () => {
    await db.crm.put({ key: 'salesforce', apiHost: 'acme.my.salesforce.com', tenant: 'acme', share: 'team', connectedAt: nowIso(), failures: 0 });
    const c = await saveCustomer(db, customer('Loud Co', '001A'));
    const l = line(c.id, 'salesforce|acme|opportunity|006A');
    await db.revenueLines.put(l);
    await firstTeamSync();
    expect(server.get('customers', c.id)).toMatchObject({ name: 'Loud Co' });
    expect(server.get('revenueLines', l.id)).toMatchObject({ amount: 100 });
  });
});
