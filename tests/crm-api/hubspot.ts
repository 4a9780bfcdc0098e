/**
 * A stand-in for HubSpot's API at https://api.hubapi.com, built from HubSpot's published API
 * reference (shapes, paging, error bodies as documented or as HubSpot's own SDK issues show them):
 *   - Account details: https://developers.hubspot.com/docs/api-reference/account-account-info-v3/details/get-account-info-v3-details
 *     ({ portalId, companyCurrency, additionalCurrencies, timeZone, uiDomain, dataHostingLocation, … })
 *   - Owners: https://developers.hubspot.com/docs/api/crm/owners (GET /crm/v3/owners, results + paging.next.after)
 *   - Objects list: https://developers.hubspot.com/docs/api-reference/latest/crm/objects/companies
 *     (limit ≤ 100, `properties`, `after`, `archived=true`; results[{ id, properties, createdAt,
 *     updatedAt, archived, archivedAt }], paging.next{ after, link })
 *   - Search: https://developers.hubspot.com/docs/api/crm/search (POST …/search, filterGroups,
 *     sorts, limit ≤ 200, `after` an offset; { total, results, paging }; no more than 10,000
 *     results per query: paging past it is a 400)
 *   - Batch read: https://developers.hubspot.com/docs/api-reference/latest/crm/objects/line-items
 *     (POST /crm/v3/objects/line_items/batch/read { properties, inputs[{id}] } → { status, results })
 *   - Associations v4 batch read: https://developers.hubspot.com/docs/api-reference/crm-associations-v4/batch/post-crm-v4-associations-fromObjectType-toObjectType-batch-read
 *     (POST /crm/v4/associations/{from}/{to}/batch/read → results[{ from{id}, to[{ toObjectId,
 *     associationTypes[{ category, typeId, label }] }], paging.next.after }]; 207 with errors for
 *     ids without any; at most 100 inputs: https://developers.hubspot.com/changelog/bug-fix-batch-read-limit-for-hubspot-associations-api)
 *   - Merges: the kept record's `hs_merged_object_ids` lists the ids merged into it (semicolons).
 *   - Errors: 401 INVALID_AUTHENTICATION (github.com/HubSpot/hubspot-api-nodejs/issues/148),
 *     403 MISSING_SCOPES with errors[].context.requiredGranularScopes (hubspot-api-nodejs/issues/268),
 *     429 RATE_LIMIT / TEN_SECONDLY_ROLLING (https://developers.hubspot.com/docs/api/usage-details).
 */
import { json, record, type StandIn } from './serve';

export const HUBSPOT_HOST = 'api.hubapi.com';

export interface HsRecord {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
}

export interface HsOwner {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  userId: number;
}

type ObjectType = 'companies' | 'deals' | 'line_items';

/** The scope each object needs (granular scopes, as private apps are granted them). */
const SCOPE: Record<ObjectType | 'owners', string> = {
  companies: 'crm.objects.companies.read',
  deals: 'crm.objects.deals.read',
  line_items: 'crm.objects.line_items.read',
  owners: 'crm.objects.owners.read',
};
export const ALL_SCOPES = Object.values(SCOPE);

/** Properties HubSpot returns whatever was asked for. */
const ALWAYS = ['hs_object_id', 'createdate', 'hs_lastmodifieddate'];

export interface HubSpotSeed {
  portalId: number;
  currency?: string;
  owners?: HsOwner[];
  companies?: Array<{ id: string; properties: Record<string, string | null>; modifiedAt?: string }>;
  deals?: Array<{ id: string; properties: Record<string, string | null>; companyId?: string; lines?: Array<{ id: string; name: string; amount: string }>; modifiedAt?: string }>;
}

export class HubSpotStandIn implements StandIn {
  readonly hosts = [HUBSPOT_HOST];
  readonly seen: StandIn['seen'] = [];
  readonly portalId: number;
  currency: string;
  owners: HsOwner[];
  readonly records: Record<ObjectType, Map<string, HsRecord>> = { companies: new Map(), deals: new Map(), line_items: new Map() };
  /** deal id → company ids, deal id → line item ids. */
  readonly dealCompanies = new Map<string, string[]>();
  readonly dealLines = new Map<string, string[]>();
  /** Tokens HubSpot accepts, and the scopes each was granted. */
  readonly tokens = new Map<string, string[]>();
  /** The search cap (10,000 in HubSpot). */
  searchCap = 10_000;
  /** Associations per object in one batch read answer (500 in HubSpot), lowered by tests. */
  associationsPage = 500;
  private limits: Array<{ at: number; count: number; retryAfterSec: number }> = [];
  private requests = 0;
  /** The clock for modification times. */
  now: () => number = Date.now;

