// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { TeachRule } from '@/lib/model';
import { selectorFor } from '@/lib/sites/selector';
import { generalisePath, pathMatches, taughtAdapter } from '@/lib/sites/taught';

function page(body: string): Document {
  const doc = document.implementation.createHTMLDocument();
  doc.body.innerHTML = body;
  return doc;
}

const rule = (over: Partial<TeachRule>): TeachRule => ({
  id: 'r1', host: 'crm.acme.internal', pathPattern: '/customers/*', field: 'name', selector: '#x', createdAt: '2026-11-28T00:00:00.000Z', ...over,
});

describe('teach mode paths', () => {
  it('generalises record ids and matches other records of the kind', () => {
    expect(generalisePath('/customers/4711/overview')).toBe('/customers/*/overview');
    expect(generalisePath('/c/0f8fad5b-d9cb-469f-a165-70867728950e')).toBe('/c/*');
    expect(pathMatches('/customers/*/overview', '/customers/99/overview')).toBe(true);
    expect(pathMatches('/customers/*/overview', '/customers/99')).toBe(false);
    expect(pathMatches('/customers/*', '/customers/99/notes')).toBe(false);
    expect(pathMatches('/customers/**', '/customers/99/notes')).toBe(true);
    expect(pathMatches('/orders/*', '/customers/99')).toBe(false);
  });
});

describe('selectorFor', () => {
  it('prefers stable attributes and skips generated ids', () => {
    const doc = page(`<div id="ember1234"><section data-testid="account-header"><h1 class="title css-1x2y3z">Acme</h1></section></div>`);
    const h1 = doc.querySelector('h1')!;
    const sel = selectorFor(h1, doc);
    expect(sel).toContain('[data-testid="account-header"]');
    expect(sel).not.toContain('ember1234');
    expect(doc.querySelector(sel)).toBe(h1);
  });

  it('tells siblings apart', () => {
    const doc = page(`<table><tr><td>Name</td><td>Acme</td></tr></table>`);
    const cell = doc.querySelectorAll('td')[1]!;
    expect(doc.querySelector(selectorFor(cell, doc))).toBe(cell);
  });
});

describe('taughtAdapter', () => {
  const doc = page(`<h2 class="cust">Globex Ltd</h2><a class="mail" href="mailto:hank@globex.com">Hank</a><a class="web" href="https://www.globex.com/">site</a>`);
  const adapter = taughtAdapter([
    rule({ selector: 'h2.cust' }),
    rule({ id: 'r2', field: 'email', selector: 'a.mail' }),
    rule({ id: 'r3', field: 'website', selector: 'a.web' }),
  ]);

  it('reads what each rule points at on matching pages only', () => {
    const url = new URL('https://crm.acme.internal/customers/42');
    expect(adapter.matches(url)).toBe(true);
    expect(adapter.detect(url, doc)).toEqual({ site: 'generic', name: 'Globex Ltd', emails: ['hank@globex.com'], domains: ['globex.com'] });
    expect(adapter.matches(new URL('https://crm.acme.internal/orders/42'))).toBe(false);
    expect(adapter.matches(new URL('https://other.example/customers/42'))).toBe(false);
  });

  it('survives a selector that no longer finds anything', () => {
    const s = taughtAdapter([rule({ selector: '.gone' })]).detect(new URL('https://crm.acme.internal/customers/1'), doc);
    expect(s).toBeNull(); // the registry then falls back to the generic reading
  });
});
