/**
 * Salesforce, read through its REST API (issue 16) with the session the rep already has: the
 * background reads the `sid` cookie of the org's My Domain host (the Lightning host's cookie is
 * not API-enabled), as Salesforce Inspector does, and sends it as a bearer token to that host
 * only. The sid is asked from `session()` for every request and never kept: not in a field, not
 * in an error, not in a log.
 *
 * What is read (SOQL through /query, following nextRecordsUrl; /queryAll for the recycle bin):
 *   accounts       Id, Name, Website, Type (→ prospect), Owner.Name, Owner.Email, and the org's
 *                  Customer_Since__c when it has added one;
 *   won deals      Opportunity WHERE IsWon = true with Account.Name, CloseDate, Amount, Type,
 *                  CurrencyIsoCode (multi-currency orgs only) and their OpportunityLineItems
 *                  (Product2.Name, TotalPrice) as a subquery;
 *   removals       (incremental reads only) deleted accounts (MasterRecordId: merged), deleted
 *                  opportunities, and opportunities changed since that are no longer won.
 * Incremental reads ask for SystemModstamp >= since (it moves on every change, including
 * deletes and the roll-up of line items into the opportunity's amount).
 *
 * Fields an org may lack (CurrencyIsoCode in a single-currency org, Customer_Since__c) are
 * asked for, and dropped when Salesforce answers INVALID_FIELD — which is also its answer
 * when the field exists but the rep's profile cannot see it.
 */
import * as z from 'zod/mini';
import { parseProspect } from '../import/crm-values';
import { salesforceId18 } from '../sites/salesforce';
import { CrmError } from './errors';
import { clientContext, getJson, nextCursor, type ClientDeps, type RequestContext } from './http';
import type { CrmAccount, CrmClient, CrmDeal, CrmIdentity, CrmPage, CrmRemoval, ReadOptions } from './types';

/** Spring '25: supported for years to come, and every field read here exists in it. */
export const SALESFORCE_API_VERSION = 'v63.0';

export interface SalesforceClientOptions extends ClientDeps {
  apiHost: string;
  /** The `sid` cookie of `apiHost`, read afresh for each request; undefined when signed out. */
  session: () => Promise<string | undefined>;
  apiVersion?: string;
}

const ErrorBody = z.array(z.looseObject({ errorCode: z.string(), message: z.optional(z.string()) }));

/** Salesforce's error array → what the rep should do. The message never holds the session id. */
export function classifySalesforce(status: number, body: unknown): CrmError | undefined {
  const parsed = z.safeParse(ErrorBody, body);
  const first = parsed.success ? parsed.data[0] : undefined;
  if (!first) return undefined;
  const detail = `${first.errorCode}: ${(first.message ?? '').trim().split('\n').pop()!.slice(0, 300)}`;
  switch (first.errorCode) {
    case 'INVALID_SESSION_ID':
      return new CrmError('signed_out', detail, undefined, status);
    case 'REQUEST_LIMIT_EXCEEDED':
      return new CrmError('rate_limited', detail, undefined, status);
    case 'API_DISABLED_FOR_ORG':
    case 'API_CURRENTLY_DISABLED':
      return new CrmError('no_api_access', detail, undefined, status);
    case 'INSUFFICIENT_ACCESS':
    case 'INSUFFICIENT_ACCESS_OR_READONLY':
      return new CrmError('no_api_access', detail, undefined, status);
    default:
      return status >= 500 ? new CrmError('server', detail, undefined, status) : new CrmError('bad_response', detail, undefined, status);
  }
}

// --- response shapes ------------------------------------------------------------------------

const str = z.nullish(z.string());
const num = z.nullish(z.number());
const QueryResult = <T extends z.ZodMiniType>(rec: T) =>
  z.object({ totalSize: z.number(), done: z.boolean(), nextRecordsUrl: z.optional(z.string()), records: z.array(rec) });

