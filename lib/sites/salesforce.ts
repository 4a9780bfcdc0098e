/**
 * Salesforce: Lightning Experience (incl. console apps and sandboxes) and Classic.
 *
 * URL facts (Salesforce help "Lightning Experience URL format", my-domain docs):
 *   https://<mydomain>.lightning.force.com/lightning/r/<Object>/<id>/view
 *   https://<mydomain>.lightning.force.com/lightning/r/<id>/view          (object omitted)
 *   https://<mydomain>.lightning.force.com/lightning/o/<Object>/list?...  (list view)
 *   https://<mydomain>--<sandbox>.sandbox.lightning.force.com/...          (sandbox)
 *   https://<mydomain>.my.salesforce.com/<id>                               (Classic record)
 *   https://<mydomain>.my.salesforce.com/001/o                              (Classic tab)
 * In console apps the path is the focused sub-tab's record; `ws=` names the workspace tab.
 *
 * Record ids are normalised to the 18-character case-safe form, so that the same record seen
 * through a 15-character Classic URL and an 18-character Lightning URL has one CRM reference.
 */
import type { SiteAdapter } from './types';
import {
  $$, companyDomains, deepAll, deepFirst, deepText, emailsIn, emailsUnder, first, labelValues, logMissing, normaliseDomain, textOf,
  titleParts, withDom, type SubjectParts, type TestUrl,
} from './dom';
import { byLabel, readPageFields, type FieldNames, type PageFields } from './fields';

const SITE = 'salesforce';

/**
 * Salesforce on Alibaba Cloud (China) serves the same app under its own domains: Lightning on
 * <mydomain>.lightning.sfcrmapps.cn, Classic and My Domain on <mydomain>.my.sfcrmproducts.cn
 * (setup on *.setup.sfcrmproducts.cn and public sites on *.sites.sfcrmapps.cn are not records).
 * Source: host handling in public Salesforce tools (org-environment extensions, Salesforce
 * Inspector forks) that map *.lightning.sfcrmapps.cn to *.my.sfcrmproducts.cn, dated 2026-12.
 */
const HOST_RE = /^([a-z0-9-]+)\.(?:(?:sandbox|develop|scratch|demo|trailblaze|patch|free)\.)?(?:lightning\.force\.com|my\.salesforce\.com|lightning\.sfcrmapps\.cn|my\.sfcrmproducts\.cn)$/;

const ID_RE = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** Key prefixes (the first three characters of an id) of the standard objects we serve. */
export const KEY_PREFIXES: Readonly<Record<string, string>> = {
  '001': 'Account',
  '003': 'Contact',
  '00Q': 'Lead',
  '006': 'Opportunity',
  '500': 'Case',
  // Not customers (lib/model/subject-kind.ts): typed so that the dock never offers them as one.
  '005': 'User',
  '00O': 'Report',
  '01Z': 'Dashboard',
};

/** Classic paths that look like ids but are not records. */
const CLASSIC_NON_RECORD = new Set(['home', 'setup', 'secur', 'apex', 'servlet', '_ui', 'search']);

/** The case-safe 18-character form of a 15- or 18-character Salesforce id. */
export function salesforceId18(id: string): string {
  if (id.length !== 15) return id;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += alphabet[bits];
  }
  return id + suffix;
}

interface UrlIdentity {
  objectType?: string;
  recordId?: string;
  tenant?: string;
  classic: boolean;
}

function fromUrl(url: URL): UrlIdentity | null {
  const host = HOST_RE.exec(url.hostname);
  if (!host) return null;
  const tenant = host[1];
  const segs = url.pathname.split('/').filter(Boolean);

  if (segs[0] === 'lightning') {
    // /lightning/r/<Object>/<id>/<action> or /lightning/r/<id>/<action>
    if (segs[1] === 'r') {
      const a = segs[2] ?? '';
      const b = segs[3] ?? '';
      if (ID_RE.test(a) && !ID_RE.test(b)) return record(tenant, undefined, a);
      if (/^[A-Za-z][A-Za-z0-9_]*$/.test(a) && ID_RE.test(b)) return record(tenant, a, b);
      return { tenant, classic: false };
    }
    // /lightning/o/<Object>/list|home|new
    if (segs[1] === 'o' && segs[2]) return { tenant, objectType: segs[2], classic: false };
    return { tenant, classic: false };
  }

  // Aura one.app with a hash route: /one/one.app#/sObject/<id>/view
  if (segs[0] === 'one') {
    const m = /^#\/sObject\/([a-zA-Z0-9]{15,18})(?:\/|$)/.exec(url.hash);
    if (m?.[1] && ID_RE.test(m[1])) return record(tenant, undefined, m[1]);
    return { tenant, classic: false };
  }

  // Classic: /<id> (record) or /<prefix>/o (object tab)
  const s0 = segs[0] ?? '';
  if (segs.length === 1 && ID_RE.test(s0) && !CLASSIC_NON_RECORD.has(s0)) {
    const r = record(tenant, undefined, s0);
    return { ...r, classic: true };
  }
  if (segs.length === 2 && segs[1] === 'o' && KEY_PREFIXES[s0]) {
    return { tenant, objectType: KEY_PREFIXES[s0], classic: true };
  }
  return { tenant, classic: true };
}

