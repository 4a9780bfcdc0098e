// @vitest-environment happy-dom
/** Capture from the page: record fields read where the page states them, never guessed. */
import { describe, expect, it } from 'vitest';
import { labelValues } from '../../../lib/sites/dom';
import { pageDate } from '../../../lib/sites/fields';
import { ADAPTERS } from './adapters';
import { parseHtml, readFixture } from './load-fixture';
import { CASES } from '../../fixtures/sites/cases';

const withLang = (lang: string) => parseHtml(`<!doctype html><html${lang ? ` lang="${lang}"` : ''}><body></body></html>`);

function detect(file: string, edit?: (doc: Document) => void, url = CASES.find((c) => c.file === file)!.url) {
  const doc = parseHtml(readFixture(file));
  edit?.(doc);
  const u = new URL(url);
  return ADAPTERS.find(({ adapter }) => adapter.matches(u))!.adapter.detect(u, doc);
}

describe('dates as the page writes them', () => {
  it('reads unambiguous forms whatever the page language', () => {
    const doc = withLang('');
    expect(pageDate('2019-04-02', doc)).toBe('2019-04-02');
    expect(pageDate('Mar 14, 2019 09:12 AM', doc)).toBe('2019-03-14');
    expect(pageDate('14 Mar 2019', doc)).toBe('2019-03-14');
    expect(pageDate('14.03.2019', doc)).toBe('2019-03-14');
    // only one reading is a real day
    expect(pageDate('3/14/2019, 9:12 AM', doc)).toBe('2019-03-14');
    expect(pageDate('14/03/2019', doc)).toBe('2019-03-14');
  });

  it('takes an ambiguous slash date only when the page names its region', () => {
    expect(pageDate('4/2/2019', withLang(''))).toBeUndefined();
    expect(pageDate('4/2/2019', withLang('en'))).toBeUndefined();
    expect(pageDate('4/2/2019', withLang('en-US'))).toBe('2019-04-02');
    expect(pageDate('4/2/2019', withLang('en-GB'))).toBe('2019-02-04');
    expect(pageDate('4/2/2019', withLang('de-DE'))).toBe('2019-02-04');
    // a region whose order this module does not know: left out
    expect(pageDate('4/2/2019', withLang('en-XX'))).toBeUndefined();
    // the same day either way is not ambiguous
    expect(pageDate('4/4/2019', withLang(''))).toBe('2019-04-04');
  });

  it('leaves out what is not a day', () => {
    const doc = withLang('en-US');
    for (const text of ['', 'yesterday', '2/30/2021', '13/13/2019', 'Jane Rep, 3/14/2019 9:12 AM', '—']) expect(pageDate(text, doc), text).toBeUndefined();
    expect(pageDate(undefined, doc)).toBeUndefined();
  });
});

describe('label → value', () => {
  it('maps labels to the element beside them, first occurrence winning, colons dropped', () => {
    const doc = parseHtml(`<div id="s">
      <div><span class="label">Website:</span><a href="https://acme.com">acme.com</a></div>
      <table><tr><td class="label">Owner</td><td>Jane Rep</td></tr></table>
      <div><span class="label">Owner</span><span>Someone Else</span></div>
      <div><span class="label">Alone</span></div><div>its neighbour</div>
      <div><span class="label">Text after</span> not an element</div><p>other field</p>
    </div>`);
    const map = labelValues(doc.getElementById('s')!, '.label');
    expect(map.get('website')?.getAttribute('href')).toBe('https://acme.com');
    expect(map.get('owner')?.textContent).toBe('Jane Rep');
    expect(map.get('alone')?.textContent).toBe('its neighbour');
    // a label with loose text beside it and siblings around it has no value element
    expect(map.has('text after')).toBe(false);
  });
});

describe('capture in the adapters', () => {
  it('Salesforce falls back to Created Date, from the current page only (not a cached one)', () => {
    const s = detect('salesforce-account-record-2026-11.html', (doc) => {
      for (const el of doc.querySelectorAll('[data-target-selection-name$="Customer_Since__c"]')) el.remove();
    });
    expect(s?.fields?.customerSince).toBe('2019-03-14');
  });

  it('Salesforce records other than accounts carry no fields', () => {
    const s = detect('salesforce-account-record-2026-11.html', undefined, 'https://acme.lightning.force.com/lightning/r/Contact/003Dn00000XyZabIAC/view');
    expect(s?.recordId).toBe('003Dn00000XyZabIAC');
    expect(s?.fields).toBeUndefined();
  });

  it('HubSpot prefers Became a Customer Date and falls back to Create Date', () => {
    const s = detect('hubspot-company-record-2026-11.html', (doc) => doc.querySelector('[data-selenium-test="property-input-hs_lifecyclestage_customer_date"]')?.remove());
    expect(s?.fields).toEqual({ customerSince: '2019-03-14', website: 'acme-corp.com', ownerName: 'Jane Rep' });
  });

  it('a contact page shows its owner but no customer fields are taken from it', () => {
    expect(detect('hubspot-contact-record-2026-11.html')?.fields).toBeUndefined();
    expect(detect('pipedrive-person-record-2026-11.html')?.fields).toBeUndefined();
  });

  it('an empty or unreadable field is left out, the rest kept', () => {
    const s = detect('zoho-account-record-2026-11.html', (doc) => {
      for (const el of doc.querySelectorAll('.dv-field .label')) if (el.textContent === 'Created Time') el.nextElementSibling!.textContent = 'sometime';
    });
    expect(s?.fields).toEqual({ website: 'acme-corp.com', ownerName: 'Jane Rep' });
  });

  it('Dynamics reads a day-first date on an en-GB page', () => {
    const s = detect('dynamics-account-record-2026-11.html', (doc) => doc.documentElement.setAttribute('lang', 'en-US'));
    // the same "02/04/2019" on an en-US page is 4 February
    expect(s?.fields?.customerSince).toBe('2019-02-04');
  });
});
