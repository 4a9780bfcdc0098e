/**
 * Pipedrive: persons, organizations, deals (and leads in the Leads inbox).
 *
 * URL facts (Pipedrive knowledge base; public integrations that document
 * `https://<company>.pipedrive.com/pipeline/<id>` and record links):
 *   https://<company>.pipedrive.com/person/<id>
 *   https://<company>.pipedrive.com/organization/<id>
 *   https://<company>.pipedrive.com/deal/<id>
 *   https://<company>.pipedrive.com/leads/inbox/<uuid>
 *   https://<company>.pipedrive.com/persons/list, /organizations/list, /deals/list, /pipeline/<id>
 * Markup: Pipedrive publishes no stable hooks. The detail header's title is read from
 * `data-test`/`data-testid` hooks where present, else from the page's `h1`, else from the
 * title ("<name> - Pipedrive" is assumed); emails from mailto links in the main area. These
 * are assumptions, dated 2026-11.
 */
import type { SiteAdapter } from './types';
import {
  companyDomains, emailsUnder, first, labelValues, logMissing, textOf, titleParts, withDom,
  type SubjectParts, type TestUrl,
} from './dom';
import { byLabel, readPageFields, type FieldNames } from './fields';

const SITE = 'pipedrive';

const HOST_RE = /^([a-z0-9][a-z0-9-]*)\.pipedrive\.com$/;
/** Pipedrive's own sites, not a customer's company account. */
const NOT_APP = new Set(['www', 'developers', 'support', 'status', 'marketplace', 'community', 'blog', 'learn', 'api', 'oauth', 'pipedrive', 'partners', 'academy']);
/** Generic hosts that serve every company: no tenant in the address. */
const SHARED = new Set(['app']);

const RECORD_TYPES = new Set(['person', 'organization', 'deal']);
const LIST_TYPES: Readonly<Record<string, string>> = { persons: 'person', organizations: 'organization', deals: 'deal', pipeline: 'deal', leads: 'lead' };
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fromUrl(url: URL): SubjectParts | null {
  const m = HOST_RE.exec(url.hostname);
  const sub = m?.[1];
  if (!sub || NOT_APP.has(sub)) return null;
  const tenant = SHARED.has(sub) ? undefined : sub;
  const segs = url.pathname.split('/').filter(Boolean);
  const kind = segs[0] ?? '';
  const a = segs[1] ?? '';
  if (RECORD_TYPES.has(kind) && /^\d{1,15}$/.test(a)) return { tenant, objectType: kind, recordId: a };
  if (kind === 'leads' && a === 'inbox' && UUID_RE.test(segs[2] ?? '')) {
    return { tenant, objectType: 'lead', recordId: (segs[2] ?? '').toLowerCase() };
  }
  if (LIST_TYPES[kind]) return { tenant, objectType: LIST_TYPES[kind] };
  return { tenant };
}

const NAME_SELECTORS = [
  '[data-test="header-title"]',
  '[data-testid="header-title"]',
  '[data-test="detail-view-title"]',
  'main h1',
  'h1',
];
const SCOPES = ['main', '[role="main"]', '#application', 'body'];

/**
 * Organization fields to capture, by their label (Pipedrive has no field hooks; English
 * labels, as the CSV export names them). Persons and deals are left alone: their dates and
 * owner describe the person or the deal, not the customer.
 */
const ORGANIZATION_FIELDS: FieldNames = {
  since: ['customer since', 'organization created', 'add time'],
  renewal: ['renewal date'],
  website: ['website'],
  owner: ['owner'],
};

function readDom(doc: Document, id: SubjectParts): SubjectParts {
  const scope = first(SCOPES, doc) ?? doc;
  let name = textOf(first(NAME_SELECTORS, scope));
  if (!name) {
    logMissing(SITE, 'detail header title', scope);
    const parts = titleParts(doc.title, / [-|–] /);
    if (parts.length >= 2 && /pipedrive/i.test(parts[parts.length - 1] ?? '')) name = parts[0];
  }
  const emails = emailsUnder(scope, { limit: 30 });
  const fields = id.objectType === 'organization'
    ? readPageFields(doc, ORGANIZATION_FIELDS, byLabel(labelValues(scope, '[class*="label" i], [data-test*="label" i]')))
    : undefined;
  return { name, emails, domains: companyDomains(emails), fields };
}

export const pipedriveAdapter: SiteAdapter = {
  id: SITE,
  matches: (url) => fromUrl(url) !== null,
  detect(url, doc) {
    const id = fromUrl(url);
    if (!id) return null;
    if (!id.recordId) return withDom(SITE, id, () => ({}));
    return withDom(SITE, id, () => readDom(doc, id));
  },
};

export const testUrls: TestUrl[] = [
  { url: 'https://acme.pipedrive.com/person/1842', expect: { objectType: 'person', recordId: '1842', tenant: 'acme' } },
  { url: 'https://acme.pipedrive.com/organization/377', expect: { objectType: 'organization', recordId: '377', tenant: 'acme' } },
  { url: 'https://acme.pipedrive.com/deal/9051', expect: { objectType: 'deal', recordId: '9051', tenant: 'acme' } },
  { url: 'https://acme-sales.pipedrive.com/deal/9051?tab=activity', expect: { objectType: 'deal', recordId: '9051', tenant: 'acme-sales' } },
  { url: 'https://acme.pipedrive.com/leads/inbox/5f0e8c70-1a2b-11ef-9d3c-0b6f3e2a7c11', expect: { objectType: 'lead', recordId: '5f0e8c70-1a2b-11ef-9d3c-0b6f3e2a7c11', tenant: 'acme' } },
  { url: 'https://acme.pipedrive.com/persons/list', expect: { objectType: 'person', tenant: 'acme' } },
  { url: 'https://acme.pipedrive.com/organizations/list/filter/12', expect: { objectType: 'organization', tenant: 'acme' } },
  { url: 'https://acme.pipedrive.com/pipeline/1/user/everyone', expect: { objectType: 'deal', tenant: 'acme' } },
  { url: 'https://acme.pipedrive.com/activities/list', expect: { tenant: 'acme' } },
  { url: 'https://app.pipedrive.com/deal/9051', expect: { objectType: 'deal', recordId: '9051' } },
  { url: 'https://www.pipedrive.com/en/pricing', expect: null },
  { url: 'https://developers.pipedrive.com/docs/api/v1/Persons', expect: null },
  { url: 'https://acme.pipedrive.com.example.net/person/1842', expect: null },
];