  constructor(seed: HubSpotSeed, token = 'pat-na1-11111111-2222-3333-4444-555555555555') {
    this.portalId = seed.portalId;
    this.currency = seed.currency ?? 'USD';
    this.owners = seed.owners ?? [];
    this.tokens.set(token, [...ALL_SCOPES]);
    const old = '2024-01-01T00:00:00.000Z';
    for (const c of seed.companies ?? []) this.put('companies', c.id, c.properties, c.modifiedAt ?? old);
    for (const d of seed.deals ?? []) {
      this.put('deals', d.id, d.properties, d.modifiedAt ?? old);
      if (d.companyId) this.dealCompanies.set(d.id, [d.companyId]);
      this.dealLines.set(d.id, (d.lines ?? []).map((l) => l.id));
      for (const l of d.lines ?? []) this.put('line_items', l.id, { name: l.name, amount: l.amount, quantity: '1', price: l.amount }, d.modifiedAt ?? old);
    }
  }

  // ——— test controls ———

  /** The token stops working (the private app was deleted or its token rotated). */
  revoke(token?: string): void {
    if (token) this.tokens.delete(token);
    else this.tokens.clear();
  }

  /** The private app lacks these scopes. */
  withoutScopes(token: string, ...scopes: string[]): void {
    this.tokens.set(token, (this.tokens.get(token) ?? []).filter((s) => !scopes.includes(s)));
  }

