/**
 * Dynamics 365 Customer Engagement and other model-driven Power Apps.
 *
 * URL facts (Microsoft Learn "Open forms, views, dialogs, and reports with a URL"):
 *   https://<org>.crm<N>.dynamics.com/main.aspx?appid=<guid>&pagetype=entityrecord&etn=account&id=<guid>
 *   …&pagetype=entitylist&etn=contact&viewid=<guid>&viewType=1039          (list)
 *   older web client: main.aspx?etc=1&id=%7B<GUID>%7D&pagetype=entityrecord  (etc = type code)
 * Regional hosts: crm (NA), crm2 (SA), crm3 (CAN), crm4 (EMEA), crm5 (APAC), crm6 (OCE),
 * crm7 (JPN), crm8 (IND), crm9 (GCC), crm11 (UK), crm12 (FRA), crm14 (UAE), crm15 (DEU),
 * crm16 (CHE), crm17 (NOR), crm19 (KOR), crm20 (SWE), crm21 (…)
 * Record ids are normalised to a lower-case GUID without braces.
 * Markup facts (public Selenium/EasyRepro-style test code against Unified Interface):
 * `h1[data-id="header_title"]` holds the record name (with " - Saved" while saving),
 * `input[data-id="emailaddress1.fieldControl-mail-text-input"]` an email field,
 * `input[data-id="websiteurl.fieldControl-url-text-input"]` the website (assumed by analogy).
 */
import type { SiteAdapter } from './types';
import {
  $, $$, companyDomains, emailsIn, emailsUnder, first, logMissing, normaliseDomain, textOf,
  withDom, type SubjectParts, type TestUrl,
} from './dom';
import { readPageFields, type FieldNames } from './fields';

const SITE = 'dynamics';

const HOST_RE = /^[a-z0-9][a-z0-9-]*\.crm(?:\d{1,2})?\.dynamics\.com$/;
const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Object type codes of the older `etc=` parameter. */
const TYPE_CODES: Readonly<Record<string, string>> = { '1': 'account', '2': 'contact', '3': 'opportunity', '4': 'lead', '112': 'incident' };

export function normaliseGuid(raw: string | null): string | undefined {
  if (!raw) return undefined;
  let v = raw.trim();
  try {
    if (v.includes('%')) v = decodeURIComponent(v);
  } catch {
    return undefined;
  }
  v = v.replace(/^\{|\}$/g, '').toLowerCase();
  return GUID_RE.test(v) ? v : undefined;
}

function fromUrl(url: URL): SubjectParts | null {
  if (!HOST_RE.test(url.hostname)) return null;
  const tenant = url.hostname;
  if (!/\/main\.aspx$/i.test(url.pathname)) return { tenant };
  const q = url.searchParams;
  const etn = q.get('etn')?.toLowerCase();
  const etc = q.get('etc');
  const objectType = etn && /^[a-z_][a-z0-9_]{0,63}$/.test(etn) ? etn : etc ? TYPE_CODES[etc] : undefined;
  const pagetype = q.get('pagetype')?.toLowerCase();
  const id = normaliseGuid(q.get('id'));
  if ((pagetype === 'entityrecord' || !pagetype) && id) return { tenant, objectType, recordId: id };
  if (pagetype === 'entityrecord' || pagetype === 'entitylist') return { tenant, objectType };
  return { tenant };
}

const NAME_SELECTORS = ['h1[data-id="header_title"]', 'h2[data-id="header_title"]', '[data-id="header_title"]'];

/**
 * Account fields to capture, by the form controls' `data-id` hooks (logical field names, the
 * same in every language): a customer-since or renewal date an org adds (any publisher
 * prefix), else Created On; the Owner lookup's selected record. Contacts and opportunities
 * are left alone.
 */
const ACCOUNT_FIELDS: FieldNames = {
  since: ['[data-id$="customersince.fieldControl-date-time-input"]', '[data-id="createdon.fieldControl-date-time-input"]'],
  renewal: ['[data-id$="renewaldate.fieldControl-date-time-input"]'],
  website: ['[data-id="websiteurl.fieldControl-url-text-input"]'],
  owner: ['[data-id="ownerid.fieldControl-LookupResultsDropdown_ownerid_selected_tag_text"]'],
};

