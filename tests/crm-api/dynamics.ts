/**
 * A stand-in for the Dynamics 365 / Dataverse Web API v9.2 of one org
 * (https://<org>.crm4.dynamics.com/api/data/v9.2/…), holding accounts, won and open
 * opportunities with their products, users and currencies in memory. It answers what
 * lib/crm/dynamics.ts asks, the way Dataverse does, and refuses what Dataverse would refuse
 * (an unknown column in $select or $filter is a 400), so a client that drifts from the real
 * API fails here too.
 *
 * Sources (Microsoft Learn, Power Apps / Dataverse developer docs):
 *   - WhoAmI:            https://learn.microsoft.com/en-us/power-apps/developer/data-platform/webapi/reference/whoamiresponse
 *   - Paging:            https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/page-results
 *                        (Prefer: odata.maxpagesize ≤ 5000, Preference-Applied, @odata.nextLink with a
 *                        $skiptoken `<cookie pagenumber="2" pagingcookie="…" istracking="False" />`, no $skip)
 *   - Formatted values:  https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/select-columns
 *                        (Prefer: odata.include-annotations="OData.Community.Display.V1.FormattedValue";
 *                        lookups as _<name>_value with @Microsoft.Dynamics.CRM.lookuplogicalname)
 *   - Join tables:       https://learn.microsoft.com/en-us/power-apps/developer/data-platform/webapi/query/join-tables
 *                        ($expand=owninguser($select=…) single-valued; collection-valued expands may return
 *                        cached data, so the client reads opportunityproducts with a query of its own)
 *   - Query functions:   Microsoft.Dynamics.CRM.In(PropertyName='…',PropertyValues=['…'])
 *   - Errors:            https://learn.microsoft.com/power-apps/developer/data-platform/webapi/compose-http-requests-handle-errors
 *                        ({"error":{"code":"0x…","message":"…"}}); 0x80040220 "Principal user … is missing
 *                        prv… privilege"; 401 with WWW-Authenticate: Bearer authorization_uri=… when the
 *                        session is gone.
 *   - Service protection: https://learn.microsoft.com/power-apps/developer/data-platform/api-limits
 *                        (429 + Retry-After; 0x80072322 "Number of requests exceeded the limit of 6000 over time
 *                        window of 300 seconds.", 0x80072321 execution time, 0x80072326 concurrency)
 *   - Merge:             https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/merge
 *                        (the subordinate account is deactivated and its masterid names the master)
 *   - Change tracking:   https://learn.microsoft.com/power-apps/developer/data-platform/use-change-tracking-synchronize-data-external-systems
 *                        (NOT served here: the client does not use it. A delta token is opaque state the
 *                        client would have to keep between syncs, it expires after the org's retention
 *                        period, and it cannot be combined with $filter/$expand. Deleted records are found
 *                        instead by reading the ids that still exist — `$select=accountid` is cheap — and
 *                        asking for each missing one by id: 404 (0x80040217 "… Does Not Exist") when
 *                        deleted, 403 (SecLib::AccessCheckEx) when the user may not read it.)
 *
 * The browser session: Dynamics is read with the browser's own signed-in session
 * (credentials: 'include'), whose cookie is CrmOwinAuth. In Chromium (e2e) the stand-in checks
 * the Cookie header; in Node the client sends no cookie, so `cookieRequired` is off there and
 * `sessionValid` stands for the session.
 */
import { json, record, type StandIn } from './serve';

export const DYNAMICS_HOST = 'contoso.crm4.dynamics.com';
export const SESSION_COOKIE = 'CrmOwinAuth';
const API = '/api/data/v9.2';
const FORMATTED = '@OData.Community.Display.V1.FormattedValue';
const LOOKUP_NAME = '@Microsoft.Dynamics.CRM.lookuplogicalname';

