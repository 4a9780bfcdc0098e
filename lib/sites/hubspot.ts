/**
 * HubSpot CRM records: contacts, companies, deals, tickets (and custom objects), US and
 * regional hosts.
 *
 * URL facts (HubSpot knowledge base "Understand HubSpot URLs", developer docs on object type
 * ids 0-1 contact, 0-2 company, 0-3 deal, 0-5 ticket, 2-N custom):
 *   https://app.hubspot.com/contacts/<portalId>/record/<objectTypeId>/<recordId>
 *   https://app.hubspot.com/contacts/<portalId>/contact/<recordId>        (older, also company|deal|ticket)
 *   https://app.hubspot.com/contacts/<portalId>/objects/0-1/views/all/list (list view)
 *   https://app-eu1.hubspot.com/...  (EU data centre; app-na2, app-ap1 likewise)
 * Markup facts: `data-selenium-test` hooks on the record highlight (`highlightTitle`,
 * `highlightSubtitle`) and on property inputs (`property-input-<name>`), as used by public
 * Selenium/Playwright tests and extensions; `data-test-id="left-sidebar"` for the record
 * sidebar (public write-ups of the record page DOM). These are assumptions, dated 2026-11.
 */
import type { SiteAdapter } from './types';
import {
  $, $$, companyDomains, emailsIn, emailsUnder, first, logMissing, normaliseDomain, textOf,
  withDom, type SubjectParts, type TestUrl,
} from './dom';
import { readPageFields, type FieldNames } from './fields';

const SITE = 'hubspot';

const HOST_RE = /^app(?:-[a-z]{2,3}\d{1,2})?\.hubspot\.com$/;

const TYPE_IDS: Readonly<Record<string, string>> = {
  '0-1': 'contact',
  '0-2': 'company',
  '0-3': 'deal',
  '0-5': 'ticket',
};
const LEGACY_TYPES = new Set(['contact', 'company', 'deal', 'ticket']);
const LIST_TYPES: Readonly<Record<string, string>> = {
  contacts: 'contact',
  companies: 'company',
  deals: 'deal',
  tickets: 'ticket',
};
const TYPE_ID_RE = /^\d+-\d+$/;
const RECORD_ID_RE = /^\d{1,20}$/;

function fromUrl(url: URL): SubjectParts | null {
  if (!HOST_RE.test(url.hostname)) return null;
  const segs = url.pathname.split('/').filter(Boolean);
  const portal = segs[1] && /^\d{1,12}$/.test(segs[1]) ? segs[1] : undefined;
  if (segs[0] !== 'contacts' || !portal) return { tenant: portal };
  const kind = segs[2] ?? '';
  const a = segs[3] ?? '';
  const b = segs[4] ?? '';
  if (kind === 'record' && TYPE_ID_RE.test(a)) {
    return { tenant: portal, objectType: TYPE_IDS[a] ?? a, recordId: RECORD_ID_RE.test(b) ? b : undefined };
  }
  if (LEGACY_TYPES.has(kind) && RECORD_ID_RE.test(a)) {
    return { tenant: portal, objectType: kind, recordId: a };
  }
  if (kind === 'objects' && TYPE_ID_RE.test(a)) return { tenant: portal, objectType: TYPE_IDS[a] ?? a };
  if (LIST_TYPES[kind]) return { tenant: portal, objectType: LIST_TYPES[kind] };
  return { tenant: portal };
}

const SCOPES = ['[data-test-id="left-sidebar"]', '[data-selenium-test="profile-sidebar"]', 'main', '[role="main"]'];
const NAME_SELECTORS = ['[data-selenium-test="highlightTitle"]', '[data-selenium-test="highlight-title"]'];
const EMAIL_PROPS = ['[data-selenium-test="property-input-email"]', '[data-selenium-test="property-input-hs_additional_emails"]'];
const DOMAIN_PROPS = ['[data-selenium-test="property-input-domain"]', '[data-selenium-test="property-input-website"]'];

function readDom(doc: Document, id: SubjectParts): SubjectParts {
  const scope = first(SCOPES, doc) ?? doc.body ?? doc;
  const titleEl = first(NAME_SELECTORS, scope) ?? first(NAME_SELECTORS, doc);
  if (!titleEl) logMissing(SITE, 'highlightTitle', scope);
  const emails: string[] = [];
  const domains: string[] = [];
  const subtitle = $('[data-selenium-test="highlightSubtitle"]', scope);
  const subtitleText = textOf(subtitle);
  for (const e of emailsIn(subtitleText)) emails.push(e);
  if (id.objectType === 'company' && subtitleText && !subtitleText.includes('@')) {
    const d = normaliseDomain(subtitleText);
    if (d) domains.push(d);
  }
  for (const el of $$(EMAIL_PROPS.join(','), scope, 20)) {
    for (const e of emailsIn(inputValue(el))) emails.push(e);
  }
  for (const el of $$(DOMAIN_PROPS.join(','), scope, 10)) {
    const d = normaliseDomain(inputValue(el));
    if (d) domains.push(d);
  }
  for (const e of emailsUnder(scope, { limit: 20 })) emails.push(e);
  const fields = id.objectType === 'company' ? readPageFields(doc, COMPANY_FIELDS, (names) => property(scope, names)) : undefined;
  return { name: textOf(titleEl), emails, domains: [...domains, ...companyDomains(emails)], fields };
}

