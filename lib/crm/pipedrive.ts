/**
 * A company's Pipedrive (https://<company>.pipedrive.com) read with the user's API token: who
 * is connected (users/me: the company's subdomain, its currency), the users (owner ids →
 * emails), organizations, won deals and their products, and what was deleted since.
 *
 * Organizations, deals and deal products are read from API v2 (cursor paging, `updated_since`
 * for incremental reads): Pipedrive retires the v1 versions of those. A deleted deal is a v2
 * deal with is_deleted (status=deleted, kept 30 days); v2 lists no deleted organizations, so
 * those come from v1 recents (active_flag false). Users and recents have no v2.
 *
 * The token goes only in the `x-api-token` header to the company's own host, never in a URL
 * (Pipedrive also takes `?api_token=`, which would leave it in logs) or an error detail.
 */
import * as z from 'zod/mini';
import { parseRetryAfter } from '../sync/http';
import { CrmError } from './errors';
import { clientContext, getJson, nextCursor, type ClientDeps, type RequestContext } from './http';
import type { CrmAccount, CrmClient, CrmDeal, CrmIdentity, CrmLine, CrmPage, ReadOptions } from './types';

const PAGE = 500;
/** v2 deal products take at most 100 deal ids per request. */
const DEAL_IDS_PER_REQUEST = 100;

const Me = z.object({
  success: z.literal(true),
  data: z.object({ id: z.number(), name: z.optional(z.string()), email: z.optional(z.string()), default_currency: z.optional(z.string()), company_domain: z.string() }),
});
const Users = z.object({ success: z.literal(true), data: z.nullable(z.array(z.object({ id: z.number(), name: z.optional(z.nullable(z.string())), email: z.optional(z.nullable(z.string())) }))) });
const Cursor = z.object({ next_cursor: z.optional(z.nullable(z.string())) });
const Orgs = z.object({
  success: z.literal(true),
  data: z.nullable(z.array(z.object({ id: z.number(), name: z.optional(z.nullable(z.string())), owner_id: z.optional(z.nullable(z.number())), website: z.optional(z.nullable(z.string())) }))),
  additional_data: z.optional(z.nullable(Cursor)),
});
const Deals = z.object({
  success: z.literal(true),
  data: z.nullable(z.array(z.object({
    id: z.number(),
    title: z.optional(z.nullable(z.string())),
    org_id: z.optional(z.nullable(z.number())),
    status: z.string(),
    value: z.optional(z.nullable(z.number())),
    currency: z.optional(z.nullable(z.string())),
    won_time: z.optional(z.nullable(z.string())),
    close_time: z.optional(z.nullable(z.string())),
    is_deleted: z.optional(z.boolean()),
  }))),
  additional_data: z.optional(z.nullable(Cursor)),
});
const Products = z.object({
  success: z.literal(true),
  data: z.nullable(z.array(z.object({
    id: z.number(),
    deal_id: z.number(),
    name: z.optional(z.nullable(z.string())),
    sum: z.optional(z.nullable(z.number())),
    is_enabled: z.optional(z.boolean()),
  }))),
  additional_data: z.optional(z.nullable(Cursor)),
});
const Recents = z.object({
  success: z.literal(true),
  data: z.nullable(z.array(z.object({
    item: z.string(),
    id: z.number(),
    data: z.nullable(z.object({ active_flag: z.optional(z.boolean()) })),
  }))),
  additional_data: z.optional(z.object({ pagination: z.optional(z.object({ more_items_in_collection: z.optional(z.boolean()), next_start: z.optional(z.number()) })) })),
});

const ErrorBody = z.object({ error: z.optional(z.string()), errorCode: z.optional(z.union([z.number(), z.string()])), error_info: z.optional(z.string()) });

/** Pipedrive's answers → what the user should do. */
export function classifyPipedrive(status: number, body: unknown, res: Response): CrmError | undefined {
  const parsed = z.safeParse(ErrorBody, body);
  const words = (parsed.success && parsed.data.error ? parsed.data.error : `HTTP ${status}`).slice(0, 300);
  if (status === 401) return new CrmError('bad_token', words, undefined, status);
  // Payment required: the company's plan (or trial) has no API access now.
  if (status === 402) return new CrmError('no_api_access', words, undefined, status);
  if (status === 403) return new CrmError('no_api_access', words, undefined, status);
  if (status === 429) {
    // Retry-After when sent, else when Pipedrive says its window resets (seconds).
    const reset = Number(res.headers.get('x-ratelimit-reset'));
    const wait = parseRetryAfter(res.headers.get('retry-after'), Date.now()) ?? (Number.isFinite(reset) && reset > 0 ? reset * 1000 : undefined);
    return new CrmError('rate_limited', words, wait, status);
  }
  return undefined;
}

/** "acme", or "acme.pipedrive.com" as some answers spell it → "acme" (as lib/sites/pipedrive.ts reads it). */
export function pipedriveTenant(companyDomain: string): string {
  return companyDomain.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\.pipedrive\.com\/?$/, '');
}

/** RFC 3339 without milliseconds, as v2 spells times. */
const rfc3339 = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
/** v1's "YYYY-MM-DD HH:MM:SS" in UTC. */
const v1Time = (iso: string) => new Date(iso).toISOString().slice(0, 19).replace('T', ' ');
const day = (v: string | null | undefined) => (v && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : undefined);
const text = (v: string | null | undefined) => (v && v.trim() ? v.trim() : undefined);

