/**
 * Dynamics 365 (Dataverse Web API v9.2) read with the browser's own signed-in session: the
 * background's fetch carries the org's cookies (credentials: 'include', allowed by the host
 * permission for that one org), so there is no token to paste, keep or leak.
 *
 * What is read (see tests/crm-api/dynamics.ts for the API facts and their sources):
 *   - accounts with their owning user's email (owner → rep), Relationship Type (prospect), and
 *     merges (a merged-away account is inactive with `masterid` naming the master);
 *   - won opportunities (statecode 1) with their currency's ISO code and, per page, their
 *     opportunity products in one query of their own (a collection-valued $expand may answer
 *     from a cache, and has paging of its own);
 *   - removals: the ids Holdfast holds (ReadOptions.known) that the user's lists of accounts
 *     and won opportunities no longer show, each confirmed by reading the record itself (404:
 *     deleted; a deal not won any more: reopened or lost; 403: another user's record, kept).
 *     Without `known`, the opportunities reopened or lost since the last read. Dataverse change
 *     tracking would need a delta token kept between syncs, which expires with the org's
 *     retention and rules out $filter and $expand.
 * Incremental reads filter on `modifiedon ge <since>`.
 */
import * as z from 'zod/mini';
import { clientContext, getJson, nextCursor, type ClientDeps, type RequestContext } from './http';
import { CrmError } from './errors';
import type { CrmAccount, CrmClient, CrmDeal, CrmFetch, CrmIdentity, CrmLine, CrmPage, CrmRemoval, ReadOptions } from './types';

const API = '/api/data/v9.2';
const FORMATTED = '@OData.Community.Display.V1.FormattedValue';
/** Records per page: well under Dataverse's 5,000, so progress moves and a page's product query stays short. */
export const DYNAMICS_PAGE_SIZE = 250;
/** Id-only reads for deletions: the most Dataverse serves in a page. */
const ID_PAGE_SIZE = 5000;
/**
 * Records checked one by one for deletion in a sync. Normally only the few really deleted are
 * missing from the lists; when many are (teammates' records this user cannot read), a random
 * share is checked each sync, so every deletion is found over a few syncs.
 */
export const MAX_CHECKS = 200;
/** Relationship Type (customertypecode) values: 3 Customer, 8 Prospect. */
const CUSTOMER = 3;
const PROSPECT = 8;

const Guid = z.string().check(z.regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/));
const str = z.optional(z.nullable(z.string()));
const num = z.optional(z.nullable(z.number()));

const WhoAmI = z.object({ UserId: Guid, OrganizationId: Guid, BusinessUnitId: Guid });
const SystemUser = z.object({ fullname: str, internalemailaddress: str });
const Organizations = z.object({ value: z.array(z.object({ name: str, basecurrencyid: z.optional(z.nullable(z.object({ isocurrencycode: str }))) })) });

const page = <T extends z.ZodMiniType>(row: T) => z.object({ value: z.array(row), '@odata.nextLink': z.optional(z.string()), '@odata.count': z.optional(z.number()) });
/** Dataverse counts a query's rows up to this many ($count=true); at it, the count says nothing. */
const COUNT_CAP = 5000;

const AccountRow = z.object({
  accountid: Guid,
  name: str,
  websiteurl: str,
  customertypecode: num,
  statecode: num,
  _masterid_value: str,
  [`_ownerid_value${FORMATTED}`]: str,
  owninguser: z.optional(z.nullable(z.object({ fullname: str, internalemailaddress: str }))),
});
const OpportunityRow = z.object({
  opportunityid: Guid,
  name: str,
  actualclosedate: str,
  actualvalue: num,
  modifiedon: str,
  _parentaccountid_value: str,
  [`_parentaccountid_value${FORMATTED}`]: str,
  transactioncurrencyid: z.optional(z.nullable(z.object({ isocurrencycode: str }))),
});
const ProductRow = z.object({
  opportunityproductid: Guid,
  _opportunityid_value: Guid,
  _productid_value: str,
  [`_productid_value${FORMATTED}`]: str,
  productdescription: str,
  extendedamount: num,
});
const AccountId = z.object({ accountid: Guid });
const RecordState = z.object({ statecode: num });
const OpportunityId = z.object({ opportunityid: Guid });
const DataverseError = z.object({ error: z.object({ code: z.optional(z.string()), message: z.optional(z.string()) }) });

type AccountRow = z.infer<typeof AccountRow>;
type OpportunityRow = z.infer<typeof OpportunityRow>;
type ProductRow = z.infer<typeof ProductRow>;

