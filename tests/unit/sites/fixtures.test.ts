// @vitest-environment happy-dom
/** Detection on fixture pages that follow each product's published markup. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PageSubject } from '../../../lib/model/page-subject';
import { ADAPTERS } from './adapters';
import { FIXTURE_DIR, parseHtml, readFixture } from './load-fixture';
import { CASES } from '../../fixtures/sites/cases';

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
