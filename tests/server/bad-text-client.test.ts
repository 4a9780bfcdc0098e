/**
 * Issue 14, finding 3, end to end with the extension's real sync client (lib/sync) and the real
 * server: a CRM page's name cut inside an emoji ('Café 😀'.slice(0, 6)) was saved by "Add
 * customer", and from then on every sync round of that device answered 500 — and, a round
 * pushing before it pulled, the device never received its colleagues' changes again.
 *
 * Now the page's text is made well-formed where the content script reads it, and a mutation an
 * older client queued with bad text is refused alone: the round succeeds, the device is told
 * why, and it keeps pulling.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerFromSubject, saveCustomer } from '../../lib/db/customers';
import { HoldfastDB } from '../../lib/db/database';
import { detectSubject } from '../../lib/sites/detect';
import type { SiteAdapter } from '../../lib/sites/types';
import { connect } from '../../lib/sync/connect';
import { syncOnce } from '../../lib/sync/engine';
import type { FetchLike } from '../../lib/sync/http';
import { readRefusals } from '../../lib/sync/store';
import { newId } from '../../lib/util/ids';
import { DB_KINDS, startServer, type TestServer } from './harness';

const HALF_EMOJI = 'Café 😀'.slice(0, 6);
const nodeFetch: FetchLike = (url, init) => fetch(url, init);

/** A CRM page whose account name the page cut inside an emoji, read through the content script's detection. */
function pageSubject(name: string, recordId: string) {
  const adapter = { id: 'salesforce', matches: () => true, detect: () => ({ site: 'salesforce', objectType: 'Account', recordId, tenant: 'acme', name, emails: [], domains: [] }) };
  return detectSubject(new URL('https://acme.lightning.force.com/x'), {} as Document, [adapter as unknown as SiteAdapter])!;
}

describe.each(DB_KINDS)('bad text with the real client on %s', (db) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ db, env: { HOLDFAST_RATE_BURST: '100000' } });
  });
  afterAll(() => server?.stop());

  async function device(handle: string): Promise<HoldfastDB> {
    const d = new HoldfastDB(`bad-text-${handle}-${newId()}`);
    await d.open();
    const r = await connect(d, { serverUrl: server.url, token: server.tokens[handle]! }, { fetch: nodeFetch });
    expect(r.ok).toBe(true);
    await sync(d);
    return d;
  }
  const sync = (d: HoldfastDB) => syncOnce({ db: d, fetch: nodeFetch });

  it('a page name cut inside an emoji is saved well-formed and syncs to colleagues', async () => {
    const alice = await device('alice');
    const bob = await device('bob');
    const c = await saveCustomer(alice, customerFromSubject(pageSubject(HALF_EMOJI, '001CAFE')));
    expect(c.name).toBe('Café \uFFFD');
    await expect(sync(alice)).resolves.toMatchObject({ refused: 0 });
    await sync(bob);
    expect((await bob.customers.get(c.id))?.name).toBe('Café \uFFFD');
  });

  it('a bad mutation an older client queued is refused alone: the round succeeds, says why, and the device keeps pulling', async () => {
    const alice = await device('alice');
    const bob = await device('bob');
    const before = await saveCustomer(alice, customerFromSubject(pageSubject('Before Inc', '001B')));
    const bad = await saveCustomer(alice, customerFromSubject(pageSubject('Placeholder', '001BAD')));
    const after = await saveCustomer(alice, customerFromSubject(pageSubject('After Inc', '001A')));
    // What an older version queued: the name with half an emoji and a NUL, as it read them.
    const entry = (await alice.outbox.toArray()).find((e) => e.recordId === bad.id && e.op === 'put')!;
    await alice.outbox.update(entry.id, { record: { ...(entry.op === 'put' ? entry.record : {}), name: `${HALF_EMOJI}\u0000` } } as never);
    const colleague = await saveCustomer(bob, customerFromSubject(pageSubject('Colleague Ltd', '001C')));
    await sync(bob);

    const report = await sync(alice);
    expect(report).toMatchObject({ refused: 1 });
    expect(report.pulled).toBeGreaterThanOrEqual(1);
    expect(await alice.outbox.count()).toBe(0);
    const [refusal] = await readRefusals(alice);
    expect(refusal).toMatchObject({ table: 'customers', recordId: bad.id, code: 'invalid', reason: expect.stringMatching(/well-formed text/) });
    // The colleague's change arrived; the good ones went up around the bad one.
    expect((await alice.customers.get(colleague.id))?.name).toBe('Colleague Ltd');
    await sync(bob);
    expect((await bob.customers.get(before.id))?.name).toBe('Before Inc');
    expect((await bob.customers.get(after.id))?.name).toBe('After Inc');
    expect(await bob.customers.get(bad.id)).toBeUndefined();
    // And the next round is an ordinary one.
    await expect(sync(alice)).resolves.toMatchObject({ refused: 0 });
  });
});
