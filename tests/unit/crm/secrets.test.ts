// The Salesforce session id (the org's `sid` cookie) is read by the background when a request
// needs it and sent only to the org's own host as the bearer token: it never reaches storage
// (every table, browser.storage), logs, backups, team sync, the status the pages read, an
// error's details, or a content script. The background runs here for real (its message
// handlers, the session reader on browser.cookies, the Salesforce client and the engine)
// against the Salesforce stand-in, with a sentinel session id to look for everywhere.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '@/lib/db';
import { exportBackup } from '@/lib/backup/export';
import { dispatch } from '@/lib/messaging';
import type { CrmStatus } from '@/lib/crm/state';
import type { CrmFetch } from '@/lib/crm/types';
import { registerCrm } from '@/entrypoints/background/crm';
import { salesforceOrg, salesforceStandIn } from '../../crm-api/salesforce';
import { standInFetch } from '../../crm-api/serve';

const SENTINEL = '00Dxx0000000001!AQ-SENTINEL';
const HOST = 'acme.my.salesforce.com';

const logged: string[] = [];
beforeEach(() => {
  for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' ')));
  }
});
afterEach(() => vi.restoreAllMocks());

function org() {
  const o = salesforceOrg({ start: '2026-11-01T09:00:00.000Z' });
  o.addUser({ Name: 'Dana Rep', Email: 'dana@acme.example' });
  const acme = o.addAccount({ Name: 'Acme Corp', Website: 'acme.com' });
  o.addOpportunity({ Name: 'Acme platform', AccountId: acme.Id, CloseDate: '2025-03-31', lines: [{ product: 'Platform', amount: 12000 }, { product: 'Support', amount: 1800.5 }] });
  return o;
}

const options = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });

async function settled(): Promise<CrmStatus[]> {
  for (let i = 0; i < 200; i++) {
    const r = (await dispatch({ hf: 'crmStatus', data: null }, options(), fakeBrowser.runtime.id)) as { ok: true; data: CrmStatus[] };
    if (r.data.every((s) => !s.running)) return r.data;
    await new Promise((res) => setTimeout(res, 10));
  }
  throw new Error('sync did not finish');
}