const Named = z.nullish(z.looseObject({ Name: str, Email: str }));
const AccountRec = z.looseObject({ Id: z.string(), Name: str, Website: str, Type: str, Owner: Named, Customer_Since__c: str });
const LineRec = z.looseObject({ Id: z.string(), TotalPrice: num, Product2: Named, Name: str });
const LineResult = QueryResult(LineRec);
const DealRec = z.looseObject({
  Id: z.string(), Name: str, AccountId: str, Account: Named, CloseDate: z.string(), Amount: num, CurrencyIsoCode: str, Type: str,
  OpportunityLineItems: z.nullish(LineResult),
});
const RemovedRec = z.looseObject({ Id: z.string(), MasterRecordId: str });
const OrgRec = z.looseObject({ Id: z.string(), Name: str, IsSandbox: z.nullish(z.boolean()), DefaultLocaleSidKey: str });
const CurrencyRec = z.looseObject({ IsoCode: z.string() });
const UserInfo = z.looseObject({ name: str, email: str, preferred_username: str, organization_id: str });

/**
 * A single-currency org's currency: the Organization object has no currency field in the
 * REST API, so it is the currency of the org's default locale's country (en_US → USD,
 * de_DE → EUR). Countries not listed leave it unknown rather than guessed.
 */
const EURO = ['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SI', 'SK'];
const COUNTRY_CURRENCY: Record<string, string> = {
  US: 'USD', GB: 'GBP', CA: 'CAD', AU: 'AUD', NZ: 'NZD', JP: 'JPY', CN: 'CNY', HK: 'HKD', TW: 'TWD', SG: 'SGD', IN: 'INR', KR: 'KRW',
  CH: 'CHF', SE: 'SEK', NO: 'NOK', DK: 'DKK', PL: 'PLN', CZ: 'CZK', HU: 'HUF', BR: 'BRL', MX: 'MXN', ZA: 'ZAR', IL: 'ILS', AE: 'AED',
  TR: 'TRY', PH: 'PHP', AR: 'ARS', CL: 'CLP', CO: 'COP', PE: 'PEN', ID: 'IDR', MY: 'MYR', TH: 'THB', VN: 'VND', SA: 'SAR', QA: 'QAR',
  EG: 'EGP', NG: 'NGN', KE: 'KES', RO: 'RON', BG: 'BGN', IS: 'ISK', UA: 'UAH', RU: 'RUB', MO: 'MOP', PK: 'PKR', BD: 'BDT', LK: 'LKR',
  ...Object.fromEntries(EURO.map((c) => [c, 'EUR'])),
};
export function currencyOfLocale(locale: string | null | undefined): string | undefined {
  const country = /^[a-z]{2,3}_([A-Z]{2})/.exec(locale ?? '')?.[1];
  return country ? COUNTRY_CURRENCY[country] : undefined;
}

/** SOQL date-time literal: unquoted, whole seconds, UTC (flooring keeps `>=` inclusive). */
export function soqlDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new CrmError('bad_response', `not a date-time: ${iso}`);
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

const id18 = (id: string) => salesforceId18(id);
const text = (s: string | null | undefined) => (s ?? '').trim() || undefined;

function toAccount(r: z.infer<typeof AccountRec>): CrmAccount {
  const a: CrmAccount = { id: id18(r.Id), name: text(r.Name) ?? r.Id };
  const website = text(r.Website);
  if (website) a.website = website;
  const email = text(r.Owner?.Email);
  if (email) a.ownerEmail = email.toLowerCase();
  const owner = text(r.Owner?.Name);
  if (owner) a.ownerName = owner;
  const since = text(r.Customer_Since__c)?.slice(0, 10);
  if (since && /^\d{4}-\d{2}-\d{2}$/.test(since)) a.customerSince = since;
  const prospect = r.Type ? parseProspect(r.Type) : undefined;
  if (prospect !== undefined) a.prospect = prospect;
  return a;
}

/** A column a query asks for, and how Salesforce names it when it is missing (column, entity). */
interface Col {
  soql: string;
  column: string;
  entity: string;
  /** Read when the org has it and the rep may see it; else left out. */
  optional?: boolean;
}
const col = (soql: string, entity: string, optional = false): Col => ({ soql, column: soql.slice(soql.lastIndexOf('.') + 1), entity, optional });
const colKey = (c: Col) => `${c.entity}.${c.column}`;