export function pipedriveClient(o: ClientDeps & { apiHost: string; token: string }): CrmClient {
  const base = `https://${o.apiHost}`;
  const ctxFor = (signal?: AbortSignal): RequestContext =>
    clientContext(
      o,
      {
        headers: () => ({ 'x-api-token': o.token }),
        classify: classifyPipedrive,
      },
      signal,
    );

  async function identity(signal?: AbortSignal): Promise<CrmIdentity> {
    const { data } = await getJson(ctxFor(signal), `${base}/api/v1/users/me`, Me);
    return {
      tenant: pipedriveTenant(data.company_domain),
      apiHost: o.apiHost,
      ...(data.name ? { userName: data.name } : {}),
      ...(data.email ? { userEmail: data.email } : {}),
      ...(data.default_currency ? { currency: data.default_currency } : {}),
    };
  }

  /** Every page of a v2 list, following `next_cursor`. */
  async function* pages<T extends { additional_data?: { next_cursor?: string | null } | null }>(ctx: RequestContext, path: string, params: Record<string, string>, schema: z.ZodMiniType<T>): AsyncGenerator<T> {
    const given = new Set<string>();
    for (let cursor: string | null | undefined, first = true; first || cursor; first = false) {
      const q = new URLSearchParams({ ...params, limit: String(PAGE), ...(cursor ? { cursor } : {}) });
      const page: T = await getJson(ctx, `${base}${path}?${q.toString()}`, schema);
      yield page;
      cursor = nextCursor(given, page.additional_data?.next_cursor);
    }
  }

  async function* read({ since, signal }: ReadOptions): AsyncGenerator<CrmPage> {
    const ctx = ctxFor(signal);
    const { currency = 'EUR' } = await identity(signal);
    const users = await getJson(ctx, `${base}/api/v1/users`, Users);
    const owners = new Map((users.data ?? []).map((u) => [u.id, u]));
    const changed: Record<string, string> = since ? { updated_since: rfc3339(since) } : {};

    for await (const page of pages(ctx, '/api/v2/organizations', changed, Orgs)) {
      const accounts = (page.data ?? []).map((g): CrmAccount => {
        const owner = g.owner_id != null ? owners.get(g.owner_id) : undefined;
        // Only where the company has a Website organization field of that key.
        const website = text(g.website);
        return {
          id: String(g.id),
          name: text(g.name) ?? String(g.id),
          ...(website ? { website } : {}),
          ...(owner?.email ? { ownerEmail: owner.email } : {}),
          ...(owner?.name ? { ownerName: owner.name } : {}),
        };
      });
      if (accounts.length) yield { accounts, deals: [], removedAccounts: [], removedDeals: [], records: accounts.length, phase: 'accounts' };
    }

    // First read: the won deals. Later: every deal changed, deleted ones included (v2 keeps
    // them 30 days, is_deleted true), so one reopened, lost or deleted leaves.
    for await (const page of pages(ctx, '/api/v2/deals', since ? { ...changed, status: 'open,won,lost,deleted' } : { status: 'won' }, Deals)) {
      const rows = page.data ?? [];
      const won = rows.filter((d) => d.status === 'won' && !d.is_deleted);
      const removedDeals = rows.filter((d) => d.status !== 'won' || d.is_deleted).map((d) => String(d.id));
      const lines = await products(ctx, won.map((d) => d.id));
      const deals = won.map((d): CrmDeal => {
        const name = text(d.title);
        return {
          id: String(d.id),
          ...(name ? { name } : {}),
          ...(d.org_id != null ? { accountId: String(d.org_id) } : {}),
          closeDate: day(d.won_time) ?? day(d.close_time) ?? '', // no date at all: skipped (lib/crm/drafts.ts), never revenue from 1970
          ...(d.value != null ? { amount: d.value } : {}),
          currency: text(d.currency) ?? currency,
          lines: lines.get(d.id) ?? [],
        };
      });
      const records = deals.length + deals.reduce((n, d) => n + d.lines.length, 0) + removedDeals.length;
      if (records) yield { accounts: [], deals, removedAccounts: [], removedDeals, records, phase: 'deals' };
    }

    if (since) {
      for (let start = 0, more = true; more; ) {
        const q = new URLSearchParams({ since_timestamp: v1Time(since), items: 'organization', start: String(start), limit: String(PAGE) });
        const page = await getJson(ctx, `${base}/api/v1/recents?${q.toString()}`, Recents);
        const removedAccounts = (page.data ?? []).filter((r) => r.item === 'organization' && r.data?.active_flag === false).map((r) => ({ id: String(r.id) }));
        if (removedAccounts.length) yield { accounts: [], deals: [], removedAccounts, removedDeals: [], records: removedAccounts.length, phase: 'removals' };
        const p = page.additional_data?.pagination;
        more = !!p?.more_items_in_collection && p.next_start !== undefined && p.next_start > start;
        start = p?.next_start ?? start;
      }
    }
  }

  /** deal id → its enabled product lines (`sum`: after discount and tax, as the deal's value counts it). */
  async function products(ctx: RequestContext, dealIds: number[]): Promise<Map<number, CrmLine[]>> {
    const out = new Map<number, CrmLine[]>();
    for (let i = 0; i < dealIds.length; i += DEAL_IDS_PER_REQUEST) {
      const ids = dealIds.slice(i, i + DEAL_IDS_PER_REQUEST).join(',');
      for await (const page of pages(ctx, '/api/v2/deals/products', { deal_ids: ids }, Products)) {
        for (const p of page.data ?? []) {
          if (p.is_enabled === false || p.sum == null) continue;
          const list = out.get(p.deal_id) ?? [];
          list.push({ id: String(p.id), product: text(p.name) ?? '', amount: p.sum });
          out.set(p.deal_id, list);
        }
      }
    }
    return out;
  }

  return { product: 'pipedrive', whoAmI: identity, read: (opts) => read(opts) };
}
