/**
 * A stand-in for a company's Pipedrive API at https://<company>.pipedrive.com, built from
 * Pipedrive's published API reference:
 *   - Authentication: https://pipedrive.readme.io/docs/core-api-concepts-authentication
 *     (the API token as `api_token` query parameter or `x-api-token` header; v2 wants the header)
 *   - Current user: https://developers.pipedrive.com/docs/api/v1/Users#getCurrentUser and
 *     https://pipedrive.readme.io/docs/marketplace-getting-user-data ({ success, data: { id,
 *     name, email, default_currency, company_id, company_name, company_domain, … } })
 *   - Users: https://developers.pipedrive.com/docs/api/v1/Users#getUsers
 *   - v2 lists: https://pipedrive.readme.io/docs/pipedrive-api-v2-migration-guide and
 *     https://developers.pipedrive.com/docs/api/v1/Organizations#getOrganizations (v2 tab):
 *     GET /api/v2/organizations, /api/v2/deals (status open,won,lost,deleted comma-separated,
 *     deleted deals kept 30 days with is_deleted and update_time = delete time; updated_since
 *     RFC 3339, limit ≤ 500, cursor → additional_data.next_cursor; ids are integers,
 *     org_id/owner_id plain numbers, times RFC 3339; organizations have no website field)
 *   - Deal products: https://developers.pipedrive.com/docs/api/v1/Deals#getDealsProducts
 *     (GET /api/v2/deals/products?deal_ids=… ≤ 100 ids; { id, deal_id, product_id, name,
 *     item_price, quantity, sum, currency, is_enabled, … })
 *   - Recents: https://developers.pipedrive.com/docs/api/v1/Recents#getRecents
 *     (since_timestamp "YYYY-MM-DD HH:MM:SS" UTC, items=deal,organization; data[{ item, id,
 *     data }]; additional_data.pagination.more_items_in_collection/next_start)
 *   - Errors and limits: https://pipedrive.readme.io/docs/core-api-concepts-http-status-codes and
 *     https://pipedrive.readme.io/docs/core-api-concepts-rate-limiting (401 { success: false,
 *     error: "unauthorized access", errorCode: 401 }, 402 payment required, 429 with
 *     x-ratelimit-limit/-remaining/-reset headers)
 */
import { json, record, type StandIn } from './serve';

export interface PdUser { id: number; name: string; email: string }
export interface PdOrg { id: number; name: string; owner_id: number; add_time: string; update_time: string; is_deleted: boolean }
export interface PdDeal {
  id: number; title: string; org_id: number | null; owner_id: number; status: 'open' | 'won' | 'lost'; value: number; currency: string;
  won_time: string | null; add_time: string; update_time: string; is_deleted: boolean;
}
export interface PdProduct { id: number; deal_id: number; product_id: number; name: string; item_price: number; quantity: number; sum: number; currency: string; is_enabled: boolean }

export interface PipedriveSeed {
  company: string;
  currency?: string;
  me?: PdUser;
  users?: PdUser[];
  orgs?: Array<Partial<PdOrg> & { id: number; name: string; owner_id: number }>;
  deals?: Array<Partial<PdDeal> & { id: number; title: string; org_id: number | null; value: number; products?: Array<{ id: number; name: string; sum: number }> }>;
}

const OLD = '2024-01-01T00:00:00Z';

export class PipedriveStandIn implements StandIn {
  readonly hosts: string[];
  readonly seen: StandIn['seen'] = [];
  readonly company: string;
  currency: string;
  me: PdUser;
  users: PdUser[];
  readonly orgs = new Map<number, PdOrg>();
  readonly deals = new Map<number, PdDeal>();
  readonly products = new Map<number, PdProduct[]>();
  /** Recent changes Pipedrive's recents endpoint reports, deletions included. */
  private readonly changes: Array<{ item: 'deal' | 'organization'; id: number; at: string }> = [];
  readonly tokens = new Set<string>();
  /** The company's plan has lapsed: the API answers 402. */
  paymentRequired = false;
  private limits: Array<{ at: number; count: number; resetSec: number }> = [];
  private requests = 0;
  now: () => number = Date.now;

  constructor(seed: PipedriveSeed, token = '0123456789abcdef0123456789abcdef01234567') {
    this.company = seed.company;
    this.hosts = [`${seed.company}.pipedrive.com`];
    this.currency = seed.currency ?? 'EUR';
    this.me = seed.me ?? { id: 1, name: 'Jane Rep', email: 'jane@vendor.example' };
    this.users = seed.users ?? [this.me];
    this.tokens.add(token);
    for (const o of seed.orgs ?? []) this.orgs.set(o.id, { add_time: OLD, update_time: OLD, is_deleted: false, ...o });
    for (const d of seed.deals ?? []) {
      const { products, ...deal } = d;
      this.deals.set(d.id, { owner_id: this.me.id, status: 'won', currency: this.currency, won_time: '2024-06-01T10:00:00Z', add_time: OLD, update_time: OLD, is_deleted: false, ...deal });
      this.setProducts(d.id, products ?? []);
    }
  }

