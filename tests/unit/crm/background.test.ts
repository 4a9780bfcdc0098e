// The background's CRM messages and its automatic syncs: answered for the extension's own
// pages only; connecting without the browser's permission is refused before anything is
// read; a CRM page opened syncs that CRM, at most once in five minutes.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '@/lib/db';
import { dispatch } from '@/lib/messaging';
import { crmPageSeen, isPageOf, registerCrm } from '@/entrypoints/background/crm';
import type { CrmFetch } from '@/lib/crm/types';
import { salesforceOrg, salesforceStandIn } from '../../crm-api/salesforce';
import { standInFetch } from '../../crm-api/serve';

const id = () => fakeBrowser.runtime.id;
const options = () => ({ id: id(), url: fakeBrowser.runtime.getURL('/options.html') });
const contentScript = () => ({ id: id(), url: 'https://acme.lightning.force.com/lightning/r/Account/001/view', tab: { id: 7 } });

describe('CRM messages in the background', () => {
  it('refuse content scripts, whatever they ask', async () => {
    registerCrm({ fetch: async () => new Response('{}') });
    for (const [hf, data] of [
      ['crmConnect', { product: 'salesforce', address: 'acme', share: 'team' }],
      ['crmDisconnect', { product: 'salesforce' }],
      ['crmSyncNow', { product: 'salesforce' }],
      ['crmCancel', { product: 'salesforce' }],
      ['crmStatus', null],
    ] as const) {
      expect(await dispatch({ hf, data }, contentScript(), id()), hf).toEqual({ ok: false, error: 'CRM connections are managed from the extension’s own pages only' });
    }
    expect(await dispatch({ hf: 'crmStatus', data: null }, options(), id())).toEqual({ ok: true, data: [] });
  });

  it('connecting without the permission asks for nothing and stores nothing', async () => {
    const asked: string[] = [];
    registerCrm({ fetch: async (url) => (asked.push(url), new Response('{}')) });
    Object.assign(fakeBrowser.permissions, { contains: async () => false });
    const reply = await dispatch({ hf: 'crmConnect', data: { product: 'salesforce', address: 'https://acme.lightning.force.com', share: 'me' } }, options(), id());
    expect(reply).toMatchObject({ ok: true, data: { ok: false, code: 'no_permission' } });
    expect(asked).toEqual([]);
    expect(await db().crm.count()).toBe(0);
  });
});

describe('a CRM page opened', () => {
  it('is told by its host', () => {
    expect(isPageOf({ key: 'salesforce', apiHost: 'acme.my.salesforce.com' }, 'acme.lightning.force.com')).toBe(true);
    expect(isPageOf({ key: 'salesforce', apiHost: 'acme.my.salesforce.com' }, 'other.lightning.force.com')).toBe(false);
    expect(isPageOf({ key: 'hubspot', apiHost: 'api.hubapi.com' }, 'app-eu1.hubspot.com')).toBe(true);
    expect(isPageOf({ key: 'dynamics', apiHost: 'contoso.crm4.dynamics.com' }, 'contoso.crm4.dynamics.com')).toBe(true);
    expect(isPageOf({ key: 'pipedrive', apiHost: 'acme.pipedrive.com' }, 'evil.example')).toBe(false);
  });

  it('syncs that CRM in the background, at most once in five minutes', async () => {
    const org = salesforceOrg({ start: '2026-11-01T09:00:00.000Z' });
    org.addAccount({ Name: 'Acme Corp' });
    const stand = salesforceStandIn(org);
    let queries = 0;
    const inner = standInFetch(stand);
    const fetch: CrmFetch = (url, init) => {
      if (url.includes('/query')) queries++;
      return inner(url, init);
    };
    Object.assign(fakeBrowser.cookies, { get: async () => ({ name: 'sid', value: stand.sid }) });
    Object.assign(fakeBrowser.runtime, { getPlatformInfo: async () => ({}) });
    let clock = Date.parse('2026-12-01T10:00:00.000Z');
    await db().crm.put({ key: 'salesforce', apiHost: 'acme.my.salesforce.com', tenant: 'acme', share: 'me', connectedAt: '2026-11-30T10:00:00.000Z', failures: 0 });
    const { syncNow } = registerCrm({ fetch, now: () => clock });
    const settle = () => syncNow('salesforce', 'manual');

    crmPageSeen({ id: id(), url: 'https://other.lightning.force.com/lightning/page/home', tab: { id: 1 } });
    await new Promise((r) => setTimeout(r, 20));
    expect(queries).toBe(0);

    crmPageSeen(contentScript());
    await new Promise((r) => setTimeout(r, 20));
    await settle(); // the page's sync under way (or a manual one after it)
    const afterFirst = queries;
    expect(afterFirst).toBeGreaterThan(0);
    expect((await db().customers.toArray()).map((c) => c.name)).toEqual(['Acme Corp']);

    const before = queries;
    crmPageSeen(contentScript());
    await new Promise((r) => setTimeout(r, 20));
    expect(queries).toBe(before);
    clock += 5 * 60_000;
    crmPageSeen(contentScript());
    await new Promise((r) => setTimeout(r, 50));
    expect(queries).toBeGreaterThan(before);
  });
});

describe('automatic syncs after a failure', () => {
  it('wait out the backoff; the rep’s Sync now does not, and its reply shows the sync under way', async () => {
    const org = salesforceOrg({ start: '2026-11-01T09:00:00.000Z' });
    org.addAccount({ Name: 'Acme Corp' });
    const stand = salesforceStandIn(org);
    let queries = 0;
    const inner = standInFetch(stand);
    const fetch: CrmFetch = (url, init) => {
      if (url.includes('/query')) queries++;
      return inner(url, init);
    };
    Object.assign(fakeBrowser.cookies, { get: async () => ({ name: 'sid', value: stand.sid }) });
    Object.assign(fakeBrowser.runtime, { getPlatformInfo: async () => ({}) });
    const clock = Date.parse('2026-12-01T10:00:00.000Z');
    await db().crm.put({
      key: 'salesforce', apiHost: 'acme.my.salesforce.com', tenant: 'acme', share: 'me', connectedAt: '2026-11-30T10:00:00.000Z',
      failures: 2, nextAttemptAt: clock + 60_000, lastError: { code: 'rate_limited', detail: 'REQUEST_LIMIT_EXCEEDED', at: '2026-12-01T09:59:00.000Z' },
    });
    const { syncNow } = registerCrm({ fetch, now: () => clock });
    await syncNow('salesforce', 'alarm');
    await syncNow('salesforce', 'page');
    expect(queries).toBe(0);

    const reply = (await dispatch({ hf: 'crmSyncNow', data: { product: 'salesforce' } }, options(), id())) as { ok: true; data: Array<{ running?: unknown }> };
    expect(reply.data[0]!.running).toMatchObject({ phase: 'accounts' });
    await syncNow('salesforce', 'manual');
    expect(queries).toBeGreaterThan(0);
    const row = (await db().crm.get('salesforce'))!;
    expect(row).toMatchObject({ failures: 0, lastCounts: { accounts: 1 } });
    expect(row).not.toHaveProperty('lastError');
  });
});
