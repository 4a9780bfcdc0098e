// @vitest-environment happy-dom
/** Degrade, never break: odd or hostile pages give a URL-only subject (or null), never a throw. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageSubject } from '../../../lib/model/page-subject';
import {
  censoredStructure, companyDomains, emailsIn, logMissing, normaliseDomain, normaliseEmail,
  setSiteDebug, subject,
} from '../../../lib/sites/dom';
import { normaliseGuid } from '../../../lib/sites/dynamics';
import { salesforceId18 } from '../../../lib/sites/salesforce';
import { ADAPTERS } from './adapters';
import { emptyDocument, parseHtml, readFixture } from './load-fixture';

const recordUrls = ADAPTERS.flatMap(({ adapter, testUrls }) =>
  testUrls.filter((t) => t.expect?.recordId).map((t) => ({ adapter, url: t.url, want: t.expect })),
);

const GARBAGE = `<!doctype html><title>${'x'.repeat(5000)} | | |</title>
<body><div><span email="not-an-email" name="${'n'.repeat(3000)}"></span><span email="a@b" class="gD"></span>
<records-highlights2><h1><span slot="primaryField"><lightning-formatted-text></lightning-formatted-text></span></h1></records-highlights2>
<div data-target-selection-name="sfdc:RecordField.Account.Website">not a url at all</div>
<div data-target-selection-name="sfdc:RecordField.Contact.Email"><a href="mailto:%E0%A4%A">broken</a></div>
<h1 data-selenium-test="highlightTitle"></h1><div data-selenium-test="highlightSubtitle">@@@ @ .</div>
<h1 data-id="header_title">${'y'.repeat(400)}</h1><input data-id="websiteurl.fieldControl-url-text-input" value="javascript:alert(1)">
<div id="ReadingPaneContainerId"><span title="@">x</span><span aria-label="From: <weird@@example..com>">y</span></div>
<table><tr class="zA"><td><span email="UPPER@Example.COM" name="Up"></span></td></tr>
<unclosed><p><b><i>`;

function hostileDocument(): Document {
  const doc = parseHtml(readFixture('gmail-thread-2026-11.html'));
  const boom = () => {
    throw new Error('host page broke the DOM');
  };
  Object.defineProperty(doc, 'querySelector', { value: boom });
  Object.defineProperty(doc, 'querySelectorAll', { value: boom });
  Object.defineProperty(doc, 'getElementById', { value: boom });
  Object.defineProperty(doc, 'title', { get: boom });
  Object.defineProperty(doc, 'body', { get: boom });
  return doc;
}

afterEach(() => {
  setSiteDebug(false);
  vi.restoreAllMocks();
});

describe('degrade, never break', () => {
  for (const { adapter, url, want } of recordUrls) {
    it(`${adapter.id} on empty, garbage and hostile pages: ${url}`, () => {
      const u = new URL(url);
      for (const doc of [emptyDocument(), parseHtml(GARBAGE), hostileDocument()]) {
        let s: PageSubject | null = null;
        expect(() => (s = adapter.detect(u, doc))).not.toThrow();
        expect(s).not.toBeNull();
        const parsed = PageSubject.safeParse(s);
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
        const got = s as unknown as PageSubject;
        expect(got.recordId).toBe(want?.recordId);
        expect(got.objectType).toBe(want?.objectType);
        expect((got.name ?? '').length).toBeLessThanOrEqual(200);
      }
    });
  }

  it('an adapter never answers for another product even on its fixture', () => {
    const doc = parseHtml(readFixture('salesforce-account-record-2026-11.html'));
    const url = new URL('https://example.com/lightning/r/Account/001Dn00000ABcdeIAD/view');
    for (const { adapter } of ADAPTERS) expect(adapter.detect(url, doc)).toBeNull();
  });

  it('subject() caps, lower-cases, validates and de-duplicates', () => {
    const s = subject('x', {
      name: ' A\n\n B ',
      recordId: 'r'.repeat(201),
      emails: ['Jane@Acme.COM', 'jane@acme.com', 'nope', 'mailto:bob@acme.com?subject=hi'],
      domains: ['WWW.Acme.com', 'acme.com', 'not a domain', 'https://globex.example/x'],
    });
    expect(s).toEqual({ site: 'x', name: 'A B', emails: ['jane@acme.com', 'bob@acme.com'], domains: ['acme.com', 'globex.example'] });
    expect(PageSubject.safeParse(s).success).toBe(true);
  });
});

describe('helpers', () => {
  it('emails, domains and free mail', () => {
    expect(emailsIn('Maria Lopez <Maria.Lopez@Acme-Corp.com>, tom@acme-corp.com')).toEqual(['maria.lopez@acme-corp.com', 'tom@acme-corp.com']);
    expect(normaliseEmail('mailto:a%40b.com')).toBe('a@b.com');
    expect(normaliseEmail('Jane <jane@acme.com>')).toBeUndefined();
    expect(normaliseEmail('mailto:ap@acme-corp.com?cc=x@y.com')).toBe('ap@acme-corp.com');
    expect(normaliseDomain('http://Acme.COM:8080/about')).toBe('acme.com');
    expect(normaliseDomain('javascript:alert(1)')).toBeUndefined();
    expect(companyDomains(['a@gmail.com', 'b@qq.com', 'c@163.com', 'd@acme.com', 'e@us.acme.com', 'f@me.io'], ['me.io'])).toEqual(['acme.com', 'us.acme.com']);
  });

  it('Salesforce 15 → 18 character ids', () => {
    expect(salesforceId18('001xx000003DGb2')).toBe('001xx000003DGb2AAG');
    expect(salesforceId18('001xx000003DGb2AAG')).toBe('001xx000003DGb2AAG');
  });

  it('Dynamics ids: braces, percent-encoding and case', () => {
    expect(normaliseGuid('%7B9F8E7D6C-5B4A-4392-8170-6F5E4D3C2B1A%7D')).toBe('9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a');
    expect(normaliseGuid('{9F8E7D6C-5B4A-4392-8170-6F5E4D3C2B1A}')).toBe('9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a');
    expect(normaliseGuid('%E0%A4%A')).toBeUndefined();
    expect(normaliseGuid('9F8E7D6C5B4A43928170')).toBeUndefined();
  });
});

describe('censored structure logging', () => {
  const USER_TEXT = ['Maria', 'Lopez', 'acme-corp', 'Renewal', 'holdfast-demo', 'Jane'];

  it('keeps tags and structural attributes, never user text or addresses', () => {
    const doc = parseHtml(readFixture('gmail-thread-2026-11.html'));
    const out = censoredStructure(doc.querySelector('[role="main"]'), 8, 20);
    expect(out).toContain('<h2 class="hP"');
    expect(out).toContain('email="…"');
    for (const t of USER_TEXT) expect(out).not.toContain(t);
  });

  it('shows open shadow roots', () => {
    const doc = parseHtml(readFixture('salesforce-account-record-2026-11.html'));
    const out = censoredStructure(doc.querySelector('records-highlights2'), 4);
    expect(out).toContain('#shadow-root');
    expect(out).not.toContain('Acme');
  });

  it('logs only with debug logging on', () => {
    const spy = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const doc = parseHtml('<title>t</title><body><div id="x">Secret Customer</div></body>');
    logMissing('test', 'thing', doc.body);
    expect(spy).not.toHaveBeenCalled();
    setSiteDebug(true);
    logMissing('test', 'thing', doc.body);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(String(spy.mock.calls[0]?.[0])).toContain('<div id="x"> [text 15]');
    expect(String(spy.mock.calls[0]?.[0])).not.toContain('Secret');
  });

  it('a detection that misses its header logs censored structure with debug on', () => {
    const spy = vi.spyOn(console, 'debug').mockImplementation(() => {});
    setSiteDebug(true);
    const doc = parseHtml('<title>x</title><body><main><section class="new-layout"><p>Maria Lopez</p></section></main></body>');
    const { adapter } = ADAPTERS.find((a) => a.adapter.id === 'hubspot') ?? ADAPTERS[0]!;
    const s = adapter.detect(new URL('https://app.hubspot.com/contacts/2345678/record/0-1/51'), doc);
    expect(s?.recordId).toBe('51');
    expect(spy).toHaveBeenCalled();
    const logged = spy.mock.calls.map((c) => String(c[0])).join('\n');
    expect(logged).toContain('highlightTitle');
    expect(logged).not.toContain('Maria');
  });
});
