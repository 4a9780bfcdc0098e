/**
 * HubSpot's CRM API (api.hubapi.com) read with a private app's access token: the portal
 * (account-info), owners (to map `hubspot_owner_id` to an email), companies, won deals with
 * their company and line items, and what was archived or merged since the last read.
 *
 * Everything is read by GET lists (`paging.next.after`) the first time; later reads ask the
 * search API for what changed since (`hs_lastmodifieddate` GTE), which answers at most 10,000
 * results per query, so a longer run restarts from the last modification time it reached.
 * The search answers no associations, so a deal's company and line items come from the v4
 * associations batch read and the line items batch read (POSTs that only read).
 *
 * The token goes only in the Authorization header to api.hubapi.com; no URL or error detail
 * carries it.
 */
import * as z from 'zod/mini';
import { HUBSPOT_API_HOST } from './address';
import { CrmError } from './errors';
import { parseRetryAfter } from '../sync/http';
import { clientContext, getJson, nextCursor, postJson, type ClientDeps, type RequestContext } from './http';
import type { CrmAccount, CrmClient, CrmDeal, CrmIdentity, CrmLine, CrmPage, CrmRemoval, ReadOptions } from './types';

const BASE = `https://${HUBSPOT_API_HOST}`;

const COMPANY_PROPS = ['name', 'domain', 'website', 'hubspot_owner_id', 'lifecyclestage', 'hs_lifecyclestage_customer_date', 'hs_merged_object_ids'];
const DEAL_PROPS = ['dealname', 'amount', 'closedate', 'dealstage', 'deal_currency_code', 'dealtype', 'hs_is_closed_won'];
const LINE_PROPS = ['name', 'amount', 'hs_product_id'];

/** Lifecycle stages before "customer": the company is a prospect. */
const PROSPECT_STAGES = new Set(['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity']);

const Props = z.record(z.string(), z.nullable(z.optional(z.string())));
const Obj = z.object({ id: z.string(), properties: Props, archived: z.optional(z.boolean()), archivedAt: z.optional(z.string()) });
type Obj = z.infer<typeof Obj>;
const Paging = z.optional(z.object({ next: z.optional(z.object({ after: z.string() })) }));
const ListPage = z.object({ results: z.array(Obj), paging: Paging });
const SearchPage = z.object({ total: z.optional(z.number()), results: z.array(Obj), paging: Paging });
const BatchRead = z.object({ results: z.array(Obj) });
const AssocRead = z.object({
  results: z.array(z.object({
    from: z.object({ id: z.string() }),
    to: z.array(z.object({ toObjectId: z.union([z.number(), z.string()]), associationTypes: z.optional(z.array(z.object({ label: z.optional(z.nullable(z.string())) }))) })),
    paging: Paging,
  })),
});
/** Ids per associations batch read (HubSpot's developer changelog, "Batch Read Limit for HubSpot Associations API": 100). */
const ASSOC_BATCH = 100;
const Account = z.object({ portalId: z.number(), companyCurrency: z.optional(z.string()) });
const Owners = z.object({
  results: z.array(z.object({ id: z.string(), email: z.optional(z.nullable(z.string())), firstName: z.optional(z.nullable(z.string())), lastName: z.optional(z.nullable(z.string())) })),
  paging: Paging,
});

const ErrorBody = z.object({
  message: z.optional(z.string()),
  category: z.optional(z.string()),
  errorType: z.optional(z.string()),
  policyName: z.optional(z.string()),
  errors: z.optional(z.array(z.object({ context: z.optional(z.record(z.string(), z.optional(z.array(z.string())))) }))),
});