  /** From the `nth` request on (1 = the next), answer 429 `count` times, asking to wait `retryAfterSec`. */
  limitRequest(nth: number, o: { count?: number; retryAfterSec?: number } = {}): void {
    this.limits.push({ at: this.requests + nth, count: o.count ?? 1, retryAfterSec: o.retryAfterSec ?? 1 });
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

  /** Create or change a record; its hs_lastmodifieddate moves to now. */
  upsert(type: ObjectType, id: string, properties: Record<string, string | null>): HsRecord {
    const prev = this.records[type].get(id);
    return this.put(type, id, { ...(prev?.properties ?? {}), ...properties }, new Date(this.now()).toISOString(), prev?.createdAt);
  }

  /** A won deal (or any deal) with its company and line items. */
  upsertDeal(id: string, properties: Record<string, string | null>, o: { companyId?: string; lines?: Array<{ id: string; name: string; amount: string }> } = {}): void {
    this.upsert('deals', id, properties);
    if (o.companyId) this.dealCompanies.set(id, [o.companyId]);
    if (o.lines) {
      this.dealLines.set(id, o.lines.map((l) => l.id));
      for (const l of o.lines) this.upsert('line_items', l.id, { name: l.name, amount: l.amount, quantity: '1', price: l.amount });
    }
  }

  /** Delete (archive) a record, as the trash in HubSpot does. */
  archive(type: ObjectType, id: string): void {
    const r = this.records[type].get(id);
    if (!r) return;
    const at = new Date(this.now()).toISOString();
    r.archived = true;
    r.archivedAt = at;
    r.updatedAt = at;
  }

  /** Merge company `loser` into `kept`: the loser disappears, its deals follow the kept one. */
  mergeCompanies(kept: string, loser: string): void {
    const k = this.records.companies.get(kept);
    if (!k) return;
    this.records.companies.delete(loser);
    const merged = [k.properties.hs_merged_object_ids, loser].filter(Boolean).join(';');
    this.upsert('companies', kept, { hs_merged_object_ids: merged });
    for (const [deal, companies] of this.dealCompanies) this.dealCompanies.set(deal, companies.map((c) => (c === loser ? kept : c)));
  }

  private put(type: ObjectType, id: string, properties: Record<string, string | null>, modifiedAt: string, createdAt = modifiedAt): HsRecord {
    const r: HsRecord = {
      id,
      properties: { ...properties, hs_object_id: id, createdate: createdAt, hs_lastmodifieddate: modifiedAt },
      createdAt,
      updatedAt: modifiedAt,
      archived: false,
    };
    this.records[type].set(id, r);
    return r;
  }

  // ——— the API ———

  async handle(req: Request): Promise<Response> {
    record(this, req);
    const url = new URL(req.url);
    const held = this.holds.findIndex((h) => h.which(decodeURIComponent(req.url)));
    if (held >= 0) await this.holds.splice(held, 1)[0]!.gate;
    this.requests++;
    const token = /^Bearer (.+)$/.exec(req.headers.get('authorization') ?? '')?.[1];
    const scopes = token ? this.tokens.get(token) : undefined;
    if (!scopes) {
      return json({
        status: 'error',
        message: 'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
        correlationId: correlationId(),
        category: 'INVALID_AUTHENTICATION',
      }, 401);
    }
    const limit = this.limits.find((l) => this.requests >= l.at && l.count > 0);
    if (limit) {
      limit.count--;
      return json(
        { status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', correlationId: correlationId(), policyName: 'TEN_SECONDLY_ROLLING', groupName: `publicapi:private-app:${this.portalId}` },
        429,
        { 'retry-after': String(limit.retryAfterSec), 'x-hubspot-ratelimit-interval-milliseconds': '10000', 'x-hubspot-ratelimit-max': '190', 'x-hubspot-ratelimit-remaining': '0' },
      );
    }
    const path = url.pathname;
    const need = (scope: string) => (scopes.includes(scope) ? undefined : missingScope(scope));
    if (req.method === 'GET' && path === '/account-info/v3/details') {
      return json({
        portalId: this.portalId, accountType: 'STANDARD', companyCurrency: this.currency, additionalCurrencies: [],
        timeZone: 'US/Eastern', utcOffset: '-05:00', utcOffsetMilliseconds: -18_000_000, uiDomain: 'app.hubspot.com', dataHostingLocation: 'na1',
      });
    }
    if (req.method === 'GET' && path === '/crm/v3/owners') {
      return need(SCOPE.owners) ?? json(this.page(this.owners.map((o) => ({ ...o, createdAt: '2020-01-01T00:00:00Z', updatedAt: '2020-01-01T00:00:00Z', archived: false, teams: [] })), url, path, 100));
    }
    let m = /^\/crm\/v3\/objects\/(companies|deals|line_items)$/.exec(path);
    if (req.method === 'GET' && m) {
      const type = m[1] as ObjectType;
      const archived = url.searchParams.get('archived') === 'true';
      const props = (url.searchParams.get('properties') ?? '').split(',').filter(Boolean);
      const rows = [...this.records[type].values()].filter((r) => r.archived === archived).sort(byId).map((r) => shape(r, props));
      return need(SCOPE[type]) ?? json(this.page(rows, url, path, 100));
    }
    m = /^\/crm\/v3\/objects\/(companies|deals|line_items)\/search$/.exec(path);
    if (req.method === 'POST' && m) {
      const type = m[1] as ObjectType;
      return need(SCOPE[type]) ?? this.search(type, (await req.json()) as SearchBody);
    }
    m = /^\/crm\/v3\/objects\/(companies|deals|line_items)\/batch\/read$/.exec(path);
    if (req.method === 'POST' && m) {
      const type = m[1] as ObjectType;
      const body = (await req.json()) as { properties?: string[]; inputs: Array<{ id: string }> };
      if (body.inputs.length > 100) return validation('Batch input cannot exceed 100 items.');
      const found = body.inputs.map((i) => this.records[type].get(i.id)).filter((r): r is HsRecord => !!r && !r.archived);
      return need(SCOPE[type]) ?? json({ status: 'COMPLETE', results: found.map((r) => shape(r, body.properties ?? [])), startedAt: new Date().toISOString(), completedAt: new Date().toISOString() });
    }
    m = /^\/crm\/v4\/associations\/deals\/(companies|line_items)\/batch\/read$/.exec(path);
    if (req.method === 'POST' && m) {
      const to = m[1] as ObjectType;
      const denied = need(SCOPE.deals) ?? need(SCOPE[to]);
      if (denied) return denied;
      const body = (await req.json()) as { inputs: Array<{ id: string; after?: string }> };
      if (body.inputs.length > 100) return validation('Batch input cannot exceed 100 items.');
      const map = to === 'companies' ? this.dealCompanies : this.dealLines;
      const results = [];
      const errors = [];
      for (const { id, after } of body.inputs) {
        const all = (map.get(id) ?? []).filter((t) => this.records[to].get(t)?.archived === false);
        const start = after ? Number(after) : 0;
        const ids = all.slice(start, start + this.associationsPage);
        if (!ids.length) {
          errors.push({ status: 'error', category: 'OBJECT_NOT_FOUND', subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND', message: `No ${to} is associated with deal ${id}.`, context: { fromObjectId: [id] } });
          continue;
        }
        results.push({
          from: { id },
          to: ids.map((t, i) => ({
            toObjectId: Number(t),
            associationTypes: to === 'companies' && start + i === 0
              ? [{ category: 'HUBSPOT_DEFINED', typeId: 5, label: 'Primary' }, { category: 'HUBSPOT_DEFINED', typeId: 341, label: null }]
              : [{ category: 'HUBSPOT_DEFINED', typeId: to === 'companies' ? 341 : 19, label: null }],
          })),
          ...(start + ids.length < all.length ? { paging: { next: { after: String(start + ids.length) } } } : {}),
        });
      }
      const out = { status: 'COMPLETE', results, ...(errors.length ? { numErrors: errors.length, errors } : {}), startedAt: new Date().toISOString(), completedAt: new Date().toISOString() };
      return json(out, errors.length ? 207 : 200);
    }
    return json({ status: 'error', message: `Unable to route ${req.method} request for ${path}`, correlationId: correlationId(), category: 'OBJECT_NOT_FOUND' }, 404);
  }

  /** One page of a GET list: `after` is the id of the last row of the page before. */
  private page<T extends { id: string }>(rows: T[], url: URL, path: string, max: number) {
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 10) || 10, max);
    const after = url.searchParams.get('after');
    const start = after ? rows.findIndex((r) => r.id === after) + 1 : 0;
    const results = rows.slice(start, start + limit);
    const more = start + limit < rows.length;
    const nextAfter = results[results.length - 1]?.id;
    return {
      results,
      ...(more && nextAfter ? { paging: { next: { after: nextAfter, link: `https://${HUBSPOT_HOST}${path}?after=${nextAfter}` } } } : {}),
    };
  }

  private search(type: ObjectType, body: SearchBody): Response {
    const limit = Math.min(body.limit ?? 10, 200);
    const offset = Number(body.after ?? 0);
    if (offset + limit > this.searchCap) return validation(`Paging beyond ${this.searchCap} results is not supported.`);
    let rows = [...this.records[type].values()].filter((r) => !r.archived);
    const groups = body.filterGroups ?? [];
    if (groups.length) rows = rows.filter((r) => groups.some((g) => g.filters.every((f) => matches(r, f))));
    const sort = body.sorts?.[0];
    rows.sort((a, b) => {
      if (sort) {
        const av = a.properties[sort.propertyName] ?? '';
        const bv = b.properties[sort.propertyName] ?? '';
        const c = sort.propertyName.includes('date') ? Date.parse(av) - Date.parse(bv) : av.localeCompare(bv);
        if (c) return sort.direction === 'DESCENDING' ? -c : c;
      }
      return byId(a, b);
    });
    const results = rows.slice(offset, offset + limit).map((r) => shape(r, body.properties ?? []));
    const more = offset + limit < rows.length;
    return json({ total: rows.length, results, ...(more ? { paging: { next: { after: String(offset + limit) } } } : {}) });
  }
}

interface SearchFilter { propertyName: string; operator: string; value?: string }
interface SearchBody { filterGroups?: Array<{ filters: SearchFilter[] }>; sorts?: Array<{ propertyName: string; direction: 'ASCENDING' | 'DESCENDING' }>; properties?: string[]; limit?: number; after?: string }

/** A date filter's value is epoch milliseconds or an ISO date-time, as HubSpot accepts both. */
function matches(r: HsRecord, f: SearchFilter): boolean {
  const raw = r.properties[f.propertyName];
  if (raw == null || f.value === undefined) return false;
  const isDate = /date/.test(f.propertyName);
  const a = isDate ? Date.parse(raw) : Number(raw);
  const b = isDate ? (/^\d+$/.test(f.value) ? Number(f.value) : Date.parse(f.value)) : Number(f.value);
  switch (f.operator) {
    case 'GTE': return a >= b;
    case 'GT': return a > b;
    case 'LTE': return a <= b;
    case 'LT': return a < b;
    case 'EQ': return raw === f.value;
    default: return false;
  }
}

function shape(r: HsRecord, props: string[]) {
  const properties: Record<string, string | null> = {};
  for (const p of [...ALWAYS, ...props]) if (p in r.properties) properties[p] = r.properties[p] ?? null;
  return { id: r.id, properties, createdAt: r.createdAt, updatedAt: r.updatedAt, archived: r.archived, ...(r.archivedAt ? { archivedAt: r.archivedAt } : {}) };
}

const byId = (a: { id: string }, b: { id: string }) => Number(a.id) - Number(b.id) || a.id.localeCompare(b.id);

function correlationId(): string {
  return crypto.randomUUID();
}

function missingScope(scope: string): Response {
  return json({
    status: 'error',
    message: "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
    correlationId: correlationId(),
    errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: [scope] } }],
    links: { scopes: 'https://developers.hubspot.com/scopes' },
    category: 'MISSING_SCOPES',
  }, 403);
}

function validation(message: string): Response {
  return json({ status: 'error', message, correlationId: correlationId(), category: 'VALIDATION_ERROR' }, 400);
}