function record(tenant: string | undefined, objectType: string | undefined, id: string): UrlIdentity {
  const id18 = salesforceId18(id);
  const type = objectType ?? KEY_PREFIXES[id18.slice(0, 3)];
  const out: UrlIdentity = { recordId: id18, classic: false };
  if (tenant) out.tenant = tenant;
  if (type) out.objectType = type;
  return out;
}

/**
 * The record header's primary field, newest markup first. Lightning keeps several visited
 * records in the DOM (cached tabs); the active one is preferred.
 */
const NAME_SELECTORS = [
  // 2024–2026 Lightning record page (records-highlights2 → h1 → slot="primaryField")
  'records-highlights2 h1 [slot="primaryField"] lightning-formatted-text',
  'records-highlights2 [slot="primaryField"]',
  // LWC highlights panel used by some objects and console apps
  'records-lwc-highlights-panel [slot="primaryField"] lightning-formatted-text',
  'records-lwc-highlights-panel [slot="primaryField"]',
  // the same, seen from inside an open shadow root (native shadow DOM)
  'h1 [slot="primaryField"] lightning-formatted-text',
  '[slot="primaryField"] lightning-formatted-text',
  // SLDS page header inside the record home
  '.slds-page-header__title lightning-formatted-text',
  'h1.slds-page-header__title',
];
/**
 * Lightning's shadow hosts on a record page: the only elements a deep read enters, so that
 * it costs a selector match instead of a walk over every element of a large page.
 */
const SHADOW_HOSTS = [
  'one-record-home-flexipage2', 'records-highlights2', 'records-lwc-highlights-panel', 'records-record-layout-section',
  'records-record-layout-item', 'records-lwc-detail-panel', 'force-record-layout-section', 'lightning-formatted-text',
  'lightning-formatted-url', 'lightning-formatted-email', 'lightning-formatted-date-time',
].join(', ');

/** Console sub-tab first, then the standard app's active page (cached pages stay in the DOM). */
const ACTIVE_SCOPES = ['.tabContent.active', '.oneContent.active', '.windowViewMode-normal.active'];
const CLASSIC_NAME = ['.bPageTitle h2.pageDescription', 'h2.pageDescription'];

function readName(doc: Document, id: UrlIdentity): string | undefined {
  if (id.classic) {
    const el = first(CLASSIC_NAME, doc);
    if (el) return textOf(el);
    // Classic title: "Account: Acme Corp ~ Salesforce - Enterprise Edition"
    const m = /^[^:~]+:\s*(.+?)\s*~\s*Salesforce/.exec(doc.title);
    return m?.[1];
  }
  if (!id.recordId) return undefined;
  const scope = first(ACTIVE_SCOPES, doc) ?? doc;
  const name = deepText(deepFirst(NAME_SELECTORS, scope, SHADOW_HOSTS));
  if (name) return name;
  logMissing(SITE, 'record header name', scope === doc ? doc.body : scope);
  // Title: "Acme Corp | Account | Salesforce" (console: "Acme Corp | Service Console")
  const parts = titleParts(doc.title, ' | ');
  const label = id.objectType?.toLowerCase();
  if (parts.length >= 3 && label && parts[1]?.toLowerCase() === label) return parts[0];
  if (parts.length >= 2 && /salesforce|console/i.test(parts[parts.length - 1] ?? '')) return parts[0];
  return undefined;
}

/**
 * Account fields to capture, by API name lower-cased without underscores and `__c` (Lightning
 * hooks; locale-proof) and by label (Classic). Salesforce has no standard "customer since"
 * field: orgs add one (Customer_Since__c), else the record's Created Date stands for it, as
 * the CSV import takes it. Contacts, cases and deals are left alone: their created date and
 * owner describe the person or the deal, not the customer.
 */
const LIGHTNING_FIELDS: FieldNames = {
  since: ['customersince', 'createddate'],
  renewal: ['renewaldate', 'nextrenewaldate'],
  website: ['website'],
  owner: ['ownerid'],
};
const CLASSIC_FIELDS: FieldNames = {
  since: ['customer since'],
  renewal: ['renewal date', 'next renewal date'],
  website: ['website'],
  owner: ['account owner'],
};
/** Where a layout item shows its value (its label sits beside it). */
const VALUE_SELECTORS = ['.test-id__field-value', 'lightning-formatted-date-time', 'lightning-formatted-text', 'lightning-formatted-url', 'a'];

