// @vitest-environment happy-dom
/** Detection on fixture pages that follow each product's published markup. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PageSubject } from '../../../lib/model/page-subject';
import { ADAPTERS } from './adapters';
import { FIXTURE_DIR, parseHtml, readFixture } from './load-fixture';

interface Case {
  file: string;
  url: string;
  want: Omit<PageSubject, 'site'> & { site: string };
}

const ITEM = 'AAQkADAwATM0MDAAMS1hYjI4LWM3MjctMDACLTAwCgAQAHs0B%2Fdk%2BNRHjZc2gE9Y1uE%3D';

const CASES: Case[] = [
  {
    file: 'salesforce-account-record-2026-11.html',
    url: 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABcdeIAD/view',
    want: {
      site: 'salesforce', objectType: 'Account', recordId: '001Dn00000ABcdeIAD', tenant: 'acme',
      name: 'Acme Corp', emails: ['ap@acme-corp.com'], domains: ['acme-corp.com'],
    },
  },
  {
    file: 'salesforce-case-console-2026-11.html',
    url: 'https://acme.lightning.force.com/lightning/r/Case/500Dn00000CaSe1IAD/view?ws=%2Flightning%2Fr%2FAccount%2F001Dn00000ABcdeIAD%2Fview',
    want: {
      site: 'salesforce', objectType: 'Case', recordId: '500Dn00000CaSe1IAD', tenant: 'acme',
      name: '00001042', emails: ['maria.lopez@acme-corp.com', 'li.wei@qq.com'], domains: ['acme-corp.com'],
    },
  },
  {
    file: 'salesforce-classic-account-2026-11.html',
    url: 'https://acme.my.salesforce.com/001xx000003DGb2',
    want: {
      site: 'salesforce', objectType: 'Account', recordId: '001xx000003DGb2AAG', tenant: 'acme',
      name: 'Acme Corp', emails: ['ap@acme-corp.com'], domains: ['acme-corp.com'],
    },
  },
  {
    file: 'hubspot-contact-record-2026-11.html',
    url: 'https://app.hubspot.com/contacts/2345678/record/0-1/51',
    want: {
      site: 'hubspot', objectType: 'contact', recordId: '51', tenant: '2345678',
      name: 'Maria Lopez', emails: ['maria.lopez@acme-corp.com'], domains: ['acme-corp.com'],
    },
  },
  {
    file: 'hubspot-company-record-2026-11.html',
    url: 'https://app-eu1.hubspot.com/contacts/26555111/record/0-2/18213999001',
    want: {
      site: 'hubspot', objectType: 'company', recordId: '18213999001', tenant: '26555111',
      name: 'Acme Corp', emails: [], domains: ['acme-corp.com'],
    },
  },
  {
    file: 'pipedrive-person-record-2026-11.html',
    url: 'https://acme.pipedrive.com/person/1842',
    want: {
      site: 'pipedrive', objectType: 'person', recordId: '1842', tenant: 'acme',
      name: 'Maria Lopez', emails: ['maria.lopez@acme-corp.com', 'maria.l@gmail.com'], domains: ['acme-corp.com'],
    },
  },
  {
    file: 'zoho-account-record-2026-11.html',
    url: 'https://crm.zoho.com/crm/org123456/tab/Accounts/4150868000000224005',
    want: {
      site: 'zoho', objectType: 'Accounts', recordId: '4150868000000224005', tenant: 'org123456',
      name: 'Acme Corp', emails: ['maria.lopez@acme-corp.com'], domains: ['acme-corp.com'],
    },
  },
  {
    file: 'dynamics-account-record-2026-11.html',
    url: 'https://contoso.crm4.dynamics.com/main.aspx?appid=0b7a2f4e-1c3d-4e5f-8a9b-112233445566&pagetype=entityrecord&etn=account&id=%7B7A1B2C3D-4E5F-4A6B-8C9D-0E1F2A3B4C5D%7D',
    want: {
      site: 'dynamics', objectType: 'account', recordId: '7a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d', tenant: 'contoso.crm4.dynamics.com',
      name: 'Acme Corp', emails: ['info@acme-corp.com', 'maria.lopez@acme-corp.com'], domains: ['acme-corp.com'],
    },
  },
  {
    file: 'gmail-thread-2026-11.html',
    url: 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQXJWDsKmTskbNvbGxkMXDvmxTq',
    want: {
      site: 'gmail', objectType: 'thread', recordId: 'FMfcgzQXJWDsKmTskbNvbGxkMXDvmxTq', tenant: 'u/1',
      name: 'Maria Lopez',
      emails: ['maria.lopez@acme-corp.com', 'tom.becker@acme-corp.com', 'li.wei@qq.com', 'sam@holdfast-demo.com'],
      domains: ['acme-corp.com'],
    },
  },
  {
    file: 'gmail-inbox-2026-11.html',
    url: 'https://mail.google.com/mail/u/0/#inbox',
    want: {
      site: 'gmail', objectType: 'list', tenant: 'u/0',
      emails: ['maria.lopez@acme-corp.com', 'ceo@globex.example.com', 'tom.becker@acme-corp.com', 'bob.freelance@gmail.com', 'sam@holdfast-demo.com'],
      domains: ['acme-corp.com', 'globex.example.com'],
    },
  },
  {
    file: 'outlook-message-2026-11.html',
    url: `https://outlook.office.com/mail/inbox/id/${ITEM}`,
    want: {
      site: 'outlook', objectType: 'message', recordId: decodeURIComponent(ITEM), tenant: 'office',
      name: 'Maria Lopez', emails: ['maria.lopez@acme-corp.com', 'tom.becker@acme-corp.com', 'li.wei@qq.com'], domains: ['acme-corp.com'],
    },
  },
];

function adapterFor(url: URL) {
  const hits = ADAPTERS.filter(({ adapter }) => adapter.matches(url));
  expect(hits.length).toBe(1);
  return (hits[0] as (typeof ADAPTERS)[number]).adapter;
}

describe('fixture pages', () => {
  it('every fixture file has a case, is dated, and cites its sources first', () => {
    const files = readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.html'));
    expect(files.sort()).toEqual(CASES.map((c) => c.file).sort());
    for (const f of files) {
      expect(f).toMatch(/^[a-z]+-[a-z-]+-\d{4}-\d{2}\.html$/);
      const html = readFixture(f);
      expect(html.trimStart().startsWith('<!--'), f).toBe(true);
      expect(html.slice(0, html.indexOf('-->')), f).toMatch(/source/i);
      expect(html, f).toMatch(/<title>[^<]+<\/title>/);
      // self-contained: no external scripts, styles or images
      expect(html, f).not.toMatch(/<(script|link|img)\b[^>]*(src|href)=["']https?:/i);
    }
  });

  for (const c of CASES) {
    it(`${c.file} → ${c.want.site} ${c.want.objectType ?? ''}`, () => {
      const url = new URL(c.url);
      const doc = parseHtml(readFixture(c.file));
      const subject = adapterFor(url).detect(url, doc);
      expect(subject).not.toBeNull();
      expect(PageSubject.safeParse(subject).success).toBe(true);
      expect(subject).toEqual(c.want);
    });
  }

  it('reads the Salesforce name through open shadow roots (none in light DOM)', () => {
    const doc = parseHtml(readFixture('salesforce-account-record-2026-11.html'));
    expect(doc.querySelector('lightning-formatted-text')?.textContent?.trim()).toBe('Acme Corp'); // the field, not the header
    expect(doc.querySelector('records-highlights2')?.shadowRoot).not.toBeNull();
    expect(doc.querySelector('records-highlights2 h1')).toBeNull();
  });

  it('a page without its header still yields the name from the title', () => {
    const doc = parseHtml(readFixture('salesforce-account-record-2026-11.html'));
    for (const el of Array.from(doc.querySelectorAll('records-highlights2'))) el.remove();
    const url = new URL(CASES[0]?.url ?? '');
    const subject = adapterFor(url).detect(url, doc);
    expect(subject?.name).toBe('Acme Corp');
    expect(subject?.recordId).toBe('001Dn00000ABcdeIAD');
  });

  it('the same fixture at a list address reads no record', () => {
    const doc = parseHtml(readFixture('hubspot-contact-record-2026-11.html'));
    const url = new URL('https://app.hubspot.com/contacts/2345678/objects/0-1/views/all/list');
    const subject = adapterFor(url).detect(url, doc);
    expect(subject).toEqual({ site: 'hubspot', objectType: 'contact', tenant: '2345678', emails: [], domains: [] });
  });
});