export interface DynUser { systemuserid: string; fullname: string; internalemailaddress?: string }
export interface DynCurrency { transactioncurrencyid: string; isocurrencycode: string; currencysymbol: string }
export interface DynProduct { productid: string; name: string }
export interface DynAccount {
  accountid: string;
  name: string;
  websiteurl?: string | null;
  /** Relationship Type: 3 Customer, 8 Prospect, … (null when not set). */
  customertypecode?: number | null;
  /** 0 Active, 1 Inactive. */
  statecode?: 0 | 1;
  owner?: string;
  /** Set on the subordinate account by a merge. */
  masterid?: string | null;
  createdon?: string;
  modifiedon?: string;
}
export interface DynLine {
  opportunityproductid: string;
  /** A catalogue product (its name is the lookup's formatted value)… */
  productid?: string;
  /** …or a write-in product. */
  productdescription?: string;
  extendedamount: number;
}
export interface DynOpportunity {
  opportunityid: string;
  name: string;
  parentaccountid?: string | null;
  /** 0 Open, 1 Won, 2 Lost. */
  statecode: 0 | 1 | 2;
  actualclosedate?: string | null;
  actualvalue?: number | null;
  /** ISO code of the deal's currency (one of the org's transactioncurrencies). */
  currency?: string;
  owner?: string;
  lines?: DynLine[];
  modifiedon?: string;
}

export interface DynamicsData {
  users?: DynUser[];
  currencies?: DynCurrency[];
  products?: DynProduct[];
  accounts?: DynAccount[];
  opportunities?: DynOpportunity[];
  /** The org's base currency (ISO). */
  baseCurrency?: string;
}

const STATE: Record<number, string> = { 0: 'Open', 1: 'Won', 2: 'Lost' };
const STATUS: Record<number, [number, string]> = { 0: [1, 'In Progress'], 1: [3, 'Won'], 2: [4, 'Canceled'] };
const CUSTOMER_TYPE: Record<number, string> = { 1: 'Competitor', 2: 'Consultant', 3: 'Customer', 4: 'Investor', 5: 'Partner', 6: 'Influencer', 7: 'Press', 8: 'Prospect', 9: 'Reseller', 10: 'Supplier', 11: 'Vendor', 12: 'Other' };

/** A deterministic GUID from a number, lower-case as Dataverse writes them. */
export function guid(n: number, prefix = '0000'): string {
  const h = n.toString(16).padStart(12, '0');
  return `${prefix.padStart(8, '0')}-0000-4000-8000-${h}`;
}

interface Query {
  set: string;
  key?: string;
  select?: string[];
  filter?: string;
  expand: Map<string, string[]>;
  skipAfter?: string;
  pageNumber: number;
  count?: boolean;
}

class ODataError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** One row as Dataverse would return it with every column; $select picks from it. */
type Row = Record<string, unknown>;

interface EntityDef {
  type: string;
  key: string;
  rows: () => Row[];
  /** Lookup column → [navigation property, entity set it points to, logical name]. */
  lookups: Record<string, [string, string, string]>;
  /** Formatted values of non-lookup columns. */
  formatted?: (row: Row) => Record<string, string>;
}

function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = false;
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "'") quote = !quote;
    if (!quote && (c === '(' || c === '[')) depth++;
    if (!quote && (c === ')' || c === ']')) depth--;
    if (!quote && depth === 0 && s.startsWith(sep, i)) {
      out.push(cur);
      cur = '';
      i += sep.length - 1;
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}

