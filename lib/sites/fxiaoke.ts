/**
 * Fxiaoke 纷享销客 (ShareCRM): customers (AccountObj), contacts, leads, opportunities and
 * custom objects in the web app's hash routes.
 *
 * URL facts (Fxiaoke PWC developer guide's preview addresses; automation scripts in public
 * repositories that open these lists), dated 2026-12:
 *   https://www.fxiaoke.com/XV/UI/Home#crm/list/=/<ObjectApiName>                (classic list)
 *   https://www.fxiaoke.com/XV/UI/Home#paasapp/list/=/appId_CRM/<ObjectApiName>  (new list)
 *   https://www.fxiaoke.com/XV/UI/Home#crm/index, #chats, /XV/UI/manage#crmmanage/=/…  (not records)
 *   https://<tenant>.fxiaoke.com/XV/UI/Home#crm/list/=/object_mZeYu__c  (a company subdomain)
 * Standard objects end in `Obj` (AccountObj, ContactObj, LeadsObj, NewOpportunityObj…),
 * custom ones in `__c`. A record opens in a detail panel over the list ("click any row of the
 * list"), and no public source shows a record address; an id-shaped (24 hex, the `_id` of the
 * open API) segment after the object name is taken when an address carries one, otherwise
 * the record is read from the page without an id and matched by name and email.
 * Markup facts (public automation reading Fxiaoke detail pages): each field is a
 * `.faci-field-display` block with `data-apiname` (the field's API name), a
 * `.faci-field-display_label` and a `.faci-field-display_value`; the owner's value links to
 * `…empid-<n>`. Standard API names (open API docs): name, email, url, owner, create_time.
 */
import type { SiteAdapter } from './types';
import {
  $, $$, companyDomains, emailsIn, emailsUnder, labelValues, logMissing, normaliseDomain, textOf,
  withDom, type SubjectParts, type TestUrl,
} from './dom';
import { readPageFields, valueText, type FieldNames } from './fields';

const SITE = 'fxiaoke';

const HOST_RE = /^([a-z0-9-]{1,63})\.fxiaoke\.com$/;
/** Fxiaoke hosts that are not the CRM app (open API, help, developer docs). */
const NOT_APP = new Set(['open', 'help', 'api', 'developer', 'dev']);
const OBJECT_RE = /^[A-Za-z][A-Za-z0-9_]{0,80}(?:Obj|__c)$/;
const ID_RE = /^[0-9a-f]{24}$/;

function hostTenant(url: URL): string | null | undefined {
  const m = HOST_RE.exec(url.hostname);
  if (!m || NOT_APP.has(m[1]!)) return null;
  return m[1] === 'www' ? undefined : m[1];
}