function readDom(doc: Document, id: SubjectParts): SubjectParts {
  const titleEl = first(NAME_SELECTORS, doc);
  const name = textOf(titleEl)?.replace(/\s+-\s+(Saved|Unsaved|Saving…?|Read-only)$/i, '');
  if (!titleEl) logMissing(SITE, 'header_title', doc.body);
  const emails: string[] = [];
  for (const el of $$('input[data-id$=".fieldControl-mail-text-input"]', doc, 20)) {
    for (const e of emailsIn((el as HTMLInputElement).value || el.getAttribute('value'))) emails.push(e);
  }
  const form = first(['[data-id="editFormRoot"]', '#mainContent', '[role="main"]'], doc) ?? doc;
  for (const e of emailsUnder(form, { limit: 20 })) emails.push(e);
  const domains: string[] = [];
  for (const el of $$('input[data-id="websiteurl.fieldControl-url-text-input"]', doc, 3)) {
    const d = normaliseDomain((el as HTMLInputElement).value || el.getAttribute('value'));
    if (d) domains.push(d);
  }
  const fields = id.objectType === 'account' ? readPageFields(doc, ACCOUNT_FIELDS, (sels) => sels.map((sel) => $(sel, form)).find(Boolean)) : undefined;
  return { name, emails, domains: [...domains, ...companyDomains(emails)], fields };
}

export const dynamicsAdapter: SiteAdapter = {
  id: SITE,
  matches: (url) => HOST_RE.test(url.hostname),
  detect(url, doc) {
    const id = fromUrl(url);
    if (!id) return null;
    if (!id.recordId) return withDom(SITE, id, () => ({}));
    return withDom(SITE, id, () => readDom(doc, id));
  },
};

const APP = 'appid=0b7a2f4e-1c3d-4e5f-8a9b-112233445566';
export const testUrls: TestUrl[] = [
  { url: `https://contoso.crm4.dynamics.com/main.aspx?${APP}&pagetype=entityrecord&etn=account&id=7a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d`, expect: { objectType: 'account', recordId: '7a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d', tenant: 'contoso.crm4.dynamics.com' } },
  { url: `https://contoso.crm.dynamics.com/main.aspx?${APP}&pagetype=entityrecord&etn=contact&id=%7B9F8E7D6C-5B4A-4392-8170-6F5E4D3C2B1A%7D`, expect: { objectType: 'contact', recordId: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a', tenant: 'contoso.crm.dynamics.com' } },
  { url: `https://contoso.crm11.dynamics.com/main.aspx?${APP}&pagetype=entityrecord&etn=opportunity&id={0A1B2C3D-4E5F-4061-9728-3A4B5C6D7E8F}`, expect: { objectType: 'opportunity', recordId: '0a1b2c3d-4e5f-4061-9728-3a4b5c6d7e8f', tenant: 'contoso.crm11.dynamics.com' } },
  { url: `https://contoso-dev.crm21.dynamics.com/main.aspx?${APP}&pagetype=entityrecord&etn=lead&id=11111111-2222-4333-8444-555555555555`, expect: { objectType: 'lead', recordId: '11111111-2222-4333-8444-555555555555', tenant: 'contoso-dev.crm21.dynamics.com' } },
  { url: `https://contoso.crm2.dynamics.com/main.aspx?${APP}&pagetype=entityrecord&etn=incident&id=aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee&formid=1a2b3c4d-0000-0000-0000-000000000000`, expect: { objectType: 'incident', recordId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', tenant: 'contoso.crm2.dynamics.com' } },
  { url: 'https://contoso.crm4.dynamics.com/main.aspx?etc=1&id=%7b7A1B2C3D-4E5F-4A6B-8C9D-0E1F2A3B4C5D%7d&pagetype=entityrecord', expect: { objectType: 'account', recordId: '7a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d', tenant: 'contoso.crm4.dynamics.com' } },
  // not records
  { url: `https://contoso.crm4.dynamics.com/main.aspx?${APP}&pagetype=entitylist&etn=account&viewid=00000000-0000-0000-00aa-000010001001&viewType=1039`, expect: { objectType: 'account', tenant: 'contoso.crm4.dynamics.com' } },
  { url: `https://contoso.crm4.dynamics.com/main.aspx?${APP}&pagetype=dashboard&id=5a1b2c3d-0000-4000-8000-000000000001`, expect: { tenant: 'contoso.crm4.dynamics.com' } },
  { url: `https://contoso.crm4.dynamics.com/main.aspx?${APP}&pagetype=entityrecord&etn=account&id=not-a-guid`, expect: { objectType: 'account', tenant: 'contoso.crm4.dynamics.com' } },
  { url: 'https://contoso.crm4.dynamics.com/apps', expect: { tenant: 'contoso.crm4.dynamics.com' } },
  // other Dynamics products
  { url: 'https://contoso.operations.dynamics.com/?cmp=USMF&mi=CustTableListPage', expect: null },
  { url: 'https://home.dynamics.com/', expect: null },
];
