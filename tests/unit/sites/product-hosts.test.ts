// @vitest-environment happy-dom
/**
 * Company hosts of a known product: the stored mapping (parsed, never trusted), the scripts the
 * background registers from it, and the product's adapter reading the page on such a host.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PRODUCT_MATCHES, normaliseGrant, scriptsFor } from '@/lib/sites/hosts';
import { COMPANY_HOST_STAND_INS, onCompanyHost } from '@/lib/sites/company-host';
import { PRODUCT_HOSTS_KEY, addProductHost, productHostsFrom, readProductHosts, removeProductHost } from '@/lib/sites/product-hosts';
import { detectSubject } from '@/lib/sites/detect';
import { dynamicsAdapter } from '@/lib/sites/dynamics';
import { outlookAdapter } from '@/lib/sites/outlook';
import { wantedScripts } from '@/entrypoints/background/registration';
import { parseHtml, readFixture } from './load-fixture';

const CORP = 'https://crm.example-corp.cn/*';

describe('granted origins in another spelling', () => {
  it('reads a scheme wildcard, a bare origin and upper case as the https pattern', () => {
    expect(normaliseGrant('*://*.lightning.force.com/*')).toBe('https://*.lightning.force.com/*');
    expect(normaliseGrant('HTTPS://CRM.Example-Corp.CN/')).toBe(CORP);
    expect(normaliseGrant('https://crm.example-corp.cn')).toBe(CORP);
    expect(normaliseGrant('http://crm.example-corp.cn/*')).toBeNull();
    expect(normaliseGrant('<all_urls>')).toBeNull();
  });

  it('runs the product, not the generic script, on a grant the browser spells *://', () => {
    expect(scriptsFor(['*://*.lightning.force.com/*', '*://*.my.salesforce.com/*'])).toEqual([
      { id: 'holdfast-salesforce', js: ['content-scripts/salesforce.js'], matches: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'] },
    ]);
  });

  it('serves the China hosts of Salesforce with the Salesforce script', () => {
    const plan = scriptsFor(['https://*.lightning.sfcrmapps.cn/*', 'https://*.my.sfcrmproducts.cn/*']);
    expect(plan).toEqual([{ id: 'holdfast-salesforce', js: ['content-scripts/salesforce.js'], matches: ['https://*.lightning.sfcrmapps.cn/*', 'https://*.my.sfcrmproducts.cn/*'] }]);
  });
});

describe('company hosts mapped to a product', () => {
  it('runs the product’s script on a mapped, granted host instead of the generic one', () => {
    const plan = scriptsFor([...PRODUCT_MATCHES.dynamics, CORP, 'https://wiki.example-corp.cn/*'], [{ product: 'dynamics', origin: CORP }]);
    expect(plan).toEqual([
      { id: 'holdfast-dynamics', js: ['content-scripts/dynamics.js'], matches: ['https://*.dynamics.com/*', CORP] },
      { id: 'holdfast-custom', js: ['content-scripts/custom.js'], matches: ['https://wiki.example-corp.cn/*'] },
    ]);
  });

  it('runs a mapped host even when the product’s own hosts are not enabled', () => {
    expect(scriptsFor([CORP], [{ product: 'outlook', origin: CORP }])).toEqual([
      { id: 'holdfast-outlook', js: ['content-scripts/outlook.js'], matches: [CORP] },
    ]);
  });

  it('runs nothing on a mapped host whose access is not granted', () => {
    expect(scriptsFor([], [{ product: 'dynamics', origin: CORP }])).toEqual([]);
  });

  it('never moves a product’s own address to another product', () => {
    const plan = scriptsFor(['https://outlook.office.com/*'], [{ product: 'dynamics', origin: 'https://outlook.office.com/*' }]);
    expect(plan).toEqual([{ id: 'holdfast-outlook', js: ['content-scripts/outlook.js'], matches: ['https://outlook.office.com/*'] }]);
  });

  it('keeps only well-formed mappings from storage, one per host', () => {
    expect(
      productHostsFrom([
        { product: 'dynamics', origin: CORP },
        { product: 'outlook', origin: CORP },
        { product: 'salesforce', origin: 'https://sf.example-corp.cn/*' },
        { product: 'outlook', origin: 'https://mail.example-corp.cn/owa/*' },
        { product: 'outlook', origin: 'http://mail.example-corp.cn/*' },
        'https://x.example/*',
        null,
      ]),
    ).toEqual([{ product: 'dynamics', origin: CORP }]);
    expect(productHostsFrom({ product: 'dynamics', origin: CORP })).toEqual([]);
  });

  it('stores, replaces and removes a mapping', async () => {
    await addProductHost({ product: 'dynamics', origin: CORP });
    await addProductHost({ product: 'outlook', origin: 'https://mail.example-corp.cn/*' });
    await addProductHost({ product: 'outlook', origin: CORP });
    expect(await readProductHosts()).toEqual([
      { product: 'outlook', origin: 'https://mail.example-corp.cn/*' },
      { product: 'outlook', origin: CORP },
    ]);
    await removeProductHost(CORP);
    expect((await fakeBrowser.storage.local.get(PRODUCT_HOSTS_KEY))[PRODUCT_HOSTS_KEY]).toEqual([{ product: 'outlook', origin: 'https://mail.example-corp.cn/*' }]);
    await expect(addProductHost({ product: 'dynamics', origin: 'https://crm.example-corp.cn/app' })).rejects.toThrow();
  });
});

describe('the background’s plan', () => {
  it('reads the grants and the stored mappings together; a broken store means no mappings', async () => {
    Object.assign(fakeBrowser.permissions, { getAll: async () => ({ origins: ['*://crm.example-corp.cn/*'], permissions: [] }) });
    await addProductHost({ product: 'outlook', origin: CORP });
    expect(await wantedScripts()).toEqual([{ id: 'holdfast-outlook', js: ['content-scripts/outlook.js'], matches: [CORP] }]);
    await fakeBrowser.storage.local.set({ [PRODUCT_HOSTS_KEY]: 'not a list' });
    expect(await wantedScripts()).toEqual([{ id: 'holdfast-custom', js: ['content-scripts/custom.js'], matches: [CORP] }]);
  });
});

describe('a product’s adapter on a company host', () => {
  const dynamicsHere = [dynamicsAdapter, onCompanyHost(dynamicsAdapter, COMPANY_HOST_STAND_INS.dynamics)];
  const outlookHere = [outlookAdapter, onCompanyHost(outlookAdapter, COMPANY_HOST_STAND_INS.outlook)];

  it('reads on-premises Dynamics (org in the path) as a Dynamics record of that host', () => {
    const url = new URL('https://crm.example-corp.cn/Contoso/main.aspx?etn=account&pagetype=entityrecord&id=%7B7A1B2C3D-4E5F-4A6B-8C9D-0E1F2A3B4C5D%7D');
    expect(dynamicsAdapter.matches(url)).toBe(false);
    const s = detectSubject(url, parseHtml(readFixture('dynamics-account-record-2026-11.html')), dynamicsHere);
    expect(s).toMatchObject({ site: 'dynamics', objectType: 'account', recordId: '7a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d', tenant: 'crm.example-corp.cn', name: 'Acme Corp' });
  });

  it('keeps the product’s own hosts to its own adapter', () => {
    const url = new URL('https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=7a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d');
    expect(detectSubject(url, parseHtml('<title>x</title>'), dynamicsHere)?.tenant).toBe('contoso.crm4.dynamics.com');
  });

  it('reads Exchange’s Outlook on the web: an ItemID link is a message, /owa/ the mail list', () => {
    const doc = parseHtml(readFixture('outlook-message-2026-11.html'));
    const item = 'AAMkAGI2TG93AAA%2BbC9zZXJ2ZXI%3D';
    const msg = detectSubject(new URL(`https://mail.example-corp.cn/owa/?ItemID=${item}&exvsurl=1&viewmodel=ReadMessageItem`), doc, outlookHere);
    expect(msg).toMatchObject({ site: 'outlook', objectType: 'message', recordId: 'AAMkAGI2TG93AAA+bC9zZXJ2ZXI=', tenant: 'mail.example-corp.cn', name: 'Maria Lopez' });
    expect(msg?.emails).toContain('maria.lopez@acme-corp.com');
    const list = detectSubject(new URL('https://mail.example-corp.cn/owa/#path=/mail/inbox'), doc, outlookHere);
    expect(list).toMatchObject({ site: 'outlook', objectType: 'list', tenant: 'mail.example-corp.cn' });
    const event = detectSubject(new URL(`https://mail.example-corp.cn/owa/?itemid=${item}&path=/calendar/item`), doc, outlookHere);
    expect(event?.objectType).toBeUndefined();
  });
});