/** HubSpot's error bodies → what the user should do. */
export function classifyHubSpot(status: number, body: unknown, res?: Response): CrmError | undefined {
  const parsed = z.safeParse(ErrorBody, body);
  const b = parsed.success ? parsed.data : {};
  const words = [b.category ?? b.errorType, b.policyName, b.message].filter(Boolean).join(': ').slice(0, 300) || `HTTP ${status}`;
  if (status === 401 || b.category === 'INVALID_AUTHENTICATION' || b.category === 'EXPIRED_AUTHENTICATION') return new CrmError('bad_token', words, undefined, status);
  if (b.category === 'MISSING_SCOPES') {
    const scopes = new Set<string>();
    for (const e of b.errors ?? []) for (const s of [...(e.context?.requiredGranularScopes ?? []), ...(e.context?.requiredScopes ?? [])]) scopes.add(s);
    return new CrmError('missing_scope', scopes.size ? [...scopes].join(', ') : words, undefined, status);
  }
  if (status === 429) return new CrmError('rate_limited', words, parseRetryAfter(res?.headers.get('retry-after') ?? null, Date.now()), status);
  if (status === 403) return new CrmError('no_api_access', words, undefined, status);
  return undefined;
}

const date = (v: string | null | undefined) => (v && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : undefined);
const num = (v: string | null | undefined) => {
  if (v == null || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};
const text = (v: string | null | undefined) => (v && v.trim() ? v.trim() : undefined);

export function hubspotClient(o: ClientDeps & { token: string }): CrmClient {
  const ctxFor = (signal?: AbortSignal): RequestContext =>
    clientContext(
      o,
      {
        headers: () => ({ Authorization: `Bearer ${o.token}` }),
        classify: classifyHubSpot,
      },
      signal,
    );

  async function identity(signal?: AbortSignal): Promise<CrmIdentity> {
    const a = await getJson(ctxFor(signal), `${BASE}/account-info/v3/details`, Account);
    return { tenant: String(a.portalId), apiHost: HUBSPOT_API_HOST, ...(a.companyCurrency ? { currency: a.companyCurrency } : {}) };
  }

  /**
   * The portal, and a one-record read of each object the sync needs, so a token missing
   * scopes is told at connect time, all missing scopes at once, not one per failed sync.
   */
  async function whoAmI(signal?: AbortSignal): Promise<CrmIdentity> {
    const id = await identity(signal);
    const ctx = ctxFor(signal);
    const missing = new Set<string>();
    for (const path of ['/crm/v3/objects/companies', '/crm/v3/objects/deals', '/crm/v3/objects/line_items', '/crm/v3/owners']) {
      try {
        await getJson(ctx, `${BASE}${path}?limit=1`, z.object({ results: z.array(z.unknown()) }));
      } catch (e) {
        if (!(e instanceof CrmError) || e.code !== 'missing_scope') throw e;
        for (const scope of e.detail.split(', ')) missing.add(scope);
      }
    }
    if (missing.size) throw new CrmError('missing_scope', [...missing].join(', '), undefined, 403);
    return id;
  }

  async function* read({ since, signal }: ReadOptions): AsyncGenerator<CrmPage> {
    const ctx = ctxFor(signal);
    const { currency = 'USD' } = await identity(signal);
    const owners = new Map<string, { email?: string; name?: string }>();
    const given = new Set<string>();
    for (let after: string | undefined, first = true; first || after; first = false) {
      const page = await getJson(ctx, `${BASE}/crm/v3/owners?limit=100${after ? `&after=${encodeURIComponent(after)}` : ''}`, Owners);
      for (const w of page.results) {
        const name = [w.firstName, w.lastName].filter(Boolean).join(' ').trim();
        owners.set(w.id, { ...(w.email ? { email: w.email } : {}), ...(name ? { name } : {}) });
      }
      after = nextCursor(given, page.paging?.next?.after);
    }

    const toAccount = (r: Obj): CrmAccount => {
      const p = r.properties;
      const owner = p.hubspot_owner_id ? owners.get(p.hubspot_owner_id) : undefined;
      const website = text(p.domain) ?? text(p.website);
      const since = date(p.hs_lifecyclestage_customer_date);
      const stage = text(p.lifecyclestage)?.toLowerCase();
      return {
        id: r.id,
        name: text(p.name) ?? r.id,
        ...(website ? { website } : {}),
        ...(owner?.email ? { ownerEmail: owner.email } : {}),
        ...(owner?.name ? { ownerName: owner.name } : {}),
        ...(since ? { customerSince: since } : {}),
        ...(stage === 'customer' ? { prospect: false } : stage && PROSPECT_STAGES.has(stage) ? { prospect: true } : {}),
      };
    };

    for await (const rows of objects(ctx, 'companies', COMPANY_PROPS, since)) {
      const accounts = rows.map(toAccount);
      const merged: CrmRemoval[] = rows.flatMap((r) => (r.properties.hs_merged_object_ids ?? '').split(';').filter(Boolean).map((id) => ({ id: id.trim(), mergedInto: r.id })));
      yield { accounts, deals: [], removedAccounts: merged, removedDeals: [], records: accounts.length + merged.length, phase: 'accounts' };
    }

    for await (const rows of objects(ctx, 'deals', DEAL_PROPS, since)) {
      const won = rows.filter((r) => r.properties.hs_is_closed_won === 'true');
      // Reopened or lost since it was won (or never won): its revenue, if any, leaves.
      const removedDeals = rows.filter((r) => r.properties.hs_is_closed_won !== 'true').map((r) => r.id);
      const ids = won.map((r) => r.id);
      const companies = await associations(ctx, 'companies', ids);
      const lineIds = await associations(ctx, 'line_items', ids);
      const lines = await lineItems(ctx, [...new Set([...lineIds.values()].flat())]);
      const deals: CrmDeal[] = won.map((r) => {
        const p = r.properties;
        const amount = num(p.amount);
        const accountId = companies.get(r.id)?.[0];
        const dealLines = (lineIds.get(r.id) ?? []).map((id) => lines.get(id)).filter((l): l is CrmLine => !!l);
        return {
          id: r.id,
          ...(text(p.dealname) ? { name: text(p.dealname)! } : {}),
          ...(accountId ? { accountId } : {}),
          closeDate: date(p.closedate) ?? date(p.createdate) ?? '', // no date at all: skipped (lib/crm/drafts.ts), never revenue from 1970
          ...(amount !== undefined ? { amount } : {}),
          currency: text(p.deal_currency_code) ?? currency,
          ...(text(p.dealtype) ? { type: text(p.dealtype)! } : {}),
          lines: dealLines,
        };
      });
      const records = deals.length + deals.reduce((n, d) => n + d.lines.length, 0) + removedDeals.length;
      yield { accounts: [], deals, removedAccounts: [], removedDeals, records, phase: 'deals' };
    }

    if (since) {
      const after = Date.parse(since);
      const recent = (r: Obj) => !r.archivedAt || Date.parse(r.archivedAt) >= after;
      for await (const rows of archived(ctx, 'companies')) {
        const removedAccounts = rows.filter(recent).map((r) => ({ id: r.id }));
        if (removedAccounts.length) yield { accounts: [], deals: [], removedAccounts, removedDeals: [], records: removedAccounts.length, phase: 'removals' };
      }
      for await (const rows of archived(ctx, 'deals')) {
        const removedDeals = rows.filter(recent).map((r) => r.id);
        if (removedDeals.length) yield { accounts: [], deals: [], removedAccounts: [], removedDeals, records: removedDeals.length, phase: 'removals' };
      }
    }
  }

  return { product: 'hubspot', whoAmI, read: (opts) => read(opts) };
}

/** Every record of a type (GET list), or those changed since `since` (search, past its 10,000 cap). */
async function* objects(ctx: RequestContext, type: 'companies' | 'deals', props: string[], since?: string): AsyncGenerator<Obj[]> {
  if (!since) {
    const given = new Set<string>();
    for (let after: string | undefined, first = true; first || after; first = false) {
      const page = await getJson(ctx, `${BASE}/crm/v3/objects/${type}?limit=100&properties=${props.join(',')}${after ? `&after=${encodeURIComponent(after)}` : ''}`, ListPage);
      if (page.results.length) yield page.results;
      after = nextCursor(given, page.paging?.next?.after);
    }
    return;
  }
  const SEARCH_CAP = 10_000;
  const LIMIT = 200;
  const seen = new Set<string>();
  let from = Date.parse(since);
  let after = 0;
  // Keyset paging: each page starts again at the newest modified time reached, not at an
  // offset. A record edited while the sync reads moves to the end of the sorted list, and an
  // offset would then step over the record that slid into its place — for good, since the
  // next sync starts after it. Records at the very instant reached come again; `seen` drops
  // them (one changed again meanwhile is read by the next sync, its time being newer).
  // The offset is used only within one instant, and the search's 10,000 cap bounds it.
  for (;;) {
    const body = {
      filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: String(from) }] }],
      sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' }],
      properties: props,
      limit: LIMIT,
      ...(after ? { after: String(after) } : {}),
    };
    const page = await postJson(ctx, `${BASE}/crm/v3/objects/${type}/search`, body, SearchPage);
    const fresh = page.results.filter((r) => !seen.has(r.id));
    for (const r of fresh) seen.add(r.id);
    if (fresh.length) yield fresh;
    const next = page.paging?.next?.after;
    if (!next) return;
    const last = page.results.length ? Date.parse(page.results[page.results.length - 1]!.properties.hs_lastmodifieddate ?? '') : NaN;
    if (Number.isFinite(last) && last > from) {
      from = last;
      after = 0;
      continue;
    }
    // A whole page at one instant: page through it by offset.
    const offset = Number(next);
    if (!(offset > after) || offset + LIMIT > SEARCH_CAP) throw new CrmError('bad_response', `more than ${SEARCH_CAP} ${type} changed at one instant`);
    after = offset;
  }
}