/**
 * Company properties to capture, by internal name (the `property-input-<name>` hooks; the
 * labels are translated, the names are not): "Became a Customer Date", else "Create date", as
 * the CSV import reads them. Contact records are left alone: a contact's create date and
 * owner describe the person, not the customer.
 */
const COMPANY_FIELDS: FieldNames = {
  since: ['hs_lifecyclestage_customer_date', 'createdate'],
  renewal: ['renewal_date', 'contract_end_date'],
  website: ['website', 'domain'],
  owner: ['hubspot_owner_id'],
};

/** A property's value element: its input, else what follows its label. */
function property(scope: Element | Document, names: readonly string[]): Element | undefined {
  for (const n of names) {
    const el = $(`[data-selenium-test="property-input-${n}"]`, scope);
    if (!el) continue;
    const last = el.lastElementChild;
    return el.querySelector('input, textarea') ?? (last && !last.matches('label') ? last : el);
  }
  return undefined;
}

/** A property's value: an input's live value, a `value` attribute, or the text shown. */
function inputValue(el: Element): string | undefined {
  const input = el.matches('input, textarea') ? el : el.querySelector('input, textarea');
  if (input) {
    const v = (input as HTMLInputElement).value || input.getAttribute('value');
    if (v) return v;
  }
  return textOf(el);
}

export const hubspotAdapter: SiteAdapter = {
  id: SITE,
  matches: (url) => HOST_RE.test(url.hostname),
  detect(url, doc) {
    const id = fromUrl(url);
    if (!id) return null;
    if (!id.recordId) return withDom(SITE, id, () => ({}));
    return withDom(SITE, id, () => readDom(doc, id));
  },
};

export const testUrls: TestUrl[] = [
  { url: 'https://app.hubspot.com/contacts/2345678/record/0-1/51', expect: { objectType: 'contact', recordId: '51', tenant: '2345678' } },
  { url: 'https://app.hubspot.com/contacts/2345678/record/0-2/9876543210', expect: { objectType: 'company', recordId: '9876543210', tenant: '2345678' } },
  { url: 'https://app.hubspot.com/contacts/2345678/record/0-3/14562378901', expect: { objectType: 'deal', recordId: '14562378901', tenant: '2345678' } },
  { url: 'https://app.hubspot.com/contacts/2345678/record/0-5/3021457788', expect: { objectType: 'ticket', recordId: '3021457788', tenant: '2345678' } },
  { url: 'https://app.hubspot.com/contacts/2345678/record/0-1/51/?interaction=email', expect: { objectType: 'contact', recordId: '51', tenant: '2345678' } },
  { url: 'https://app.hubspot.com/contacts/2345678/record/2-1409876/77001', expect: { objectType: '2-1409876', recordId: '77001', tenant: '2345678' } },
  // older addresses
  { url: 'https://app.hubspot.com/contacts/2345678/contact/51', expect: { objectType: 'contact', recordId: '51', tenant: '2345678' } },
  { url: 'https://app.hubspot.com/contacts/2345678/company/9876543210', expect: { objectType: 'company', recordId: '9876543210', tenant: '2345678' } },
  { url: 'https://app.hubspot.com/contacts/2345678/deal/14562378901/', expect: { objectType: 'deal', recordId: '14562378901', tenant: '2345678' } },
  { url: 'https://app.hubspot.com/contacts/2345678/ticket/3021457788', expect: { objectType: 'ticket', recordId: '3021457788', tenant: '2345678' } },
  // EU and other data centres
  { url: 'https://app-eu1.hubspot.com/contacts/26555111/record/0-2/18213999001', expect: { objectType: 'company', recordId: '18213999001', tenant: '26555111' } },
  { url: 'https://app-na2.hubspot.com/contacts/243381751/record/0-1/1201', expect: { objectType: 'contact', recordId: '1201', tenant: '243381751' } },
  // lists and other tools: no record
  { url: 'https://app.hubspot.com/contacts/2345678/objects/0-1/views/all/list', expect: { objectType: 'contact', tenant: '2345678' } },
  { url: 'https://app-eu1.hubspot.com/contacts/26555111/objects/0-3/views/all/board', expect: { objectType: 'deal', tenant: '26555111' } },
  { url: 'https://app.hubspot.com/contacts/2345678/companies/list/view/all/', expect: { objectType: 'company', tenant: '2345678' } },
  { url: 'https://app.hubspot.com/reports-dashboard/2345678/view/1000001', expect: { tenant: '2345678' } },
  { url: 'https://app.hubspot.com/login', expect: {} },
  // not the CRM app
  { url: 'https://www.hubspot.com/products/crm', expect: null },
  { url: 'https://knowledge.hubspot.com/records/understand-hubspot-urls', expect: null },
];
