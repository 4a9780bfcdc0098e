/**
 * Xiaoshouyi 销售易 (Neocrm): customers, contacts, leads, opportunities and custom objects, in
 * the classic pages and the newer "neoweb" app.
 *
 * URL facts (record links built by public integrations and userscripts for crm.xiaoshouyi.com;
 * a server script returning a neoweb record link), dated 2026-12:
 *   https://crm.xiaoshouyi.com/final/account.action?id=<id>       (also contact, lead, opportunity)
 *   https://crm.xiaoshouyi.com/final/customize.action?id=<id>&belongId=<objectId>  (custom object)
 *   https://crm.xiaoshouyi.com/bff/neoweb#/entityDetail/<objectApiKey>/<id>?objectApiKey=…&recordId=<id>&…
 *   https://crm.xiaoshouyi.com/global/login.action                 (sign-in: not a record)
 * Record ids are numbers (up to 19 digits). Custom objects are typed by their belongId
 * (`customize/<belongId>`); neoweb objects by their API key (account, contact, po__c…).
 * Markup: no public source shows the record page's markup. We read what is certain: the
 * value beside a "客户名称"/"联系人姓名"/"姓名" label (any element whose class names a label),
 * else the first heading of the page, else the page title before " - "; mailto links and
 * email-shaped text of the page; website and owner by their Chinese labels.
 */
import type { SiteAdapter } from './types';
import {
  companyDomains, emailsIn, emailsUnder, first, labelValues, logMissing, normaliseDomain, textOf, titleParts,
  withDom, type SubjectParts, type TestUrl,
} from './dom';
import { byLabel, readPageFields, valueText, type FieldNames } from './fields';

const SITE = 'xiaoshouyi';

const HOST = 'crm.xiaoshouyi.com';
const ID_RE = /^\d{1,19}$/;
const CLASSIC = new Set(['account', 'contact', 'lead', 'opportunity']);

function fromUrl(url: URL): SubjectParts | null {
  if (url.hostname !== HOST) return null;
  const q = url.searchParams;
  const classic = /^\/final\/([a-z]+)\.action$/.exec(url.pathname)?.[1];
  if (classic && (CLASSIC.has(classic) || classic === 'customize')) {
    const belongId = q.get('belongId') ?? '';
    const objectType = classic === 'customize' ? (ID_RE.test(belongId) ? `customize/${belongId}` : undefined) : classic;
    const id = q.get('id') ?? '';
    return objectType ? { objectType, recordId: ID_RE.test(id) ? id : undefined } : {};
  }
  if (url.pathname.startsWith('/bff/neoweb')) {
    // "#/entityDetail/po__c/3530997788229761?objectApiKey=po__c&recordId=…"
    const m = /^#\/entityDetail\/([A-Za-z][A-Za-z0-9_]{0,80})\/(\d{1,19})(?:[/?]|$)/.exec(url.hash);
    if (m) return { objectType: m[1], recordId: m[2] };
  }
  return {};
}

const NAME_LABELS = ['客户名称', '联系人姓名', '姓名', '线索名称', '商机名称', '名称'];
const ACCOUNT_FIELDS: FieldNames = {
  since: ['成为客户日期', '首次成交日期', '创建日期', '创建时间'],
  renewal: ['续约日期', '到期日期'],
  website: ['公司网址', '网址'],
  owner: ['负责人', '所有人'],
};

function readDom(doc: Document, id: SubjectParts): SubjectParts {
  const labels = labelValues(doc, '[class*="label" i]');
  const find = byLabel(labels);
  let name = valueText(find(NAME_LABELS)) ?? textOf(first(['h1', '[class*="title" i] h2', 'h2'], doc));
  if (!name) {
    logMissing(SITE, 'record name', doc.body);
    name = titleParts(doc.title, /\s[|–—-]\s/).find((p) => !/销售易|xiaoshouyi/i.test(p));
  }
  const main = first(['main', '[role="main"]'], doc) ?? doc.body ?? doc;
  const emails = [...emailsUnder(main, { limit: 30 }), ...emailsIn((main.textContent ?? '').slice(0, 50_000))];
  const website = normaliseDomain(valueText(find(ACCOUNT_FIELDS.website)));
  const fields = id.objectType === 'account' ? readPageFields(doc, ACCOUNT_FIELDS, find) : undefined;
  return { name, emails, domains: [...(website ? [website] : []), ...companyDomains(emails)], fields };
}

export const xiaoshouyiAdapter: SiteAdapter = {
  id: SITE,
  matches: (url) => url.hostname === HOST,
  detect(url, doc) {
    const id = fromUrl(url);
    if (!id) return null;
    if (!id.recordId) return withDom(SITE, id, () => ({}));
    return withDom(SITE, id, () => readDom(doc, id));
  },
};

const CRM = `https://${HOST}`;
export const testUrls: TestUrl[] = [
  { url: `${CRM}/final/account.action?id=1234567`, expect: { objectType: 'account', recordId: '1234567' } },
  { url: `${CRM}/final/contact.action?id=7654321`, expect: { objectType: 'contact', recordId: '7654321' } },
  { url: `${CRM}/final/lead.action?id=1020304`, expect: { objectType: 'lead', recordId: '1020304' } },
  { url: `${CRM}/final/opportunity.action?id=3530997788229761`, expect: { objectType: 'opportunity', recordId: '3530997788229761' } },
  { url: `${CRM}/final/customize.action?id=556677&belongId=100018388`, expect: { objectType: 'customize/100018388', recordId: '556677' } },
  { url: `${CRM}/bff/neoweb#/entityDetail/po__c/3530997788229761?objectApiKey=po__c&recordId=3530997788229761&objectId=3530997788229761`, expect: { objectType: 'po__c', recordId: '3530997788229761' } },
  { url: `${CRM}/bff/neoweb#/entityDetail/account/3530997788229001`, expect: { objectType: 'account', recordId: '3530997788229001' } },
  // not records
  { url: `${CRM}/final/account.action?id=abc`, expect: { objectType: 'account' } },
  { url: `${CRM}/final/customize.action?id=556677`, expect: {} },
  { url: `${CRM}/global/login.action`, expect: {} },
  { url: `${CRM}/bff/neoweb#/home`, expect: {} },
  // not the CRM
  { url: 'https://www.xiaoshouyi.com/', expect: null },
  { url: 'https://api-p10.xiaoshouyi.com/rest/data/v2.0/xobjects/account/1234567', expect: null },
];