async function* archived(ctx: RequestContext, type: 'companies' | 'deals'): AsyncGenerator<Obj[]> {
  const given = new Set<string>();
  for (let after: string | undefined, first = true; first || after; first = false) {
    const page = await getJson(ctx, `${BASE}/crm/v3/objects/${type}?limit=100&archived=true${after ? `&after=${encodeURIComponent(after)}` : ''}`, ListPage);
    if (page.results.length) yield page.results;
    after = nextCursor(given, page.paging?.next?.after);
  }
}

/** deal id → associated ids (the primary company first); a deal with more than a page of them is read on by `after`. */
async function associations(ctx: RequestContext, to: 'companies' | 'line_items', dealIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  let pending: Array<{ id: string; after?: string }> = dealIds.map((id) => ({ id }));
  while (pending.length) {
    const next: typeof pending = [];
    for (let i = 0; i < pending.length; i += ASSOC_BATCH) {
      const inputs = pending.slice(i, i + ASSOC_BATCH);
      const res = await postJson(ctx, `${BASE}/crm/v4/associations/deals/${to}/batch/read`, { inputs }, AssocRead);
      for (const r of res.results) {
        const primary = (t: (typeof r.to)[number]) => (t.associationTypes ?? []).some((a) => a.label === 'Primary');
        const sorted = [...r.to].sort((a, b) => Number(primary(b)) - Number(primary(a)));
        out.set(r.from.id, [...(out.get(r.from.id) ?? []), ...sorted.map((t) => String(t.toObjectId))]);
        const after = r.paging?.next?.after;
        if (after) next.push({ id: r.from.id, after });
      }
    }
    pending = next;
  }
  return out;
}

async function lineItems(ctx: RequestContext, ids: string[]): Promise<Map<string, CrmLine>> {
  const out = new Map<string, CrmLine>();
  for (let i = 0; i < ids.length; i += 100) {
    const inputs = ids.slice(i, i + 100).map((id) => ({ id }));
    const res = await postJson(ctx, `${BASE}/crm/v3/objects/line_items/batch/read`, { properties: LINE_PROPS, inputs }, BatchRead);
    for (const r of res.results) {
      const amount = num(r.properties.amount);
      if (amount === undefined) continue;
      out.set(r.id, { id: r.id, product: text(r.properties.name) ?? '', amount });
    }
  }
  return out;
}