/** Dataverse's error codes that say "wait": requests, execution time, concurrent requests (api-limits). */
const THROTTLED = new Set(['0x80072322', '0x80072321', '0x80072326']);
/** Privilege missing, user disabled or without a licence: this user cannot read through the API. */
const NO_ACCESS = new Set(['0x80040220', '0x80040225', '0x8004d24b', '0x80048306']);

/** Dataverse's error body → a CrmError; the generic reading by status for the rest. */
export function classifyDynamics(status: number, body: unknown, res: Response): CrmError | undefined {
  const parsed = z.safeParse(DataverseError, body);
  const code = parsed.success ? (parsed.data.error.code ?? '').toLowerCase() : '';
  const message = parsed.success ? (parsed.data.error.message ?? '') : '';
  const detail = (code ? `${code}: ${message}` : message || `HTTP ${status}`).slice(0, 300);
  if (status === 401) {
    const challenge = res.headers.get('www-authenticate') ? ' (the sign-in has ended)' : '';
    return new CrmError('signed_out', `HTTP 401${challenge}`, undefined, status);
  }
  if (status === 429 || THROTTLED.has(code)) return undefined; // errorByStatus keeps Retry-After
  if (NO_ACCESS.has(code)) return new CrmError('no_api_access', detail, undefined, status);
  if (status === 403) return new CrmError('no_api_access', detail, undefined, status);
  if (status >= 400 && status < 500) return new CrmError('bad_response', detail, undefined, status);
  return undefined;
}

const lower = (id: string) => id.toLowerCase();

/** Up to `n` of `items`, a random choice when there are more (Fisher–Yates on a copy). */
function pick<T>(items: T[], n: number, random: () => number): T[] {
  if (items.length <= n) return items;
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, n);
}
const present = (s: string | null | undefined): string | undefined => (s && s.trim() ? s.trim() : undefined);
const dateOnly = (s: string | null | undefined): string | undefined => (s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : undefined);
/** An OData DateTimeOffset literal (no quotes, seconds precision, UTC). */
const odataInstant = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function accountOf(r: AccountRow): CrmAccount {
  const a: CrmAccount = { id: lower(r.accountid), name: present(r.name) ?? '' };
  const website = present(r.websiteurl);
  if (website) a.website = website;
  const email = present(r.owninguser?.internalemailaddress);
  if (email) a.ownerEmail = email.toLowerCase();
  const ownerName = present(r.owninguser?.fullname) ?? present(r[`_ownerid_value${FORMATTED}`]);
  if (ownerName) a.ownerName = ownerName;
  if (r.customertypecode === PROSPECT) a.prospect = true;
  else if (r.customertypecode === CUSTOMER) a.prospect = false;
  return a;
}

export function lineOf(r: ProductRow): CrmLine | undefined {
  if (typeof r.extendedamount !== 'number') return undefined;
  return { id: lower(r.opportunityproductid), product: present(r[`_productid_value${FORMATTED}`]) ?? present(r.productdescription) ?? '', amount: r.extendedamount };
}

export function dealOf(r: OpportunityRow, lines: CrmLine[], orgCurrency: string | undefined): CrmDeal | undefined {
  const closeDate = dateOnly(r.actualclosedate) ?? dateOnly(r.modifiedon);
  const currency = present(r.transactioncurrencyid?.isocurrencycode) ?? orgCurrency;
  if (!closeDate || !currency) return undefined;
  const d: CrmDeal = { id: lower(r.opportunityid), closeDate, currency: currency.toUpperCase(), lines };
  const name = present(r.name);
  if (name) d.name = name;
  if (r._parentaccountid_value) d.accountId = lower(r._parentaccountid_value);
  const accountName = present(r[`_parentaccountid_value${FORMATTED}`]);
  if (accountName) d.accountName = accountName;
  if (typeof r.actualvalue === 'number') d.amount = r.actualvalue;
  return d;
}

export interface DynamicsOptions extends ClientDeps {
  /** The org's host, from lib/crm/address.ts dynamicsApiHost ("contoso.crm4.dynamics.com"). */
  apiHost: string;
  pageSize?: number;
}

