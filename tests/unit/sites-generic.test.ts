// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { genericAdapter } from '@/lib/sites/generic';
import { detectSubject } from '@/lib/sites/detect';
import type { SiteAdapter } from '@/lib/sites/types';

function page(title: string, body: string): Document {
  const doc = document.implementation.createHTMLDocument();
  doc.title = title;
  doc.body.innerHTML = body;
  return doc;
}

describe('generic adapter', () => {
  it('reads the title, mailto links, [email] attributes and emails in the text', () => {
    const doc = page('Acme Corp | Account | Acme CRM', `
      <a href="mailto:Jane.Doe@Acme.com?subject=hi">Jane</a>
      <span email="hank@globex.com" name="Hank">Hank</span>
      <p>Write to billing@acme.com or a.person@gmail.com</p>`);
    const s = genericAdapter.detect(new URL('https://crm.example/x'), doc)!;
    expect(s.name).toBe('Acme Corp');
    expect(s.emails.sort()).toEqual(['a.person@gmail.com', 'billing@acme.com', 'hank@globex.com', 'jane.doe@acme.com']);
    expect(s.domains.sort()).toEqual(['acme.com', 'globex.com']); // free mail says nothing about the company
  });

  it('copes with an empty page', () => {
    expect(genericAdapter.detect(new URL('https://crm.example/'), page('', ''))).toEqual({ site: 'generic', name: undefined, emails: [], domains: [] });
  });
});

describe('registry', () => {
  it('falls back to the generic reading when a product adapter throws', () => {
    const broken: SiteAdapter = { id: 'broken', matches: () => true, detect: () => { throw new Error('markup changed'); } };
    const s = detectSubject(new URL('https://crm.example/'), page('Acme Corp', ''), [broken]);
    expect(s).toMatchObject({ site: 'generic', name: 'Acme Corp' });
  });

  it('falls back when a product adapter matcher throws', () => {
    const broken: SiteAdapter = { id: 'broken', matches: () => { throw new Error('bad url'); }, detect: () => null };
    expect(detectSubject(new URL('https://crm.example/'), page('Globex', ''), [broken])?.site).toBe('generic');
  });
});