const ACCOUNT_COLS: Col[] = [
  col('Id', 'Account'), col('Name', 'Account'), col('Website', 'Account', true), col('Type', 'Account', true),
  col('Owner.Name', 'User', true), col('Owner.Email', 'User', true),
  // Not standard: orgs that track it add it, and the record page's "Customer Since" reads it too (lib/sites/salesforce.ts).
  col('Customer_Since__c', 'Account', true),
];
const DEAL_COLS: Col[] = [
  col('Id', 'Opportunity'), col('Name', 'Opportunity', true), col('AccountId', 'Opportunity'), col('Account.Name', 'Account', true),
  col('CloseDate', 'Opportunity'), col('Amount', 'Opportunity', true), col('Type', 'Opportunity', true),
  // Multi-currency orgs only.
  col('CurrencyIsoCode', 'Opportunity', true),
];
/** The won deal's product lines, as a subquery: all of it goes when a required column is missing. */
const LINE_PRICE = col('TotalPrice', 'OpportunityLineItem');
const LINE_COLS: Col[] = [col('Id', 'OpportunityLineItem'), col('Name', 'OpportunityLineItem', true), col('Product2.Name', 'Product2', true), LINE_PRICE];

/**
 * What a sync learns about an org's shape — the optional columns it lacks, its currency — kept
 * for the next syncs of this service worker's life (at most FACTS_MS), so that an incremental
 * sync does not spend API calls (the org's daily limit is shared by every integration) asking
 * again. Nothing here is a credential.
 */
interface OrgFacts {
  at: number;
  /** Optional columns this org has turned out not to show this rep (INVALID_FIELD). */
  missing: Set<string>;
  currency?: Promise<string | undefined>;
}
const FACTS_MS = 60 * 60_000;
const facts = new Map<string, OrgFacts>();
/** For tests: forget what earlier clients learnt. */
export function forgetSalesforceOrgs(): void {
  facts.clear();
}

