/**
 * Zoho CRM: Accounts, Contacts, Deals (URL module "Potentials"), Leads and custom modules,
 * on every regional data centre.
 *
 * URL facts (Zoho CRM help "Data centres", record links shared in Zoho community posts):
 *   https://crm.zoho.com/crm/<org>/tab/Accounts/<recordId>
 *   https://crm.zoho.eu/crm/<org>/tab/Potentials/<recordId>       (Deals)
 *   https://crm.zoho.com/crm/<org>/tab/Contacts/custom-view/<cvid>/list
 *   https://crm.zoho.com/crm/tab/Accounts/<recordId>              (older, no org segment)
 * Record ids are long numbers (e.g. 4150868000000224005).
 * Markup: Zoho publishes no stable DOM hooks for the detail view; we read the first heading
 * of the detail area, else the page title, and mailto links / website links for emails and
 * domains. Assumptions, dated 2026-11.
 */
import type { SiteAdapter } from './types';
import {
  $$, companyDomains, emailsUnder, first, labelValues, logMissing, normaliseDomain, textOf, titleParts,
  withDom, type SubjectParts, type TestUrl,
} from './dom';
import { byLabel, readPageFields, type FieldNames } from './fields';

const SITE = 'zoho';

const HOST_RE = /^crm\.(?:zoho\.(?:com|eu|in|com\.au|com\.cn|jp|sa|uk)|zohocloud\.ca)$/;
const MODULE_ALIASES: Readonly<Record<string, string>> = { Potentials: 'Deals' };
const RECORD_ID_RE = /^\d{6,25}$/;

function fromUrl(url: URL): SubjectParts | null {
  if (!HOST_RE.test(url.hostname)) return null;
  const segs = url.pathname.split('/').filter(Boolean);
  if (segs[0] !== 'crm') return {};
  let i = 1;
  let tenant: string | undefined;
  if (segs[1] && segs[1] !== 'tab' && /^[a-z0-9_-]{1,60}$/i.test(segs[1])) {
    tenant = segs[1];
    i = 2;
  }
  if (segs[i] !== 'tab') return { tenant };
  const mod = segs[i + 1] ?? '';
  if (!/^[A-Za-z][A-Za-z0-9_]{0,60}$/.test(mod)) return { tenant };
  const objectType = MODULE_ALIASES[mod] ?? mod;
  const id = segs[i + 2] ?? '';
  return { tenant, objectType, recordId: RECORD_ID_RE.test(id) ? id : undefined };
}

const SCOPES = ['#detailView', '[data-zcqa="detailView"]', 'main', '[role="main"]', 'body'];
const NAME_SELECTORS = ['[data-zcqa="detailViewTitle"]', '#detailView h1', 'main h1', 'h1'];

/**
 * Account fields to capture, by label (no field hooks; English labels of the standard
 * fields, and a "Customer Since" an org may add). Contacts and deals are left alone.
 */
const ACCOUNT_FIELDS: FieldNames = {
  since: ['customer since', 'created time'],
  renewal: ['renewal date'],
  website: ['website'],
  owner: ['account owner'],
};

function readDom(doc: Document, id: SubjectParts): SubjectParts {
  const scope = first(SCOPES, doc) ?? doc;
  let name = textOf(first(NAME_SELECTORS, scope));
  if (!name) {
    logMissing(SITE, 'detail view title', scope);
    // "Acme Corp - Accounts - Zoho CRM" (assumed)
    const parts = titleParts(doc.title, ' - ');
    if (parts.length >= 2 && /zoho/i.test(parts[parts.length - 1] ?? '')) name = parts[0];
  }
  const emails = emailsUnder(scope, { limit: 30 });
  const domains: string[] = [];
  for (const a of $$('a[href^="http"][data-field="Website"], [data-field="Website"] a[href^="http"]', scope, 5)) {
    const d = normaliseDomain(a.getAttribute('href'));
    if (d) domains.push(d);
  }
  const fields = id.objectType === 'Accounts' ? readPageFields(doc, ACCOUNT_FIELDS, byLabel(labelValues(scope, '[class*="label" i]'))) : undefined;
  return { name, emails, domains: [...domains, ...companyDomains(emails)], fields };
}

export const zohoAdapter: SiteAdapter = {
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
  { url: 'https://crm.zoho.com/crm/org123456/tab/Accounts/4150868000000224005', expect: { objectType: 'Accounts', recordId: '4150868000000224005', tenant: 'org123456' } },
  { url: 'https://crm.zoho.com/crm/org123456/tab/Contacts/4150868000000224127', expect: { objectType: 'Contacts', recordId: '4150868000000224127', tenant: 'org123456' } },
  { url: 'https://crm.zoho.com/crm/org123456/tab/Potentials/4150868000000301001', expect: { objectType: 'Deals', recordId: '4150868000000301001', tenant: 'org123456' } },
  { url: 'https://crm.zoho.eu/crm/org20071234/tab/Accounts/98765000000012345', expect: { objectType: 'Accounts', recordId: '98765000000012345', tenant: 'org20071234' } },
  { url: 'https://crm.zoho.in/crm/org60012345/tab/Leads/3310000000456789', expect: { objectType: 'Leads', recordId: '3310000000456789', tenant: 'org60012345' } },
  { url: 'https://crm.zoho.com.au/crm/org7001234/tab/Contacts/7700000000123456', expect: { objectType: 'Contacts', recordId: '7700000000123456', tenant: 'org7001234' } },
  { url: 'https://crm.zoho.com.cn/crm/org41234567/tab/Accounts/5550000000001234', expect: { objectType: 'Accounts', recordId: '5550000000001234', tenant: 'org41234567' } },
  { url: 'https://crm.zoho.com/crm/tab/Accounts/4150868000000224005', expect: { objectType: 'Accounts', recordId: '4150868000000224005' } },
  // lists and other pages
  { url: 'https://crm.zoho.com/crm/org123456/tab/Accounts/custom-view/4150868000000087501/list?page=1', expect: { objectType: 'Accounts', tenant: 'org123456' } },
  { url: 'https://crm.zoho.eu/crm/org20071234/tab/Home/begin', expect: { objectType: 'Home', tenant: 'org20071234' } },
  { url: 'https://crm.zoho.com/crm/org123456/settings/general', expect: { tenant: 'org123456' } },
  // not Zoho CRM
  { url: 'https://www.zoho.com/crm/', expect: null },
  { url: 'https://mail.zoho.com/zm/#mail/folder/inbox', expect: null },
];