/** Emails, websites and (on accounts) capturable fields from `sfdc:RecordField.<Object>.<Field>` hooks of the record layout. */
function readFields(doc: Document, id: UrlIdentity): SubjectParts {
  const emails: string[] = [];
  const domains: string[] = [];
  const items = new Map<string, Element>();
  const scope = first(ACTIVE_SCOPES, doc) ?? doc;
  const hook = '[data-target-selection-name^="sfdc:RecordField."]';
  let fields = $$(hook, scope, 150);
  if (!fields.length && !id.classic) fields = deepAll(hook, scope, 150, SHADOW_HOSTS);
  for (const el of fields) {
    const name = el.getAttribute('data-target-selection-name') ?? '';
    const field = name.slice(name.lastIndexOf('.') + 1);
    const key = field.toLowerCase().replace(/__c$|_/g, '');
    if (!items.has(key)) items.set(key, el);
    if (/email/i.test(field)) {
      const link = deepFirst(['a[href^="mailto:"]'], el, SHADOW_HOSTS);
      for (const e of emailsIn(link?.getAttribute('href') ?? deepText(el))) emails.push(e);
    } else if (/^website$/i.test(field)) {
      const link = deepFirst(['a[href]'], el, SHADOW_HOSTS);
      const d = normaliseDomain(link?.getAttribute('href')) ?? normaliseDomain(deepText(el.querySelector('lightning-formatted-url')));
      if (d) domains.push(d);
    }
  }
  if (id.classic) {
    // Classic detail page: mailto links in the detail block; Website is `#acc12_ileinner`.
    const detail = first(['.bDetailBlock', '#ep', '.bodyDiv'], doc) ?? doc;
    for (const e of emailsUnder(detail, { limit: 30 })) emails.push(e);
    const d = normaliseDomain(textOf(doc.getElementById('acc12_ileinner')));
    if (d) domains.push(d);
  } else if (!fields.length) {
    logMissing(SITE, 'sfdc:RecordField hooks', scope);
  }
  let captured: PageFields | undefined;
  if (id.objectType === 'Account') {
    captured = id.classic
      ? readPageFields(doc, CLASSIC_FIELDS, byLabel(labelValues(first(['.bDetailBlock', '#ep'], doc) ?? doc, 'td.labelCol')))
      : readPageFields(doc, LIGHTNING_FIELDS, (names) => {
          const item = names.map((n) => items.get(n)).find(Boolean);
          return item && (deepFirst(VALUE_SELECTORS, item, SHADOW_HOSTS) ?? item);
        });
  }
  return { emails, domains: [...domains, ...companyDomains(emails)], fields: captured };
}

export const salesforceAdapter: SiteAdapter = {
  id: SITE,
  matches: (url) => HOST_RE.test(url.hostname),
  detect(url, doc) {
    const id = fromUrl(url);
    if (!id) return null;
    const base: SubjectParts = { objectType: id.objectType, recordId: id.recordId, tenant: id.tenant };
    if (!id.recordId) return withDom(SITE, base, () => ({}));
    return withDom(SITE, base, () => ({ name: readName(doc, id), ...readFields(doc, id) }));
  },
};