/** Every string anywhere in the extension's storage: all Dexie tables and browser.storage. */
async function everythingStored(): Promise<string> {
  const d = db();
  const tables = await Promise.all(d.tables.map(async (t) => [t.name, await t.toArray()] as const));
  const areas = await Promise.all((['local', 'sync', 'session'] as const).map(async (a) => [a, await fakeBrowser.storage[a].get(null)] as const));
  return JSON.stringify({ tables, areas });
}

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'node_modules' && !name.startsWith('.')) filesUnder(p, out);
    } else if (/\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

describe('the Salesforce session id', () => {
  it('is sent only to the org’s host as the bearer token, and kept nowhere', async () => {
    const o = org();
    const stand = salesforceStandIn(o, { sid: SENTINEL });
    const sent: Array<{ url: string; headers: Record<string, string> }> = [];
    const inner = standInFetch(stand);
    const fetch: CrmFetch = (url, init) => {
      sent.push({ url, headers: init.headers });
      return inner(url, init);
    };
    // The browser holds the cookie; the background may read it (the cookies permission granted).
    const cookieReads: unknown[] = [];
    Object.assign(fakeBrowser.cookies, {
      get: async (details: { url: string; name: string }) => {
        cookieReads.push(details);
        return details.url === `https://${HOST}` && details.name === 'sid' ? { name: 'sid', value: stand.sid, domain: HOST, path: '/' } : null;
      },
    });
    Object.assign(fakeBrowser.permissions, { contains: async () => true });
    Object.assign(fakeBrowser.runtime, { getPlatformInfo: async () => ({ os: 'linux', arch: 'x86-64' }) });
    // Team sync on, the connection shared with the team: whatever the sync writes is queued.
    await db().sync.put({ key: 'capture', on: true, nextId: 1 });

    registerCrm({ fetch });
    const id = fakeBrowser.runtime.id;
    const connect = await dispatch({ hf: 'crmConnect', data: { product: 'salesforce', address: 'https://acme.lightning.force.com/lightning/page/home', share: 'team' } }, options(), id);
    expect(connect).toMatchObject({ ok: true, data: { ok: true, status: { product: 'salesforce', apiHost: HOST, tenant: 'acme' } } });
    const replies = [JSON.stringify(connect)];
    const done = await settled();
    expect(done[0]).toMatchObject({ lastCounts: { accounts: 1, deals: 1, lines: 2 } });
    expect(done[0]).not.toHaveProperty('lastError');
    replies.push(JSON.stringify(done));
    // The revenue arrived, and went to the team's outbox: so sync really carried this sync's records.
    expect((await db().revenueLines.toArray()).map((l) => l.amount).sort((a, b) => a - b)).toEqual([180050, 1200000]);
    expect(await db().outbox.count()).toBeGreaterThan(0);

    // The session expires mid-life: the error the rep sees, and its details, carry no session.
    o.tick(60_000);
    stand.expireSession();
    Object.assign(fakeBrowser.cookies, { get: async () => ({ name: 'sid', value: SENTINEL, domain: HOST, path: '/' }) });
    replies.push(JSON.stringify(await dispatch({ hf: 'crmSyncNow', data: { product: 'salesforce' } }, options(), id)));
    const failed = await settled();
    expect(failed[0]!.lastError?.code).toBe('signed_out');
    replies.push(JSON.stringify(failed));
    replies.push(JSON.stringify(await dispatch({ hf: 'crmCancel', data: { product: 'salesforce' } }, options(), id)));

    // Sent: only to the org's own host, only as the Authorization header.
    expect(cookieReads.length).toBeGreaterThan(0);
    const carrying = sent.filter((r) => JSON.stringify(r).includes(SENTINEL));
    expect(carrying.length).toBeGreaterThan(0);
    for (const r of carrying) {
      expect(new URL(r.url).host).toBe(HOST);
      expect(r.url).not.toContain(SENTINEL);
      expect(Object.entries(r.headers).filter(([, v]) => v.includes(SENTINEL))).toEqual([['Authorization', `Bearer ${SENTINEL}`]]);
    }

    // Kept nowhere.
    const stored = await everythingStored();
    expect(stored).toContain('Acme Corp'); // the dump does hold what was synced
    expect(stored).not.toContain(SENTINEL);
    expect(stored).not.toContain('AQ-SENTINEL');
    expect(JSON.stringify(await exportBackup(db()))).not.toContain(SENTINEL);
    const outbox = JSON.stringify(await db().outbox.toArray());
    expect(outbox).toContain('Platform');
    expect(outbox).not.toContain(SENTINEL);
    for (const reply of replies) expect(reply).not.toContain(SENTINEL);
    expect(logged.join('\n')).not.toContain(SENTINEL);
  });

  it('is read only by the background: no content script can reach the cookies API', () => {
    // In the sources: one reader, imported by the background alone.
    const sources = ['lib', 'entrypoints', 'components'].flatMap((dir) => filesUnder(dir));
    const readers = sources.filter((f) => /\bcookies\s*\??\.\s*(get|getAll)\b/.test(readFileSync(f, 'utf8')));
    expect(readers).toEqual([path.join('lib', 'crm', 'session.ts')]);
    const importers = sources.filter((f) => /from ['"][^'"]*crm\/session['"]/.test(readFileSync(f, 'utf8')));
    expect(importers).toEqual([path.join('entrypoints', 'background', 'crm.ts')]);
    expect(sources.filter((f) => f.includes('.content') && /crm\/(session|clients|engine|salesforce)/.test(readFileSync(f, 'utf8')))).toEqual([]);
  });

  // In a build (HOLDFAST_OUT or .output), when there is one: the content scripts as shipped.
  const built = [process.env.HOLDFAST_OUT, '.output'].filter((d): d is string => !!d).map((d) => path.join(d, 'chrome-mv3', 'content-scripts')).find((d) => {
    try {
      return statSync(d).isDirectory();
    } catch {
      return false;
    }
  });
  it.runIf(built)('the built content scripts never call the cookies API', () => {
    const files = readdirSync(built!).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(path.join(built!, f), 'utf8'), f).not.toMatch(/\bcookies\s*\??\.\s*(get|getAll)\b|["']cookies["']/);
  });
});