function money(amount: number, symbol: string): string {
  return `${symbol}${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export class DynamicsStandIn implements StandIn {
  readonly hosts: string[];
  readonly seen: StandIn['seen'] = [];
  readonly orgId = '0a0b0c0d-0000-4000-8000-00000000c0de';
  readonly businessUnitId = '0b0b0b0b-0000-4000-8000-000000000b0b';
  /** Who is signed in (WhoAmI). */
  userId: string;
  /** The session's cookie value; e2e tests set the same value in the browser. */
  readonly sessionCookie = 'stand-in-owin-session-7f3a';
  /** Chromium sends the cookie; Node tests send none and leave this off. */
  cookieRequired = false;
  sessionValid = true;
  users: DynUser[];
  currencies: DynCurrency[];
  products: DynProduct[];
  accounts: DynAccount[];
  opportunities: DynOpportunity[];
  baseCurrency: string;
  /** Entity sets the signed-in user lacks read privilege on (403 0x80040220). */
  forbidden = new Set<string>();
  /**
   * Records the signed-in user may not read (another business unit's, a teammate's under
   * user-level read): left out of every list, 403 when asked for by id.
   */
  hidden = new Set<string>();
  /** Requests (counted over `seen`, 1-based) answered 429, with Retry-After seconds. */
  private limited = new Map<number, number>();
  /** A nextLink to hand out instead of the real one (tests of "never another host"). */
  nextLinkOverride?: string;
  /** The server's clock, for modifiedon (tests move it). */
  now: () => number = () => Date.now();

  constructor(data: DynamicsData = {}, o: { host?: string; now?: () => number } = {}) {
    this.hosts = [o.host ?? DYNAMICS_HOST];
    if (o.now) this.now = o.now;
    this.users = data.users ?? [{ systemuserid: guid(1, 'aaaa'), fullname: 'Jane Rep', internalemailaddress: 'jane@contoso.example' }];
    this.userId = this.users[0]!.systemuserid;
    this.baseCurrency = data.baseCurrency ?? 'USD';
    this.currencies = data.currencies ?? [
      { transactioncurrencyid: guid(1, 'cccc'), isocurrencycode: 'USD', currencysymbol: '$' },
      { transactioncurrencyid: guid(2, 'cccc'), isocurrencycode: 'EUR', currencysymbol: '€' },
      { transactioncurrencyid: guid(3, 'cccc'), isocurrencycode: 'JPY', currencysymbol: '¥' },
    ];
    this.products = data.products ?? [];
    const stamp = this.iso();
    this.accounts = (data.accounts ?? []).map((a) => ({ statecode: 0, createdon: stamp, modifiedon: stamp, owner: this.userId, ...a }));
    this.opportunities = (data.opportunities ?? []).map((o) => ({ modifiedon: stamp, owner: this.userId, currency: this.baseCurrency, lines: [], ...o }));
  }

  // ——— test controls ———

  /** The user signed out, or the session timed out: every request is 401. */
  endSession(): void {
    this.sessionValid = false;
  }
  /** The `nth` request from now (1 = the next one) is answered 429 with Retry-After. */
  limitRequest(nth: number, retryAfterSeconds = 2): void {
    this.limited.set(this.seen.length + nth, retryAfterSeconds);
  }
  /**
   * Hold the first request whose URL passes `which` (from now on) until the returned release is
   * called: a sync caught mid-way, for what the user sees while it runs.
   */
  hold(which: (url: string) => boolean): () => void {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    this.holds.push({ which, gate });
    return release;
  }
  private holds: Array<{ which: (url: string) => boolean; gate: Promise<void> }> = [];
  iso(): string {
    return new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  upsertAccount(a: DynAccount): void {
    const i = this.accounts.findIndex((x) => x.accountid === a.accountid);
    const stamp = this.iso();
    const row = { statecode: 0 as const, createdon: stamp, owner: this.userId, ...(i >= 0 ? this.accounts[i] : {}), ...a, modifiedon: stamp };
    if (i >= 0) this.accounts[i] = row;
    else this.accounts.push(row);
  }
  /** Delete an account; Dataverse cascades the delete to its opportunities (parental relationship). */
  deleteAccount(id: string): void {
    this.accounts = this.accounts.filter((a) => a.accountid !== id);
    this.opportunities = this.opportunities.filter((o) => o.parentaccountid !== id);
  }
  /** Merge: the subordinate is deactivated with masterid set; its opportunities move to the master. */
  merge(subordinate: string, master: string): void {
    const stamp = this.iso();
    for (const a of this.accounts) if (a.accountid === subordinate) Object.assign(a, { statecode: 1, masterid: master, modifiedon: stamp });
    for (const o of this.opportunities) if (o.parentaccountid === subordinate) Object.assign(o, { parentaccountid: master, modifiedon: stamp });
  }
  upsertOpportunity(o: DynOpportunity): void {
    const i = this.opportunities.findIndex((x) => x.opportunityid === o.opportunityid);
    const row = { owner: this.userId, currency: this.baseCurrency, lines: [], ...(i >= 0 ? this.opportunities[i] : {}), ...o, modifiedon: this.iso() };
    if (i >= 0) this.opportunities[i] = row;
    else this.opportunities.push(row);
  }
  /** Close as won (WinOpportunity): statecode 1, the close date and actual value set. */
  win(id: string, closeDate: string, actualvalue?: number): void {
    const o = this.opportunities.find((x) => x.opportunityid === id);
    if (!o) throw new Error(`no opportunity ${id}`);
    Object.assign(o, { statecode: 1, actualclosedate: closeDate, actualvalue: actualvalue ?? (o.lines ?? []).reduce((s, l) => s + l.extendedamount, 0), modifiedon: this.iso() });
  }
  /** Reopen a closed opportunity: statecode 0, close fields cleared. */
  reopen(id: string): void {
    for (const o of this.opportunities) if (o.opportunityid === id) Object.assign(o, { statecode: 0, actualclosedate: null, actualvalue: null, modifiedon: this.iso() });
  }
  lose(id: string): void {
    for (const o of this.opportunities) if (o.opportunityid === id) Object.assign(o, { statecode: 2, modifiedon: this.iso() });
  }
  deleteOpportunity(id: string): void {
    this.opportunities = this.opportunities.filter((o) => o.opportunityid !== id);
  }

  // ——— the API ———

  async handle(req: Request): Promise<Response> {
    const held = this.holds.findIndex((h) => h.which(decodeURIComponent(req.url)));
    if (held >= 0) await this.holds.splice(held, 1)[0]!.gate;
    return this.answer(req);
  }

  private answer(req: Request): Response {
    record(this, req);
    const n = this.seen.length;
    const url = new URL(req.url);
    if (!this.hosts.includes(url.hostname)) return new Response('Not found', { status: 404 });
    if (!this.signedIn(req)) {
      return new Response('', {
        status: 401,
        headers: { 'WWW-Authenticate': `Bearer authorization_uri=https://login.microsoftonline.com/${this.orgId}/oauth2/authorize, resource_id=https://${url.hostname}/` },
      });
    }
    const retryAfter = this.limited.get(n);
    if (retryAfter !== undefined) {
      this.limited.delete(n);
      return json({ error: { code: '0x80072322', message: 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.' } }, 429, { 'Retry-After': String(retryAfter) });
    }
    if (req.method !== 'GET') return this.error(new ODataError(405, '0x80060888', 'The stand-in is read-only: only GET is served.'));
    try {
      return this.get(url, req);
    } catch (e) {
      if (e instanceof ODataError) return this.error(e);
      throw e;
    }
  }

  private signedIn(req: Request): boolean {
    if (!this.sessionValid) return false;
    if (!this.cookieRequired) return true;
    const cookies = (req.headers.get('cookie') ?? '').split(/;\s*/);
    return cookies.includes(`${SESSION_COOKIE}=${this.sessionCookie}`);
  }

  private error(e: ODataError): Response {
    return json({ error: { code: e.code, message: e.message } }, e.status, { 'OData-Version': '4.0' });
  }

  private get(url: URL, req: Request): Response {
    if (!url.pathname.startsWith(`${API}/`)) throw new ODataError(404, '0x8006088a', `Resource not found for the segment '${url.pathname}'.`);
    const path = decodeURIComponent(url.pathname.slice(API.length + 1));
    const base = `https://${url.hostname}${API}`;
    if (path === 'WhoAmI' || path === 'WhoAmI()') {
      return json({ '@odata.context': `${base}/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`, BusinessUnitId: this.businessUnitId, UserId: this.userId, OrganizationId: this.orgId }, 200, { 'OData-Version': '4.0' });
    }
    const m = /^([a-z]+)(?:\(([0-9a-f-]{36})\))?$/.exec(path);
    if (!m) throw new ODataError(404, '0x8006088a', `Resource not found for the segment '${path}'.`);
    const q = this.parse(m[1]!, m[2], url.searchParams);
    const def = this.def(q.set);
    if (this.forbidden.has(q.set)) {
      const privilege = `prvRead${def.type[0]!.toUpperCase()}${def.type.slice(1)}`;
      throw new ODataError(403, '0x80040220', `Principal user (Id=${this.userId}, type=8, roleCount=1, privilegeCount=412, accessMode=0), is missing ${privilege} privilege (Id=${guid(220, 'eeee')}) on OTC=1 for entity '${def.type}'. context.Caller=${this.userId}`);
    }
    const prefer = (req.headers.get('prefer') ?? '').toLowerCase();
    const annotations = /odata\.include-annotations="(\*|odata\.community\.display\.v1\.formattedvalue|[^"]*formattedvalue[^"]*)"/.exec(prefer);
    const formatted = !!annotations;
    const allAnnotations = annotations?.[1] === '*';
    const applied: string[] = [];
    if (annotations) applied.push(`odata.include-annotations="${annotations[1] === '*' ? '*' : 'OData.Community.Display.V1.FormattedValue'}"`);
    let rows = def.rows().filter((r) => !this.hidden.has(String(r[def.key])));
    if (q.key && this.hidden.has(q.key)) {
      throw new ODataError(403, '0x80040220', `SecLib::AccessCheckEx failed. Returned hr = -2147187962, ObjectID: ${q.key}, OwnerId: ${guid(9, 'aaaa')},  OwnerIdType: 8 and CallingUser: ${this.userId}. ObjectTypeCode: 1, objectBusinessUnitId: ${this.businessUnitId}, AccessRights: ReadAccess`);
    }
    if (q.key) {
      const row = rows.find((r) => r[def.key] === q.key);
      if (!row) throw new ODataError(404, '0x80040217', `${def.type} With Id = ${q.key} Does Not Exist`);
      return json({ '@odata.context': `${base}/$metadata#${q.set}/$entity`, ...this.shape(def, row, q, formatted, allAnnotations) }, 200, { 'OData-Version': '4.0', ...(applied.length ? { 'Preference-Applied': applied.join(',') } : {}) });
    }
    if (q.filter) rows = rows.filter(this.predicate(def, q.filter));
    // $count=true: the query's rows, but never past 5,000 (Dataverse's cap on @odata.count).
    const count = q.count ? Math.min(rows.length, 5000) : undefined;
    rows = [...rows].sort((a, b) => String(a[def.key]).localeCompare(String(b[def.key])));
    if (q.skipAfter) rows = rows.filter((r) => String(r[def.key]) > q.skipAfter!);
    const sizeMatch = /odata\.maxpagesize=(\d+)/.exec(prefer);
    const size = Math.min(5000, sizeMatch ? Number(sizeMatch[1]) : 5000);
    if (sizeMatch) applied.push(`odata.maxpagesize=${sizeMatch[1]}`);
    const page = rows.slice(0, size);
    const body: Record<string, unknown> = {
      '@odata.context': `${base}/$metadata#${q.set}${q.select ? `(${q.select.join(',')})` : ''}`,
      ...(count !== undefined ? { '@odata.count': count } : {}),
      value: page.map((r) => this.shape(def, r, q, formatted, allAnnotations)),
    };
    if (rows.length > size) {
      const last = String(page[page.length - 1]![def.key]).toUpperCase();
      const first = String(page[0]![def.key]).toUpperCase();
      const inner = `<cookie page="${q.pageNumber}"><${def.key} last="{${last}}" first="{${first}}" /></cookie>`;
      const token = `<cookie pagenumber="${q.pageNumber + 1}" pagingcookie="${encodeURIComponent(encodeURIComponent(inner))}" istracking="False" />`;
      const next = new URL(url.href);
      next.searchParams.set('$skiptoken', token);
      body['@odata.nextLink'] = this.nextLinkOverride ?? next.href.replace(/\+/g, '%20');
    }
    return json(body, 200, { 'OData-Version': '4.0', ...(applied.length ? { 'Preference-Applied': applied.join(',') } : {}) });
  }

  private parse(set: string, key: string | undefined, p: URLSearchParams): Query {
    for (const k of p.keys()) {
      if (k === '$skip') throw new ODataError(400, '0x80060888', 'The query parameter $skip is not supported.');
      if (!['$select', '$filter', '$expand', '$skiptoken', '$orderby', '$top', '$count'].includes(k)) throw new ODataError(400, '0x80060888', `The query parameter '${k}' is not supported.`);
    }
    const expand = new Map<string, string[]>();
    for (const part of splitTop(p.get('$expand') ?? '', ',')) {
      const em = /^([a-z_]+)(?:\(\$select=([a-z_,]+)\))?$/.exec(part);
      if (!em) throw new ODataError(400, '0x80060888', `Syntax error in $expand at '${part}'.`);
      expand.set(em[1]!, em[2] ? em[2].split(',') : []);
    }
    let skipAfter: string | undefined;
    let pageNumber = 1;
    const token = p.get('$skiptoken');
    if (token) {
      const pm = /pagenumber="(\d+)"/.exec(token);
      const cm = /pagingcookie="([^"]*)"/.exec(token);
      const inner = cm ? decodeURIComponent(decodeURIComponent(cm[1]!)) : '';
      const lm = /last="\{([0-9A-Fa-f-]{36})\}"/.exec(inner);
      if (!pm || !lm) throw new ODataError(400, '0x80060888', 'The $skiptoken is not valid.');
      pageNumber = Number(pm[1]);
      skipAfter = lm[1]!.toLowerCase();
    }
    const select = p.get('$select')?.split(',').map((s) => s.trim());
    return { set, ...(p.get('$count') === 'true' ? { count: true } : {}), ...(key ? { key } : {}), ...(select ? { select } : {}), ...(p.get('$filter') ? { filter: p.get('$filter')! } : {}), expand, ...(skipAfter ? { skipAfter } : {}), pageNumber };
  }

  private currencyById(id: string): DynCurrency | undefined {
    return this.currencies.find((c) => c.transactioncurrencyid === id);
  }
  private currencyOf(iso: string | undefined): DynCurrency {
    const c = this.currencies.find((x) => x.isocurrencycode === iso);
    if (!c) throw new Error(`the stand-in has no currency ${iso}`);
    return c;
  }

  private def(set: string): EntityDef {
    switch (set) {
      case 'accounts':
        return {
          type: 'account',
          key: 'accountid',
          rows: () => this.accounts.map((a) => ({
            accountid: a.accountid, name: a.name, websiteurl: a.websiteurl ?? null, customertypecode: a.customertypecode ?? null,
            statecode: a.statecode ?? 0, statuscode: (a.statecode ?? 0) === 0 ? 1 : 2, createdon: a.createdon, modifiedon: a.modifiedon,
            _ownerid_value: a.owner ?? null, _owninguser_value: a.owner ?? null, _masterid_value: a.masterid ?? null,
          })),
          lookups: { _ownerid_value: ['ownerid', 'systemusers', 'systemuser'], _owninguser_value: ['owninguser', 'systemusers', 'systemuser'], _masterid_value: ['masterid', 'accounts', 'account'] },
          formatted: (r) => ({
            statecode: r.statecode === 0 ? 'Active' : 'Inactive',
            ...(typeof r.customertypecode === 'number' ? { customertypecode: CUSTOMER_TYPE[r.customertypecode] ?? '' } : {}),
            ...(r.createdon ? { createdon: new Date(String(r.createdon)).toLocaleString('en-US') } : {}),
            ...(r.modifiedon ? { modifiedon: new Date(String(r.modifiedon)).toLocaleString('en-US') } : {}),
          }),
        };
      case 'opportunities':
        return {
          type: 'opportunity',
          key: 'opportunityid',
          rows: () => this.opportunities.map((o) => ({
            opportunityid: o.opportunityid, name: o.name, statecode: o.statecode, statuscode: STATUS[o.statecode]![0],
            actualclosedate: o.actualclosedate ?? null, actualvalue: o.actualvalue ?? null, modifiedon: o.modifiedon,
            _parentaccountid_value: o.parentaccountid ?? null, _customerid_value: o.parentaccountid ?? null,
            _transactioncurrencyid_value: this.currencyOf(o.currency).transactioncurrencyid, _ownerid_value: o.owner ?? null,
          })),
          lookups: { _parentaccountid_value: ['parentaccountid', 'accounts', 'account'], _customerid_value: ['customerid_account', 'accounts', 'account'], _transactioncurrencyid_value: ['transactioncurrencyid', 'transactioncurrencies', 'transactioncurrency'], _ownerid_value: ['ownerid', 'systemusers', 'systemuser'] },
          formatted: (r) => {
            const cur = this.currencyById(String(r._transactioncurrencyid_value));
            return {
              statecode: STATE[r.statecode as number]!, statuscode: STATUS[r.statecode as number]![1],
              ...(typeof r.actualvalue === 'number' ? { actualvalue: money(r.actualvalue, cur?.currencysymbol ?? '') } : {}),
              ...(r.actualclosedate ? { actualclosedate: new Date(`${String(r.actualclosedate)}T00:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC' }) } : {}),
            };
          },
        };
      case 'opportunityproducts':
        return {
          type: 'opportunityproduct',
          key: 'opportunityproductid',
          rows: () => this.opportunities.flatMap((o) => (o.lines ?? []).map((l) => ({
            opportunityproductid: l.opportunityproductid, _opportunityid_value: o.opportunityid, _productid_value: l.productid ?? null,
            productdescription: l.productdescription ?? null, isproductoverridden: !l.productid, extendedamount: l.extendedamount,
            _transactioncurrencyid_value: this.currencyOf(o.currency).transactioncurrencyid,
          }))),
          lookups: { _opportunityid_value: ['opportunityid', 'opportunities', 'opportunity'], _productid_value: ['productid', 'products', 'product'], _transactioncurrencyid_value: ['transactioncurrencyid', 'transactioncurrencies', 'transactioncurrency'] },
          formatted: (r) => {
            const cur = this.currencyById(String(r._transactioncurrencyid_value));
            return { extendedamount: money(r.extendedamount as number, cur?.currencysymbol ?? '') };
          },
        };
      case 'systemusers':
        return { type: 'systemuser', key: 'systemuserid', rows: () => this.users.map((u) => ({ systemuserid: u.systemuserid, fullname: u.fullname, internalemailaddress: u.internalemailaddress ?? null })), lookups: {} };
      case 'transactioncurrencies':
        return { type: 'transactioncurrency', key: 'transactioncurrencyid', rows: () => this.currencies.map((c) => ({ ...c })), lookups: {} };
      case 'products':
        return { type: 'product', key: 'productid', rows: () => this.products.map((p) => ({ ...p })), lookups: {} };
      case 'organizations':
        return {
          type: 'organization',
          key: 'organizationid',
          rows: () => [{ organizationid: this.orgId, name: 'Contoso', _basecurrencyid_value: this.currencyOf(this.baseCurrency).transactioncurrencyid }],
          lookups: { _basecurrencyid_value: ['basecurrencyid', 'transactioncurrencies', 'transactioncurrency'] },
        };
      default:
        throw new ODataError(404, '0x8006088a', `Resource not found for the segment '${set}'.`);
    }
  }

  /** The row with only the selected columns (all when no $select), annotations and expansions. */
  private shape(def: EntityDef, row: Row, q: Query, formatted: boolean, all: boolean): Row {
    const cols = q.select ?? Object.keys(row);
    for (const c of cols) if (!(c in row)) throw new ODataError(400, '0x80060888', `Could not find a property named '${c}' on type 'Microsoft.Dynamics.CRM.${def.type}'.`);
    const out: Row = { '@odata.etag': `W/"${1000 + String(row[def.key]).length}"` };
    const fmt = formatted && def.formatted ? def.formatted(row) : {};
    for (const c of cols) {
      out[c] = row[c];
      const lookup = def.lookups[c];
      if (lookup && row[c] != null) {
        if (formatted) out[`${c}${FORMATTED}`] = this.nameOf(lookup[1], String(row[c]));
        if (all) out[`${c}${LOOKUP_NAME}`] = lookup[2];
      } else if (fmt[c] !== undefined) out[`${c}${FORMATTED}`] = fmt[c];
    }
    if (!(def.key in out)) out[def.key] = row[def.key];
    for (const [nav, select] of q.expand) {
      const entry = Object.entries(def.lookups).find(([, l]) => l[0] === nav);
      if (!entry) throw new ODataError(400, '0x80060888', `Could not find a property named '${nav}' on type 'Microsoft.Dynamics.CRM.${def.type}'.`);
      const target = this.def(entry[1][1]);
      const related = row[entry[0]] == null ? undefined : target.rows().find((r) => r[target.key] === row[entry[0]]);
      out[nav] = related ? this.shape(target, related, { set: entry[1][1], select, expand: new Map(), pageNumber: 1 }, formatted, all) : null;
    }
    return out;
  }

  private nameOf(set: string, id: string): string {
    const def = this.def(set);
    const row = def.rows().find((r) => r[def.key] === id);
    return String(row?.name ?? row?.fullname ?? row?.isocurrencycode ?? '');
  }

  /** A $filter of `col op literal` terms joined by `and`/`or` (no parentheses but In()), as the client writes them. */
  private predicate(def: EntityDef, filter: string): (r: Row) => boolean {
    const ors = splitTop(filter, ' or ');
    const terms = ors.map((or) => splitTop(or, ' and ').map((t) => this.term(def, t)));
    return (r) => terms.some((ands) => ands.every((t) => t(r)));
  }

  private term(def: EntityDef, t: string): (r: Row) => boolean {
    const known = def.rows()[0] ?? {};
    const check = (col: string) => {
      if (!(col in known) && def.rows().length) throw new ODataError(400, '0x80060888', `Could not find a property named '${col}' on type 'Microsoft.Dynamics.CRM.${def.type}'.`);
    };
    const inm = /^Microsoft\.Dynamics\.CRM\.In\(PropertyName='([a-z_]+)',PropertyValues=\[(.*)\]\)$/.exec(t);
    if (inm) {
      const col = def.lookups[`_${inm[1]}_value`] ? `_${inm[1]}_value` : inm[1]!;
      check(col);
      const values = new Set(splitTop(inm[2]!, ',').map((v) => v.replace(/^'|'$/g, '').toLowerCase()));
      return (r) => values.has(String(r[col]).toLowerCase());
    }
    const m = /^([a-z_]+) (eq|ne|ge|gt|le|lt) (.+)$/.exec(t);
    if (!m) throw new ODataError(400, '0x80060888', `Syntax error at position 0 in '${t}'.`);
    const [, col, op, raw] = m as unknown as [string, string, string, string];
    check(col);
    const literal: unknown = raw === 'null' ? null : /^'.*'$/.test(raw) ? raw.slice(1, -1) : /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
    const dateLike = typeof literal === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(literal);
    if (dateLike && Number.isNaN(Date.parse(literal))) throw new ODataError(400, '0x80060888', `The DateTimeOffset text '${literal}' should be in format 'yyyy-mm-ddThh:mm:ss('.'s+)?(zzzzzz)?'.`);
    return (r) => {
      let a = r[col];
      let b = literal;
      if (dateLike) {
        a = a == null ? null : Date.parse(String(a));
        b = Date.parse(String(literal));
      }
      if (typeof a === 'string' && typeof b === 'string') {
        a = a.toLowerCase();
        b = b.toLowerCase();
      }
      switch (op) {
        case 'eq': return a === b;
        case 'ne': return a !== b;
        default: {
          if (a == null || b == null) return false;
          const x = a as number;
          const y = b as number;
          return op === 'ge' ? x >= y : op === 'gt' ? x > y : op === 'le' ? x <= y : x < y;
        }
      }
    };
  }
}