export function dynamicsClient(o: DynamicsOptions): CrmClient {
  const host = o.apiHost.toLowerCase();
  const base = `https://${host}${API}`;
  const size = o.pageSize ?? DYNAMICS_PAGE_SIZE;

  /**
   * Only this org's host is ever asked, with its cookies: a nextLink elsewhere is refused. A
   * request the session no longer covers may be redirected to the sign-in page: signed out.
   */
  const fetchHere: CrmFetch = async (url, init) => {
    if (new URL(url).hostname !== host) throw new CrmError('bad_response', `refused to follow a link to another host (${new URL(url).hostname})`);
    const res = await o.fetch(url, init);
    if (res.redirected && res.url && new URL(res.url).hostname !== host) throw new CrmError('signed_out', `redirected to ${new URL(res.url).hostname}`, undefined, 401);
    return res;
  };

  const ctx = (signal: AbortSignal | undefined, pageSize = size): RequestContext =>
    clientContext(
      o,
      {
        fetch: fetchHere,
        headers: () => ({
          'OData-MaxVersion': '4.0',
          'OData-Version': '4.0',
          Prefer: `odata.include-annotations="OData.Community.Display.V1.FormattedValue",odata.maxpagesize=${pageSize}`,
        }),
        credentials: 'include',
        classify: classifyDynamics,
      },
      signal,
    );

  const url = (set: string, params: Record<string, string | undefined>) => {
    const q = Object.entries(params)
      .filter((e): e is [string, string] => e[1] !== undefined)
      .map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ',').replace(/%24/g, '$').replace(/%3D/g, '=').replace(/%28/g, '(').replace(/%29/g, ')')}`)
      .join('&');
    return `${base}/${set}${q ? `?${q}` : ''}`;
  };

  /** Every page of a query, following @odata.nextLink; `total`: the query's rows when $count=true said (under the cap). */
  async function* pages<T extends z.ZodMiniType>(c: RequestContext, first: string, row: T): AsyncGenerator<Array<z.infer<T>> & { total?: number }> {
    const given = new Set<string>([first]);
    let next: string | undefined = first;
    while (next) {
      const body: { value: Array<z.infer<T>>; '@odata.nextLink'?: string | undefined; '@odata.count'?: number | undefined } = await getJson(c, next, page(row));
      const count = body['@odata.count'];
      yield Object.assign(body.value, count !== undefined && count < COUNT_CAP ? { total: count } : {});
      next = nextCursor(given, body['@odata.nextLink']);
    }
  }

  async function orgCurrency(c: RequestContext): Promise<string | undefined> {
    const org = await getJson(c, url('organizations', { $select: 'name', $expand: 'basecurrencyid($select=isocurrencycode)' }), Organizations);
    return present(org.value[0]?.basecurrencyid?.isocurrencycode)?.toUpperCase();
  }

  async function productsOf(c: RequestContext, ids: string[]): Promise<Map<string, CrmLine[]>> {
    const out = new Map<string, CrmLine[]>(ids.map((id) => [id, []]));
    if (!ids.length) return out;
    const filter = `Microsoft.Dynamics.CRM.In(PropertyName='opportunityid',PropertyValues=[${ids.map((id) => `'${id}'`).join(',')}])`;
    const first = url('opportunityproducts', { $select: 'opportunityproductid,_opportunityid_value,_productid_value,productdescription,extendedamount', $filter: filter });
    for await (const rows of pages(c, first, ProductRow)) {
      for (const r of rows) {
        const line = lineOf(r);
        if (line) out.get(lower(r._opportunityid_value))?.push(line);
      }
    }
    return out;
  }

  /**
   * Is this record gone for Holdfast? Deleted (404), or a deal no longer won. A record this
   * user may not read (403) is someone else's, not gone.
   */
  async function gone(c: RequestContext, set: 'accounts' | 'opportunities', id: string): Promise<boolean> {
    try {
      const row = await getJson(c, `${base}/${set}(${id})?$select=statecode`, RecordState);
      return set === 'opportunities' && row.statecode !== 1;
    } catch (e) {
      if (e instanceof CrmError && e.status === 404) return true;
      if (e instanceof CrmError && e.status === 403) return false;
      throw e;
    }
  }

  const modifiedSince = (since: string | undefined) => (since ? `modifiedon ge ${odataInstant(since)}` : undefined);
  const and = (...terms: Array<string | undefined>) => terms.filter(Boolean).join(' and ') || undefined;

  return {
    product: 'dynamics',

    async whoAmI(signal?: AbortSignal): Promise<CrmIdentity> {
      const c = ctx(signal);
      const me = await getJson(c, `${base}/WhoAmI`, WhoAmI);
      const user = await getJson(c, `${base}/systemusers(${lower(me.UserId)})?$select=fullname,internalemailaddress`, SystemUser);
      const currency = await orgCurrency(c);
      const id: CrmIdentity = { tenant: host, apiHost: host };
      const userName = present(user.fullname);
      if (userName) id.userName = userName;
      const userEmail = present(user.internalemailaddress);
      if (userEmail) id.userEmail = userEmail.toLowerCase();
      if (currency) id.currency = currency;
      return id;
    },

    async *read(r: ReadOptions): AsyncIterable<CrmPage> {
      const c = ctx(r.signal);
      const since = modifiedSince(r.since);

      const accounts = url('accounts', {
        $select: 'accountid,name,websiteurl,customertypecode,statecode,_masterid_value,_ownerid_value',
        $expand: 'owninguser($select=internalemailaddress,fullname)',
        $filter: since,
        $count: 'true',
      });
      for await (const rows of pages(c, accounts, AccountRow)) {
        const out: CrmAccount[] = [];
        const merged: CrmRemoval[] = [];
        for (const row of rows) {
          if (row.statecode === 1 && row._masterid_value) merged.push({ id: lower(row.accountid), mergedInto: lower(row._masterid_value) });
          else out.push(accountOf(row));
        }
        yield { accounts: out, deals: [], removedAccounts: merged, removedDeals: [], records: rows.length, phase: 'accounts', ...(rows.total !== undefined ? { totalInPhase: rows.total } : {}) };
      }

      const currency = await orgCurrency(c);
      const won = url('opportunities', {
        $select: 'opportunityid,name,actualclosedate,actualvalue,modifiedon,_parentaccountid_value',
        $expand: 'transactioncurrencyid($select=isocurrencycode)',
        $filter: and('statecode eq 1', since),
      });
      for await (const rows of pages(c, won, OpportunityRow)) {
        const lines = await productsOf(c, rows.map((row) => lower(row.opportunityid)));
        const deals: CrmDeal[] = [];
        let lineCount = 0;
        for (const row of rows) {
          const deal = dealOf(row, lines.get(lower(row.opportunityid)) ?? [], currency);
          if (!deal) continue;
          deals.push(deal);
          lineCount += deal.lines.length;
        }
        yield { accounts: [], deals, removedAccounts: [], removedDeals: [], records: rows.length + lineCount, phase: 'deals' };
      }

      if (r.known) {
        // Deletions: what Holdfast holds that this user's lists no longer show, each confirmed
        // by asking for the record itself — a list leaves out records this user may not read
        // (a teammate's, shared through team sync), which are not deleted: 404 is, 403 is not.
        const known = await r.known();
        const idCtx = ctx(r.signal, ID_PAGE_SIZE);
        const accountIds = new Set<string>();
        for await (const rows of pages(idCtx, url('accounts', { $select: 'accountid' }), AccountId)) for (const row of rows) accountIds.add(lower(row.accountid));
        const wonIds = new Set<string>();
        for await (const rows of pages(idCtx, url('opportunities', { $select: 'opportunityid', $filter: 'statecode eq 1' }), OpportunityId)) for (const row of rows) wonIds.add(lower(row.opportunityid));
        const isGuid = (id: string) => z.safeParse(Guid, id).success;
        const missingAccounts = [...new Set([...known.accounts].map(lower))].filter((id) => isGuid(id) && !accountIds.has(id));
        const missingDeals = [...new Set([...known.deals].map(lower))].filter((id) => isGuid(id) && !wonIds.has(id));
        const removedAccounts: CrmRemoval[] = [];
        const removedDeals: string[] = [];
        for (const [kind, id] of pick([...missingAccounts.map((id) => ['account', id] as const), ...missingDeals.map((id) => ['deal', id] as const)], MAX_CHECKS, o.random ?? Math.random)) {
          if (kind === 'account' && (await gone(c, 'accounts', id))) removedAccounts.push({ id });
          if (kind === 'deal' && (await gone(c, 'opportunities', id))) removedDeals.push(id);
        }
        yield { accounts: [], deals: [], removedAccounts, removedDeals, records: removedAccounts.length + removedDeals.length, phase: 'removals' };
      } else if (since) {
        // Without the ids Holdfast holds: at least the deals reopened or lost since the last read.
        const notWon = url('opportunities', { $select: 'opportunityid', $filter: and('statecode ne 1', since) });
        for await (const rows of pages(ctx(r.signal, ID_PAGE_SIZE), notWon, OpportunityId)) {
          const removedDeals = rows.map((row) => lower(row.opportunityid));
          yield { accounts: [], deals: [], removedAccounts: [], removedDeals, records: removedDeals.length, phase: 'removals' };
        }
      }
    },
  };
}