export const testUrls: TestUrl[] = [
  { url: 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABcdeIAD/view', expect: { objectType: 'Account', recordId: '001Dn00000ABcdeIAD', tenant: 'acme' } },
  { url: 'https://acme.lightning.force.com/lightning/r/Contact/003Dn00000XyZabIAC/view', expect: { objectType: 'Contact', recordId: '003Dn00000XyZabIAC', tenant: 'acme' } },
  { url: 'https://acme.lightning.force.com/lightning/r/Lead/00QDn000004LmNoMAK/view', expect: { objectType: 'Lead', recordId: '00QDn000004LmNoMAK', tenant: 'acme' } },
  { url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006Dn000007PqRsIAK/view', expect: { objectType: 'Opportunity', recordId: '006Dn000007PqRsIAK', tenant: 'acme' } },
  { url: 'https://acme.lightning.force.com/lightning/r/Case/500Dn00000CaSe1IAD/view', expect: { objectType: 'Case', recordId: '500Dn00000CaSe1IAD', tenant: 'acme' } },
  // 15-character id → 18-character case-safe id
  { url: 'https://acme.lightning.force.com/lightning/r/Account/001xx000003DGb2/view', expect: { objectType: 'Account', recordId: '001xx000003DGb2AAG', tenant: 'acme' } },
  // related list and console (ws=) addresses of the same record
  { url: 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABcdeIAD/related/Contacts/view', expect: { objectType: 'Account', recordId: '001Dn00000ABcdeIAD', tenant: 'acme' } },
  { url: 'https://acme.lightning.force.com/lightning/r/Case/500Dn00000CaSe1IAD/view?ws=%2Flightning%2Fr%2FAccount%2F001Dn00000ABcdeIAD%2Fview', expect: { objectType: 'Case', recordId: '500Dn00000CaSe1IAD', tenant: 'acme' } },
  // object omitted: type from the key prefix
  { url: 'https://acme.lightning.force.com/lightning/r/003Dn00000XyZabIAC/view', expect: { objectType: 'Contact', recordId: '003Dn00000XyZabIAC', tenant: 'acme' } },
  // sandboxes
  { url: 'https://acme--uat.sandbox.lightning.force.com/lightning/r/Account/001Dn00000ABcdeIAD/view', expect: { objectType: 'Account', recordId: '001Dn00000ABcdeIAD', tenant: 'acme--uat' } },
  { url: 'https://acme--uat.sandbox.my.salesforce.com/001xx000003DGb2AAG', expect: { objectType: 'Account', recordId: '001xx000003DGb2AAG', tenant: 'acme--uat' } },
  // Classic
  { url: 'https://acme.my.salesforce.com/001xx000003DGb2AAG', expect: { objectType: 'Account', recordId: '001xx000003DGb2AAG', tenant: 'acme' } },
  { url: 'https://acme.my.salesforce.com/003xx000004TmiQ', expect: { objectType: 'Contact', recordId: '003xx000004TmiQAAS', tenant: 'acme' } },
  { url: 'https://acme.my.salesforce.com/001/o', expect: { objectType: 'Account', tenant: 'acme' } },
  // the org's own users, reports and dashboards: typed, never customers (subject-kind.ts)
  { url: 'https://acme.lightning.force.com/lightning/r/User/005Dn000002SamPIAA/view', expect: { objectType: 'User', recordId: '005Dn000002SamPIAA', tenant: 'acme' } },
  { url: 'https://acme.lightning.force.com/lightning/r/005Dn000002SamPIAA/view', expect: { objectType: 'User', recordId: '005Dn000002SamPIAA', tenant: 'acme' } },
  { url: 'https://acme.my.salesforce.com/005Dn000002SamP', expect: { objectType: 'User', recordId: '005Dn000002SamPIAS', tenant: 'acme' } },
  { url: 'https://acme.lightning.force.com/lightning/r/Report/00ODn000004RptAMAS/view', expect: { objectType: 'Report', recordId: '00ODn000004RptAMAS', tenant: 'acme' } },
  { url: 'https://acme.lightning.force.com/lightning/r/Dashboard/01ZDn000000DshBMAS/view', expect: { objectType: 'Dashboard', recordId: '01ZDn000000DshBMAS', tenant: 'acme' } },
  // not records
  { url: 'https://acme.lightning.force.com/lightning/o/Account/list?filterName=Recent', expect: { objectType: 'Account', tenant: 'acme' } },
  { url: 'https://acme.lightning.force.com/lightning/page/home', expect: { tenant: 'acme' } },
  { url: 'https://acme-dev-ed.develop.lightning.force.com/lightning/r/Lead/00QDn000004LmNoMAK/view', expect: { objectType: 'Lead', recordId: '00QDn000004LmNoMAK', tenant: 'acme-dev-ed' } },
  // Salesforce on Alibaba Cloud (China)
  { url: 'https://acme.lightning.sfcrmapps.cn/lightning/r/Account/001Dn00000ABcdeIAD/view', expect: { objectType: 'Account', recordId: '001Dn00000ABcdeIAD', tenant: 'acme' } },
  { url: 'https://acme--uat.sandbox.lightning.sfcrmapps.cn/lightning/o/Contact/list', expect: { objectType: 'Contact', tenant: 'acme--uat' } },
  { url: 'https://acme.my.sfcrmproducts.cn/001xx000003DGb2', expect: { objectType: 'Account', recordId: '001xx000003DGb2AAG', tenant: 'acme' } },
  { url: 'https://acme.setup.sfcrmproducts.cn/lightning/setup/SetupOneHome/home', expect: null },
  { url: 'https://acme.sites.sfcrmapps.cn/services/apexrest/Claims', expect: null },
  // not Salesforce pages we serve
  { url: 'https://login.salesforce.com/', expect: null },
  { url: 'https://www.salesforce.com/products/sales-cloud/', expect: null },
  { url: 'https://acme.lightning.force.com.evil.example/lightning/r/Account/001Dn00000ABcdeIAD/view', expect: null },
];