function fromUrl(url: URL): SubjectParts | null {
  const tenant = hostTenant(url);
  if (tenant === null) return null;
  if (!/^\/XV\/UI\/Home\/?$/i.test(url.pathname)) return { tenant };
  // "#crm/list/=/AccountObj?debug=1" → module crm, view list, params [AccountObj]
  const [route = '', params = ''] = url.hash.replace(/^#/, '').split('?')[0]!.split('/=/');
  if (!/^(?:crm|paasapp)\/list$/.test(route)) return { tenant };
  const segs = params.split('/').filter(Boolean);
  const at = segs.findIndex((s) => OBJECT_RE.test(s));
  if (at < 0) return { tenant };
  const id = segs[at + 1];
  return { tenant, objectType: segs[at], recordId: id && ID_RE.test(id) ? id : undefined };
}

const FIELD = '.faci-field-display';
const valueOf = (doc: Document, api: string) => $(`${FIELD}[data-apiname="${api}"] .faci-field-display_value`, doc);

/** Customer fields by API name (`@…`) or by the label the page shows. */
const ACCOUNT_FIELDS: FieldNames = {
  since: ['@create_time', '创建时间'],
  renewal: ['续约日期', '到期日期'],
  website: ['@url', '网址'],
  owner: ['@owner', '负责人'],
};

function readDom(doc: Document, id: SubjectParts): SubjectParts {
  const blocks = $$(`${FIELD}[data-apiname]`, doc, 400);
  // A list without an open record: nothing on the page is one customer.
  if (!blocks.length) return {};
  const name = textOf(valueOf(doc, 'name'));
  if (!name) logMissing(SITE, 'name field', doc.body);
  const emails: string[] = [];
  for (const b of blocks) {
    if (/email/i.test(b.getAttribute('data-apiname') ?? '')) emails.push(...emailsIn(textOf(b)));
  }
  // The detail panel: the outermost "…detail…" container around the fields (its related
  // lists hold the contacts' addresses); the rest of the page is the list and the rep's own bar.
  let panel: Element = blocks[0]!;
  while (panel.parentElement?.matches('[class*="detail" i]')) panel = panel.parentElement;
  if (panel === blocks[0]) panel = doc.body ?? panel;
  emails.push(...emailsUnder(panel, { limit: 30 }));
  const labels = labelValues(doc, '.faci-field-display_label');
  const find = (names: readonly string[]) => {
    for (const n of names) {
      const el = n.startsWith('@') ? valueOf(doc, n.slice(1)) : labels.get(n);
      if (el) return el;
    }
    return undefined;
  };
  const website = normaliseDomain(valueText(find(ACCOUNT_FIELDS.website)));
  const fields = id.objectType === 'AccountObj' ? readPageFields(doc, ACCOUNT_FIELDS, find) : undefined;
  return { name, emails, domains: [...(website ? [website] : []), ...companyDomains(emails)], fields };
}

export const fxiaokeAdapter: SiteAdapter = {
  id: SITE,
  matches: (url) => hostTenant(url) !== null,
  // Clicking a row opens the record's panel with neither the address nor the title changing.
  watch: { input: true },
  detect(url, doc) {
    const id = fromUrl(url);
    if (!id) return null;
    if (!id.objectType) return withDom(SITE, id, () => ({}));
    return withDom(SITE, id, () => readDom(doc, id));
  },
};

const HOME = 'https://www.fxiaoke.com/XV/UI/Home';
export const testUrls: TestUrl[] = [
  { url: `${HOME}#crm/list/=/AccountObj/5f1e8c0e9b8c8d0001a1b2c3`, expect: { objectType: 'AccountObj', recordId: '5f1e8c0e9b8c8d0001a1b2c3' } },
  { url: `${HOME}#paasapp/list/=/appId_CRM/ContactObj/64a0b1c2d3e4f5a6b7c8d9e0?debug=1`, expect: { objectType: 'ContactObj', recordId: '64a0b1c2d3e4f5a6b7c8d9e0' } },
  // lists (a record opens over them without changing the address)
  { url: `${HOME}#crm/list/=/AccountObj`, expect: { objectType: 'AccountObj' } },
  { url: `${HOME}#paasapp/list/=/appId_CRM/NewOpportunityObj?debug=1`, expect: { objectType: 'NewOpportunityObj' } },
  { url: `${HOME}#crm/list/=/LeadsObj`, expect: { objectType: 'LeadsObj' } },
  { url: 'https://hws.fxiaoke.com/XV/UI/Home#crm/list/=/object_mZeYu__c', expect: { objectType: 'object_mZeYu__c', tenant: 'hws' } },
  { url: `${HOME}#crm/list/=/AccountObj/not-an-id`, expect: { objectType: 'AccountObj' } },
  // not object pages
  { url: `${HOME}#crm/index`, expect: {} },
  { url: `${HOME}#chats`, expect: {} },
  { url: `${HOME}#crm/custompage/=/page_Abc__c`, expect: {} },
  { url: 'https://www.fxiaoke.com/XV/UI/manage#crmmanage/=/module-sysobject', expect: {} },
  // not the CRM app
  { url: 'https://open.fxiaoke.com/wiki.html', expect: null },
  { url: 'https://www.fxiaoke.com.evil.example/XV/UI/Home#crm/list/=/AccountObj', expect: null },
];