export function salesforceClient(o: SalesforceClientOptions): CrmClient {
  const version = o.apiVersion ?? SALESFORCE_API_VERSION;
  const base = `https://${o.apiHost}`;
  const tenant = o.apiHost.split('.')[0]!;
  const clock = o.now ?? Date.now;
  let known = facts.get(o.apiHost);
  if (!known || clock() - known.at > FACTS_MS) facts.set(o.apiHost, (known = { at: clock(), missing: new Set() }));
  const org = known;
  const missing = org.missing;

  const ctx = (signal?: AbortSignal): RequestContext =>
    clientContext(
      o,
      {
        headers: async () => {
          const sid = await o.session();
          if (!sid) throw new CrmError('signed_out', `no Salesforce session for ${o.apiHost}`);
          return { Authorization: `Bearer ${sid}` };
        },
        classify: (status, body) => classifySalesforce(status, body),
      },
      signal,
    );

  /** Only ever this org's own host: a nextRecordsUrl is a path on it. */
  const url = (path: string) => {
    if (!path.startsWith('/services/')) throw new CrmError('bad_response', `unexpected next page address: ${path.slice(0, 80)}`);
    return base + path;
  };
  const queryUrl = (soql: string, all = false) => url(`/services/data/${version}/${all ? 'queryAll' : 'query'}?q=${encodeURIComponent(soql)}`);

  /**
   * The first page of a query built from `cols`, retried without an optional column each time
   * Salesforce answers INVALID_FIELD for it (absent, or hidden from this rep by field-level
   * security: "No such column 'Email' on entity 'User'"). A required column missing is an error.
   */
  async function firstPage<S extends z.ZodMiniType>(cols: Col[], build: (select: (group: Col[]) => string[]) => string, schema: S, all: boolean, signal?: AbortSignal): Promise<z.infer<S>> {
    const select = (group: Col[]) => group.filter((c) => !missing.has(colKey(c))).map((c) => c.soql);
    for (;;) {
      try {
        return await getJson(ctx(signal), queryUrl(build(select), all), schema);
      } catch (e) {
        const m = e instanceof CrmError && e.detail.startsWith('INVALID_FIELD') ? /No such column '(\w+)' on entity '(\w+)'/.exec(e.detail) : null;
        const asked = cols.filter((c) => !missing.has(colKey(c)) && c.optional && m && c.column.toLowerCase() === m[1]!.toLowerCase());
        // A rep who may not read opportunity products: "Didn't understand relationship 'OpportunityLineItems'".
        const noLines = e instanceof CrmError && e.detail.startsWith('INVALID_TYPE') && e.detail.includes("'OpportunityLineItems'");
        const dropped = asked.find((c) => c.entity === m?.[2]) ?? asked[0] ?? (noLines ? LINE_PRICE : undefined);
        if (!dropped || missing.has(colKey(dropped))) throw e;
        missing.add(colKey(dropped));
      }
    }
  }

  /** Every page of a query, each parsed with `schema`. */
  async function* pages<S extends z.ZodMiniType>(first: () => Promise<z.infer<S>>, schema: S, signal?: AbortSignal): AsyncGenerator<z.infer<S>> {
    let page = (await first()) as { done: boolean; nextRecordsUrl?: string };
    const given = new Set<string>();
    for (;;) {
      yield page as z.infer<S>;
      const next = page.done ? undefined : nextCursor(given, page.nextRecordsUrl);
      if (!next) return;
      page = (await getJson(ctx(signal), url(next), schema)) as { done: boolean; nextRecordsUrl?: string };
    }
  }

  /** All of a deal's lines: a subquery's result may page too. */
  async function linesOf(result: z.infer<typeof LineResult> | null | undefined, signal?: AbortSignal): Promise<Array<z.infer<typeof LineRec>>> {
    if (!result) return [];
    const out = [...result.records];
    const given = new Set<string>();
    let next = result.done ? undefined : nextCursor(given, result.nextRecordsUrl);
    while (next) {
      const more = await getJson(ctx(signal), url(next), LineResult);
      out.push(...more.records);
      next = more.done ? undefined : nextCursor(given, more.nextRecordsUrl);
    }
    return out;
  }

  /** The corporate currency (multi-currency orgs), else the default locale's; `locale` when already read. */
  function currencyOfOrg(signal?: AbortSignal, locale?: string | null): Promise<string | undefined> {
    org.currency ??= (async () => {
      try {
        const corp = await getJson(ctx(signal), queryUrl('SELECT IsoCode FROM CurrencyType WHERE IsCorporate = true'), QueryResult(CurrencyRec));
        if (corp.records[0]) return corp.records[0].IsoCode;
      } catch (e) {
        // INVALID_TYPE: CurrencyType exists only in multi-currency orgs.
        if (!(e instanceof CrmError && e.detail.startsWith('INVALID_TYPE'))) throw e;
      }
      if (locale !== undefined) return currencyOfLocale(locale);
      const info = await getJson(ctx(signal), queryUrl('SELECT Id, DefaultLocaleSidKey FROM Organization'), QueryResult(OrgRec));
      return currencyOfLocale(info.records[0]?.DefaultLocaleSidKey);
    })();
    // A failure (signed out, limit) is not remembered: the next read asks again.
    const asked = org.currency;
    asked.catch(() => {
      if (org.currency === asked) delete org.currency;
    });
    return asked;
  }

  async function whoAmI(signal?: AbortSignal): Promise<CrmIdentity> {
    const info = await getJson(ctx(signal), queryUrl('SELECT Id, Name, IsSandbox, DefaultLocaleSidKey FROM Organization'), QueryResult(OrgRec));
    if (!info.records[0]) throw new CrmError('bad_response', 'no Organization record');
    // Connecting (again) learns the org afresh: an admin may have changed it.
    missing.clear();
    delete org.currency;
    const identity: CrmIdentity = { tenant, apiHost: o.apiHost };
    const currency = await currencyOfOrg(signal, info.records[0].DefaultLocaleSidKey ?? null);
    if (currency) identity.currency = currency;
    // Who is signed in, for the status line; a profile without OpenID Connect access answers 403: not fatal.
    try {
      const me = await getJson({ ...ctx(signal), maxRetries: 0 }, url('/services/oauth2/userinfo'), UserInfo);
      const name = text(me.name) ?? text(me.preferred_username);
      if (name) identity.userName = name;
      const email = text(me.email);
      if (email) identity.userEmail = email.toLowerCase();
    } catch (e) {
      if (e instanceof CrmError && (e.code === 'cancelled' || e.code === 'offline')) throw e;
    }
    return identity;
  }

  async function* read({ since, signal }: ReadOptions): AsyncGenerator<CrmPage> {
    const changed = since ? `SystemModstamp >= ${soqlDateTime(since)}` : '';

    // Accounts.
    const accountSoql = (select: (g: Col[]) => string[]) => `SELECT ${select(ACCOUNT_COLS).join(', ')} FROM Account${changed ? ` WHERE ${changed}` : ''}`;
    const Accounts = QueryResult(AccountRec);
    for await (const p of pages(() => firstPage(ACCOUNT_COLS, accountSoql, Accounts, false, signal), Accounts, signal)) {
      const accounts = p.records.map(toAccount);
      yield { accounts, deals: [], removedAccounts: [], removedDeals: [], records: accounts.length, phase: 'accounts', totalInPhase: p.totalSize };
    }

    // Won deals with their lines.
    // Lines the rep may not read (TotalPrice hidden) leave the deals their amounts only.
    const dealSoql = (select: (g: Col[]) => string[]) => {
      const lines = LINE_COLS.every((c) => c.optional || !missing.has(colKey(c))) ? [`(SELECT ${select(LINE_COLS).join(', ')} FROM OpportunityLineItems)`] : [];
      return `SELECT ${[...select(DEAL_COLS), ...lines].join(', ')} FROM Opportunity WHERE IsWon = true${changed ? ` AND ${changed}` : ''}`;
    };
    const Deals = QueryResult(DealRec);
    for await (const p of pages(() => firstPage([...DEAL_COLS, ...LINE_COLS.map((c) => ({ ...c, optional: true }))], dealSoql, Deals, false, signal), Deals, signal)) {
      const deals: CrmDeal[] = [];
      let lines = 0;
      for (const r of p.records) {
        const currency = text(r.CurrencyIsoCode) ?? (await currencyOfOrg(signal));
        if (!currency) throw new CrmError('bad_response', 'the org names no currency for its deals');
        const deal: CrmDeal = { id: id18(r.Id), closeDate: r.CloseDate.slice(0, 10), currency, lines: [] };
        const name = text(r.Name);
        if (name) deal.name = name;
        if (r.AccountId) deal.accountId = id18(r.AccountId);
        const accountName = text(r.Account?.Name);
        if (accountName) deal.accountName = accountName;
        if (typeof r.Amount === 'number') deal.amount = r.Amount;
        const type = text(r.Type);
        if (type) deal.type = type;
        for (const l of await linesOf(r.OpportunityLineItems, signal)) {
          deal.lines.push({ id: id18(l.Id), product: text(l.Product2?.Name) ?? text(l.Name) ?? '', amount: l.TotalPrice ?? 0 });
        }
        lines += deal.lines.length;
        deals.push(deal);
      }
      yield { accounts: [], deals, removedAccounts: [], removedDeals: [], records: deals.length + lines, phase: 'deals', totalInPhase: p.totalSize };
    }

    // Removals: only a read that follows an earlier one has anything to remove.
    if (!changed) return;
    const Removed = QueryResult(RemovedRec);
    const removals: Array<{ soql: string; all: boolean; kind: 'accounts' | 'deals' }> = [
      { soql: `SELECT Id, MasterRecordId FROM Account WHERE IsDeleted = true AND ${changed}`, all: true, kind: 'accounts' },
      { soql: `SELECT Id FROM Opportunity WHERE IsDeleted = true AND ${changed}`, all: true, kind: 'deals' },
      { soql: `SELECT Id FROM Opportunity WHERE IsWon = false AND ${changed}`, all: false, kind: 'deals' },
    ];
    for (const { soql, all, kind } of removals) {
      for await (const p of pages(() => getJson(ctx(signal), queryUrl(soql, all), Removed), Removed, signal)) {
        if (!p.records.length) continue;
        const removedAccounts: CrmRemoval[] = [];
        const removedDeals: string[] = [];
        for (const r of p.records) {
          if (kind === 'deals') removedDeals.push(id18(r.Id));
          else removedAccounts.push(r.MasterRecordId ? { id: id18(r.Id), mergedInto: id18(r.MasterRecordId) } : { id: id18(r.Id) });
        }
        yield { accounts: [], deals: [], removedAccounts, removedDeals, records: p.records.length, phase: 'removals', totalInPhase: p.totalSize };
      }
    }
  }

  return { product: 'salesforce', whoAmI, read };
}