  // ——— test controls ———

  revoke(): void {
    this.tokens.clear();
  }

  /** From the `nth` request on (1 = the next), answer 429 `count` times; the limit resets in `resetSec`. */
  limitRequest(nth: number, o: { count?: number; resetSec?: number } = {}): void {
    this.limits.push({ at: this.requests + nth, count: o.count ?? 1, resetSec: o.resetSec ?? 2 });
  }

  clearLimits(): void {
    this.limits = [];
  }

  /**
   * Hold the first request (from now on) whose decoded URL passes `which` until the returned
   * release is called: an e2e test sees the sync mid-way (its progress line).
   */
  hold(which: (url: string) => boolean): () => void {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    this.holds.push({ which, gate });
    return release;
  }
  private holds: Array<{ which: (url: string) => boolean; gate: Promise<void> }> = [];

  private stamp(): string {
    return new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  upsertOrg(o: Partial<PdOrg> & { id: number }): void {
    const prev = this.orgs.get(o.id);
    const at = this.stamp();
    this.orgs.set(o.id, { name: '', owner_id: this.me.id, add_time: at, is_deleted: false, ...prev, ...o, update_time: at });
    this.changes.push({ item: 'organization', id: o.id, at });
  }

  upsertDeal(d: Partial<PdDeal> & { id: number }, products?: Array<{ id: number; name: string; sum: number }>): void {
    const prev = this.deals.get(d.id);
    const at = this.stamp();
    this.deals.set(d.id, {
      title: '', org_id: null, owner_id: this.me.id, status: 'won', value: 0, currency: this.currency, won_time: at, add_time: at, is_deleted: false,
      ...prev, ...d, update_time: at,
    });
    if (products) this.setProducts(d.id, products);
    this.changes.push({ item: 'deal', id: d.id, at });
  }

  deleteOrg(id: number): void {
    const o = this.orgs.get(id);
    if (o) this.upsertOrg({ id, is_deleted: true });
  }

  deleteDeal(id: number): void {
    if (this.deals.get(id)) this.upsertDeal({ id, is_deleted: true });
  }

  private setProducts(dealId: number, products: Array<{ id: number; name: string; sum: number }>): void {
    const currency = this.deals.get(dealId)?.currency ?? this.currency;
    this.products.set(dealId, products.map((p, i) => ({ id: p.id, deal_id: dealId, product_id: 100 + i, name: p.name, item_price: p.sum, quantity: 1, sum: p.sum, currency, is_enabled: true })));
  }

  // ——— the API ———

  async handle(req: Request): Promise<Response> {
    record(this, req);
    const url = new URL(req.url);
    const held = this.holds.findIndex((h) => h.which(decodeURIComponent(req.url)));
    if (held >= 0) await this.holds.splice(held, 1)[0]!.gate;
    this.requests++;
    const token = req.headers.get('x-api-token') ?? url.searchParams.get('api_token');
    if (!token || !this.tokens.has(token)) {
      return json({ success: false, error: 'unauthorized access', errorCode: 401, error_info: 'Please check developers.pipedrive.com' }, 401);
    }
    if (this.paymentRequired) {
      return json({ success: false, error: 'Payment required', errorCode: 402, error_info: 'Please check developers.pipedrive.com' }, 402);
    }
    const limit = this.limits.find((l) => this.requests >= l.at && l.count > 0);
    if (limit) {
      limit.count--;
      return json({ success: false, error: 'Request over limit', errorCode: 429, error_info: 'Please check developers.pipedrive.com' }, 429, {
        'x-ratelimit-limit': '80', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(limit.resetSec),
      });
    }
    if (req.method !== 'GET') return json({ success: false, error: 'Unknown method .', errorCode: 404 }, 404);
    const p = url.pathname;
    if (p === '/api/v1/users/me' || p === '/v1/users/me') {
      return json({ success: true, data: { ...this.me, default_currency: this.currency, locale: 'en_US', lang: 1, activated: true, active_flag: true, is_you: true, company_id: 7001, company_name: 'Vendor OÜ', company_domain: this.company, company_country: 'EE' } });
    }
    if (p === '/api/v1/users' || p === '/v1/users') {
      return json({ success: true, data: this.users.map((u) => ({ ...u, active_flag: true, is_you: u.id === this.me.id })) });
    }
    if (p === '/api/v2/organizations') {
      const since = url.searchParams.get('updated_since');
      const rows = [...this.orgs.values()].filter((o) => !o.is_deleted && (!since || Date.parse(o.update_time) >= Date.parse(since)));
      return this.cursorPage(rows, url);
    }
    if (p === '/api/v2/deals/products') {
      const ids = (url.searchParams.get('deal_ids') ?? '').split(',').filter(Boolean).map(Number);
      if (!ids.length || ids.length > 100) return json({ success: false, error: 'deal_ids must hold 1 to 100 ids', code: 'ERR_SCHEMA_VALIDATION_FAILED' }, 400);
      const rows = ids.flatMap((id) => this.products.get(id) ?? []).map((r) => ({ ...r, discount: 0, discount_type: 'percentage', tax: 0, tax_method: 'inclusive', add_time: OLD, update_time: OLD, comments: null, product_variation_id: null }));
      return this.cursorPage(rows, url);
    }
    if (p === '/api/v2/deals') {
      const status = url.searchParams.get('status');
      const since = url.searchParams.get('updated_since');
      const statuses = status ? status.split(',') : undefined;
      // Deleted deals only when asked for (status=deleted), and for 30 days.
      const listed = (d: PdDeal) => (d.is_deleted ? !!statuses?.includes('deleted') && Date.parse(d.update_time) > this.now() - 30 * 86_400_000 : !statuses || statuses.includes(d.status));
      const rows = [...this.deals.values()].filter((d) => listed(d) && (!since || Date.parse(d.update_time) >= Date.parse(since)));
      return this.cursorPage(rows.map((d) => ({ ...d, close_time: d.won_time, lost_time: null, pipeline_id: 1, stage_id: 5, person_id: null, probability: null, visible_to: 3, label_ids: [], custom_fields: {} })), url);
    }
    if (p === '/api/v1/recents' || p === '/v1/recents') {
      const since = url.searchParams.get('since_timestamp') ?? '';
      if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(since)) return json({ success: false, error: 'since_timestamp is required (YYYY-MM-DD HH:MM:SS)', errorCode: 400 }, 400);
      const items = (url.searchParams.get('items') ?? 'deal,organization').split(',');
      const from = Date.parse(`${since.replace(' ', 'T')}Z`);
      const latest = new Map<string, { item: 'deal' | 'organization'; id: number }>();
      for (const c of this.changes) if (items.includes(c.item) && Date.parse(c.at) >= from) latest.set(`${c.item}:${c.id}`, c);
      const all = [...latest.values()].map((c) => {
        if (c.item === 'organization') {
          const o = this.orgs.get(c.id)!;
          return { item: 'organization', id: c.id, data: { id: o.id, name: o.name, owner_id: o.owner_id, active_flag: !o.is_deleted, update_time: v1Time(o.update_time) } };
        }
        const d = this.deals.get(c.id)!;
        return { item: 'deal', id: c.id, data: { id: d.id, title: d.title, status: d.status, active: !d.is_deleted && d.status === 'open', deleted: d.is_deleted, update_time: v1Time(d.update_time) } };
      });
      const start = Number(url.searchParams.get('start') ?? 0);
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 100) || 100, 500);
      const data = all.slice(start, start + limit);
      const more = start + limit < all.length;
      return json({ success: true, data, additional_data: { since_timestamp: since, last_timestamp_on_page: since, pagination: { start, limit, more_items_in_collection: more, ...(more ? { next_start: start + limit } : {}) } } });
    }
    return json({ success: false, error: 'Unknown method .', errorCode: 404, error_info: 'Please check developers.pipedrive.com' }, 404);
  }

  /** v2 paging: `cursor` is opaque to the client (here: the offset, base64). */
  private cursorPage<T extends { id: number }>(rows: T[], url: URL): Response {
    rows.sort((a, b) => a.id - b.id);
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 100) || 100, 500);
    const cursor = url.searchParams.get('cursor');
    const start = cursor ? Number(atob(cursor).replace(/^o:/, '')) : 0;
    const data = rows.slice(start, start + limit);
    const more = start + limit < rows.length;
    return json({ success: true, data, additional_data: { next_cursor: more ? btoa(`o:${start + limit}`) : null } });
  }
}

/** v1 spells times "YYYY-MM-DD HH:MM:SS" (UTC). */
function v1Time(iso: string): string {
  return iso.replace('T', ' ').replace(/(\.\d+)?Z$/, '');
}
