/**
 * A stand-in for the Salesforce REST API of one org (issue 16), served at the org's My Domain
 * host (acme.my.salesforce.com), for the client in lib/crm/salesforce.ts.
 *
 * Built from Salesforce's published REST API Developer Guide and object reference:
 *   - Versions: https://developer.salesforce.com/docs/platform/api-rest/guide/dome-versions.html
 *     (`GET /services/data/` → [{label, url, version}], no authentication needed)
 *   - Query: https://developer.salesforce.com/docs/platform/api-rest/guide/resources-query.html and
 *     https://developer.salesforce.com/docs/platform/api-rest/guide/dome-query.html
 *     ({totalSize, done, nextRecordsUrl: "/services/data/vXX.X/query/01gRO0000016PIAYA2-2000", records:
 *     [{attributes: {type, url: "/services/data/vXX.X/sobjects/Account/001…"}, …}]}, up to 2,000 a batch)
 *   - QueryAll: https://developer.salesforce.com/docs/platform/api-rest/guide/dome-queryall.html
 *     (includes deleted and merged records; IsDeleted, MasterRecordId:
 *     https://developer.salesforce.com/docs/atlas.en-us.api.meta/object_ref/sforce_api_calls_queryall.htm)
 *   - Errors: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 *     (a JSON array of {message, errorCode}; 401 INVALID_SESSION_ID "Session expired or invalid";
 *     403 REQUEST_LIMIT_EXCEEDED "TotalRequests Limit exceeded."; 403 API_DISABLED_FOR_ORG
 *     "The REST API is not enabled for this Organization."; 400 INVALID_FIELD "No such column …",
 *     400 INVALID_TYPE for CurrencyType in a single-currency org; 400 MALFORMED_QUERY;
 *     400 INVALID_QUERY_LOCATOR)
 *   - CurrencyType exists only in multi-currency orgs, as does CurrencyIsoCode on records:
 *     https://developer.salesforce.com/docs/atlas.en-us.api.meta/object_ref/sforce_api_objects_currencytype.htm
 *   - UserInfo: https://help.salesforce.com/s/articleView?id=remoteaccess_using_userinfo_endpoint.htm
 *     ({sub, user_id, organization_id, preferred_username, name, email, locale, …})
 *   - Relationship queries (parent `Owner.Email` → {attributes, Email}; child subquery
 *     `(SELECT … FROM OpportunityLineItems)` → {totalSize, done, records} or null when none):
 *     https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_relationships_query_using.htm
 *
 * The SOQL reader understands what the client sends: a field list with dotted parent fields and
 * one child subquery, FROM one object, WHERE conditions joined by AND (=, !=, <, <=, >, >= against
 * true/false/null, 'strings', numbers and date-time literals), and LIMIT. Anything else is
 * MALFORMED_QUERY, as a typo would be.
 *
 * Data lives in tables read by position, so that `bigSalesforceOrg` can make 100,000 won
 * opportunities and their lines one page at a time instead of holding them all.
 */
import { salesforceId18 } from '@/lib/sites/salesforce';
import { json, record, type StandIn } from './serve';

/** Summer '14 (31.0) to Winter '27 (68.0), generally available since October 2026. */
export const SF_API_VERSIONS = Array.from({ length: 68 - 31 + 1 }, (_, i) => 31 + i);

const SEASONS = ['Winter', 'Spring', 'Summer'] as const;
/** "Summer '14" is 31.0; three releases a year. */
function versionLabel(v: number): string {
  const n = v - 31 + 2; // Summer '14 = index 2 of 2014
  return `${SEASONS[n % 3]} '${String(14 + Math.floor(n / 3)).padStart(2, '0')}`;
}

export interface SfUser {
  Id: string;
  Name: string;
  Email: string;
  Username: string;
}

export interface SfAccount {
  Id: string;
  Name: string;
  Website?: string | null;
  Type?: string | null;
  OwnerId: string;
  CreatedDate: string;
  SystemModstamp: string;
  IsDeleted: boolean;
  MasterRecordId?: string | null;
  CurrencyIsoCode?: string;
  /** Only in orgs that added the field (`customerSinceField`). */
  Customer_Since__c?: string | null;
}

export interface SfLine {
  Id: string;
  Product2Id: string;
  ProductName: string;
  Quantity: number;
  UnitPrice: number;
  TotalPrice: number;
}

export interface SfOpportunity {
  Id: string;
  Name: string;
  AccountId: string | null;
  CloseDate: string;
  Amount: number | null;
  CurrencyIsoCode?: string;
  Type?: string | null;
  StageName: string;
  IsWon: boolean;
  IsClosed: boolean;
  IsDeleted: boolean;
  OwnerId: string;
  SystemModstamp: string;
  lines: SfLine[];
}

/** Rows by position (append-only: positions stay put) and by id. */
export interface Table<T> {
  size(): number;
  at(i: number): T | undefined;
  byId(id: string): T | undefined;
  /** How many rows `pred` accepts, when the table can say without reading every row. */
  count?(pred: (row: T) => boolean): number;
}

export interface SfOrgData {
  orgId: string;
  name: string;
  /** My Domain host(s) the org answers at. */
  hosts: string[];
  isSandbox: boolean;
  /** e.g. en_US (Organization.DefaultLocaleSidKey). */
  locale: string;
  /** Multi-currency: CurrencyIsoCode on records and the CurrencyType object exist. */
  multiCurrency: boolean;
  /** The corporate currency (multi-currency) or the org's only currency. */
  currency: string;
  /** The org added a Customer_Since__c date field to Account. */
  customerSinceField: boolean;
  /**
   * Fields the session's user may not see (field-level security), as "Object.Field": the API
   * then answers INVALID_FIELD for them exactly as for fields that do not exist.
   */
  hiddenFields?: Set<string>;
  /** Objects the user's profile may not read at all ("OpportunityLineItem"). */
  hiddenObjects?: Set<string>;
  users: Table<SfUser>;
  accounts: Table<SfAccount>;
  opportunities: Table<SfOpportunity>;
  /** The user whose session is used. */
  me: string;
}

class ArrayTable<T extends { Id: string }> implements Table<T> {
  readonly rows: T[] = [];
  private readonly index = new Map<string, T>();
  size() {
    return this.rows.length;
  }
  at(i: number) {
    return this.rows[i];
  }
  byId(id: string) {
    return this.index.get(salesforceId18(id));
  }
  add(row: T): T {
    this.rows.push(row);
    this.index.set(row.Id, row);
    return row;
  }
}

// --- ids ----------------------------------------------------------------------------------

/** An 18-character id with the object's key prefix, from a number (deterministic). */
export function sfId(prefix: string, n: number): string {
  return salesforceId18(`${prefix}Bn${String(n).padStart(10, '0')}`);
}
const numberOf = (id: string): number => Number(id.slice(5, 15));

// --- the SOQL reader ------------------------------------------------------------------------

interface Condition {
  field: string;
  op: '=' | '!=' | '<' | '<=' | '>' | '>=';
  value: unknown;
}
interface Soql {
  text: string;
  fields: string[];
  child?: Soql & { relationship: string };
  object: string;
  where: Condition[];
  limit?: number;
}

class SoqlError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

function literal(raw: string): unknown {
  const v = raw.trim();
  if (/^true$/i.test(v)) return true;
  if (/^false$/i.test(v)) return false;
  if (/^null$/i.test(v)) return null;
  if (/^'.*'$/.test(v)) return v.slice(1, -1).replace(/\\'/g, "'");
  // SOQL date-time literals: YYYY-MM-DDThh:mm:ss(.sss)?(Z|±hh:mm), unquoted.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/.test(v)) return new Date(v).toISOString();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  throw new SoqlError('MALFORMED_QUERY', `unexpected token: '${v}'`);
}

/** Where ` FROM ` stands outside parentheses (a subquery has its own). */
function topLevelFrom(q: string): number {
  let depth = 0;
  for (let i = 0; i < q.length; i++) {
    if (q[i] === '(') depth++;
    else if (q[i] === ')') depth--;
    else if (depth === 0 && q.slice(i, i + 6).toUpperCase() === ' FROM ') return i;
  }
  return -1;
}

export function parseSoql(text: string): Soql {
  const q = text.trim().replace(/\s+/g, ' ');
  const at = topLevelFrom(q);
  const head = /^SELECT (.+)$/i.exec(q.slice(0, at));
  const m = at > 0 ? /^ FROM ([A-Za-z0-9_]+)(?: WHERE (.+?))?(?: ORDER BY [A-Za-z0-9_., ]+)?(?: LIMIT (\d+))?$/i.exec(q.slice(at)) : null;
  if (!head || !m) throw new SoqlError('MALFORMED_QUERY', `\n${q}\n^\nERROR at Row:1:Column:1\nunexpected token: '${q.split(' ')[0]}'`);
  const [, object, where, limit] = m;
  const fields: string[] = [];
  let child: Soql['child'];
  for (const f of splitTopLevel(head[1]!)) {
    if (f.startsWith('(')) {
      const inner = parseSoql(f.slice(1, -1));
      child = { ...inner, relationship: inner.object };
    } else fields.push(f);
  }
  const conditions: Condition[] = [];
  if (where) {
    for (const part of where.split(/ AND /i)) {
      const c = /^([A-Za-z0-9_.]+) ?(!=|<=|>=|=|<|>) ?(.+)$/.exec(part.trim());
      if (!c) throw new SoqlError('MALFORMED_QUERY', `unexpected token: '${part.trim()}'`);
      conditions.push({ field: c[1]!, op: c[2] as Condition['op'], value: literal(c[3]!) });
    }
  }
  return { text: q, fields, object: object!, where: conditions, ...(child ? { child } : {}), ...(limit ? { limit: Number(limit) } : {}) };
}

// --- objects: the fields each has and how they read ------------------------------------------

type Row = Record<string, unknown>;
interface ObjectDef {
  fields: (org: SfOrgData) => string[];
  parents?: Record<string, { type: string; get: (org: SfOrgData, row: Row) => Row | undefined }>;
  children?: Record<string, { type: string; get: (org: SfOrgData, row: Row) => Row[] }>;
  table?: (org: SfOrgData) => Table<Row>;
}

const OBJECTS: Record<string, ObjectDef> = {
  Organization: {
    fields: () => ['Id', 'Name', 'IsSandbox', 'DefaultLocaleSidKey', 'OrganizationType', 'InstanceName'],
  },
  CurrencyType: {
    fields: () => ['Id', 'IsoCode', 'IsCorporate', 'IsActive', 'ConversionRate', 'DecimalPlaces'],
  },
  User: {
    fields: () => ['Id', 'Name', 'Email', 'Username'],
    table: (org) => org.users as unknown as Table<Row>,
  },
  Account: {
    fields: (org) => [
      'Id', 'Name', 'Website', 'Type', 'OwnerId', 'CreatedDate', 'SystemModstamp', 'IsDeleted', 'MasterRecordId',
      ...(org.multiCurrency ? ['CurrencyIsoCode'] : []),
      ...(org.customerSinceField ? ['Customer_Since__c'] : []),
    ],
    parents: { Owner: { type: 'User', get: (org, r) => org.users.byId(r.OwnerId as string) as Row | undefined } },
    table: (org) => org.accounts as unknown as Table<Row>,
  },
  Opportunity: {
    fields: (org) => [
      'Id', 'Name', 'AccountId', 'CloseDate', 'Amount', 'Type', 'StageName', 'IsWon', 'IsClosed', 'IsDeleted', 'OwnerId', 'SystemModstamp',
      ...(org.multiCurrency ? ['CurrencyIsoCode'] : []),
    ],
    parents: {
      Account: { type: 'Account', get: (org, r) => (r.AccountId ? (org.accounts.byId(r.AccountId as string) as Row | undefined) : undefined) },
      Owner: { type: 'User', get: (org, r) => org.users.byId(r.OwnerId as string) as Row | undefined },
    },
    children: {
      OpportunityLineItems: {
        type: 'OpportunityLineItem',
        // OpportunityLineItem.Name is read-only: the opportunity's name and the product's.
        get: (_org, r) => ((r.lines ?? (r.makeLines as () => SfLine[])()) as SfLine[]).map((l) => ({ ...l, Name: `${r.Name as string} ${l.ProductName}`, OpportunityId: r.Id, CurrencyIsoCode: r.CurrencyIsoCode }) as Row),
      },
    },
    table: (org) => org.opportunities as unknown as Table<Row>,
  },
  OpportunityLineItem: {
    fields: (org) => ['Id', 'Name', 'OpportunityId', 'Product2Id', 'Quantity', 'UnitPrice', 'TotalPrice', ...(org.multiCurrency ? ['CurrencyIsoCode'] : [])],
    parents: { Product2: { type: 'Product2', get: (_org, r) => ({ Id: r.Product2Id, Name: r.ProductName }) } },
  },
  Product2: { fields: () => ['Id', 'Name'] },
};

function invalidField(q: Soql, field: string, object: string): SoqlError {
  const col = q.text.indexOf(field) + 1;
  return new SoqlError(
    'INVALID_FIELD',
    `\n${q.text}\n${' '.repeat(Math.max(0, col - 1))}^\nERROR at Row:1:Column:${col}\nNo such column '${field}' on entity '${object}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}

function objectDef(org: SfOrgData, q: Soql, name: string): ObjectDef {
  const def = OBJECTS[name];
  if (!def || (name === 'CurrencyType' && !org.multiCurrency) || org.hiddenObjects?.has(name)) {
    throw new SoqlError('INVALID_TYPE', `\n${q.text}\n^\nERROR at Row:1:Column:1\nsObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`);
  }
  return def;
}

/** Check every field the query names before reading a row, as Salesforce does. */
function visible(org: SfOrgData, def: ObjectDef, object: string, field: string): boolean {
  const name = def.fields(org).find((x) => x.toLowerCase() === field.toLowerCase());
  return name !== undefined && !org.hiddenFields?.has(`${object}.${name}`);
}

function validate(org: SfOrgData, q: Soql, object: string): void {
  const def = objectDef(org, q, object);
  for (const f of [...q.fields, ...q.where.map((c) => c.field)]) {
    const [head, sub] = f.split('.');
    if (sub !== undefined) {
      const parent = def.parents?.[head!];
      if (!parent) throw invalidField(q, head!, object);
      // A parent's field is reported on the parent's entity: "No such column 'Email' on entity 'User'".
      if (!visible(org, objectDef(org, q, parent.type), parent.type, sub)) throw invalidField(q, sub, parent.type);
    } else if (!visible(org, def, object, f)) throw invalidField(q, f, object);
  }
  if (q.child) {
    const rel = def.children?.[q.child.relationship];
    if (!rel || org.hiddenObjects?.has(rel.type)) throw new SoqlError('INVALID_TYPE', `Didn't understand relationship '${q.child.relationship}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name.`);
    validate(org, { ...q.child, text: q.text }, rel.type);
  }
}

const fieldValue = (row: Row, f: string): unknown => {
  if (f in row) return row[f] ?? null;
  const key = Object.keys(row).find((k) => k.toLowerCase() === f.toLowerCase());
  return key === undefined ? null : (row[key] ?? null);
};

function matches(row: Row, where: Condition[]): boolean {
  return where.every(({ field, op, value }) => {
    const v = fieldValue(row, field);
    if (op === '=') return v === value;
    if (op === '!=') return v !== value;
    if (v === null || value === null) return false;
    const a = typeof v === 'string' && /T\d\d:/.test(v) ? Date.parse(v) : (v as number | string);
    const b = typeof value === 'string' && /T\d\d:/.test(value) ? Date.parse(value) : (value as number | string);
    if (op === '<') return a < b;
    if (op === '<=') return a <= b;
    if (op === '>') return a > b;
    return a >= b;
  });
}

export interface SalesforceStandInOptions {
  /** Records per batch (Salesforce: up to 2,000). */
  pageSize?: number;
  /** Child records in a subquery before the child result pages (Salesforce: 200 in a batch of many). */
  childPageSize?: number;
  /** The session id the org accepts (what the `sid` cookie holds). */
  sid?: string;
}

type FailureKind = 'limit' | 'session' | 'disabled' | 'server' | 'unavailable';

const FAILURES: Record<FailureKind, () => Response> = {
  limit: () => json([{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }], 403),
  session: () => json([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }], 401),
  disabled: () => json([{ message: 'The REST API is not enabled for this Organization.', errorCode: 'API_DISABLED_FOR_ORG' }], 403),
  server: () => json([{ message: 'An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-1234567890)', errorCode: 'UNKNOWN_EXCEPTION' }], 500),
  unavailable: () => new Response('<html><body>Service Unavailable</body></html>', { status: 503, headers: { 'content-type': 'text/html' } }),
};

interface Cursor {
  q: Soql;
  /** The object its records are (a child result: the child object). */
  type: string;
  all: boolean;
  /** The next table position to scan, and how many records have been returned. */
  pos: number;
  delivered: number;
  total: number;
  /** A child result's rows (subquery continuation). */
  rows?: Row[];
}

export interface SalesforceStandIn extends StandIn {
  readonly org: SfOrgData;
  /** The session id the org currently accepts. */
  sid: string;
  /** API requests answered so far (the versions list needs no session and is not counted). */
  requests: number;
  /** Every API request from now on fails this way until cleared (undefined). */
  failAll?: FailureKind;
  /** The nth API request from now (1 = the next) fails this way, `times` times in a row. */
  failNth(n: number, kind: FailureKind, times?: number): void;
  /** The session ends: every request answers 401 INVALID_SESSION_ID until `signIn`. */
  expireSession(): void;
  /** A new session (the user signed in again); returns its sid. */
  signIn(): string;
  /** Forget planned failures (failNth) and stop failAll. */
  clearFailures(): void;
  /** Hold the first request whose decoded address `which` accepts until the returned release is called. */
  hold(which: (url: string) => boolean): () => void;
}

/** Serve `org` at its My Domain host(s). */
export function salesforceStandIn(org: SfOrgData, o: SalesforceStandInOptions = {}): SalesforceStandIn {
  const pageSize = o.pageSize ?? 2000;
  const childPageSize = o.childPageSize ?? 200;
  const cursors = new Map<string, Cursor>();
  const failPlan = new Map<number, FailureKind>();
  const holds: Array<{ which: (url: string) => boolean; gate: Promise<void> }> = [];
  let locators = 0;
  let sessions = 0;

  const newSid = () => `${org.orgId.slice(0, 15)}!AQ0AQ${(++sessions).toString(36).padStart(4, '0')}.sessionStandIn${Math.random().toString(36).slice(2, 12)}`;

  /** Field names as the object spells them, by lower case (queries may spell them any way). */
  const spellings = new Map<string, Map<string, string>>();
  const keyOf = (type: string, object: ObjectDef, f: string): string => {
    let m = spellings.get(type);
    if (!m) spellings.set(type, (m = new Map(object.fields(org).map((x) => [x.toLowerCase(), x]))));
    return m.get(f.toLowerCase()) ?? f;
  };

  function recordJson(type: string, row: Row, q: Soql, version: string, object: ObjectDef): Row {
    const out: Row = { attributes: { type, url: `/services/data/${version}/sobjects/${type}/${row.Id as string}` } };
    for (const f of q.fields) {
      const dot = f.indexOf('.');
      const head = dot < 0 ? f : f.slice(0, dot);
      const sub = dot < 0 ? undefined : f.slice(dot + 1);
      if (sub === undefined) {
        const key = keyOf(type, object, f);
        out[key] = row[key] ?? null;
        continue;
      }
      const rel = object.parents![head]!;
      const parent = rel.get(org, row);
      if (!parent) {
        out[head] = null;
        continue;
      }
      const holder = (out[head] as Row | null | undefined) ?? { attributes: { type: rel.type, url: `/services/data/${version}/sobjects/${rel.type}/${parent.Id as string}` } };
      holder[sub] = parent[sub] ?? null;
      out[head] = holder;
    }
    if (q.child) {
      const rel = object.children![q.child.relationship]!;
      const childDef = OBJECTS[rel.type]!;
      const rows = rel.get(org, row).filter((r) => matches(r, q.child!.where));
      if (!rows.length) out[q.child.relationship] = null;
      else {
        const first = rows.slice(0, childPageSize).map((r) => recordJson(rel.type, r, q.child!, version, childDef));
        const result: Row = { totalSize: rows.length, done: rows.length <= childPageSize, records: first };
        if (rows.length > childPageSize) {
          const id = locator();
          cursors.set(id, { q: q.child, type: rel.type, all: false, pos: childPageSize, delivered: childPageSize, total: rows.length, rows });
          result.nextRecordsUrl = `/services/data/${version}/query/${id}-${childPageSize}`;
        }
        out[q.child.relationship] = result;
      }
    }
    return out;
  }

  const locator = () => `01gBn${String(++locators).padStart(10, '0')}AAA`;

  function page(c: Cursor, id: string, version: string): Row {
    const type = c.type;
    const def = OBJECTS[type]!;
    const records: Row[] = [];
    if (c.rows) {
      for (; c.pos < c.rows.length && records.length < childPageSize; c.pos++) records.push(recordJson(type, c.rows[c.pos]!, c.q, version, def));
    } else {
      const table = def.table!(org);
      const n = table.size();
      const cap = Math.min(c.total, c.q.limit ?? Infinity);
      for (; c.pos < n && records.length < pageSize && c.delivered + records.length < cap; c.pos++) {
        const row = table.at(c.pos) as Row;
        if (!c.all && row.IsDeleted) continue;
        if (matches(row, c.q.where)) records.push(recordJson(type, row, c.q, version, def));
      }
    }
    c.delivered += records.length;
    const done = c.delivered >= Math.min(c.total, c.q.limit ?? Infinity);
    const out: Row = { totalSize: c.total, done, records };
    if (done) cursors.delete(id);
    else out.nextRecordsUrl = `/services/data/${version}/query/${id}-${c.delivered}`;
    return out;
  }

  function runQuery(text: string, all: boolean, version: string): Row {
    const q = parseSoql(text);
    validate(org, q, q.object);
    if (q.object === 'Organization') {
      const row = { Id: org.orgId, Name: org.name, IsSandbox: org.isSandbox, DefaultLocaleSidKey: org.locale, OrganizationType: 'Enterprise Edition', InstanceName: 'USA123' };
      return { totalSize: 1, done: true, records: [recordJson('Organization', row, q, version, OBJECTS.Organization!)] };
    }
    if (q.object === 'CurrencyType') {
      const rows = [org.currency, ...['EUR', 'GBP', 'JPY'].filter((c) => c !== org.currency)].map((code, i) => ({ Id: sfId('01L', i + 1), IsoCode: code, IsCorporate: i === 0, IsActive: true, ConversionRate: 1, DecimalPlaces: code === 'JPY' ? 0 : 2 }) as Row);
      const found = rows.filter((r) => matches(r, q.where));
      return { totalSize: found.length, done: true, records: found.map((r) => recordJson('CurrencyType', r, q, version, OBJECTS.CurrencyType!)) };
    }
    const table = OBJECTS[q.object]!.table!(org);
    const wanted = (row: Row) => (all || !row.IsDeleted) && matches(row, q.where);
    let total = 0;
    if (table.count) total = table.count(wanted);
    else for (let i = 0, n = table.size(); i < n; i++) if (wanted(table.at(i) as Row)) total++;
    const id = locator();
    const c: Cursor = { q, type: q.object, all, pos: 0, delivered: 0, total };
    cursors.set(id, c);
    return page(c, id, version);
  }

  const stand: SalesforceStandIn = {
    org,
    hosts: org.hosts,
    seen: [],
    sid: o.sid ?? newSid(),
    requests: 0,
    failNth(n, kind, times = 1) {
      for (let i = 0; i < times; i++) failPlan.set(stand.requests + n + i, kind);
    },
    expireSession() {
      stand.sid = `expired-${Math.random()}`;
    },
    signIn() {
      stand.sid = newSid();
      return stand.sid;
    },
    clearFailures() {
      failPlan.clear();
      stand.failAll = undefined;
    },
    hold(which) {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      holds.push({ which, gate });
      return release;
    },
    async handle(req) {
      record(stand, req);
      const held = holds.findIndex((h) => h.which(decodeURIComponent(req.url)));
      if (held >= 0) await holds.splice(held, 1)[0]!.gate;
      const url = new URL(req.url);
      const path = url.pathname.replace(/\/+$/, '');
      if (req.method !== 'GET') return json([{ message: `HTTP Method '${req.method}' not allowed. Allowed are GET`, errorCode: 'METHOD_NOT_ALLOWED' }], 405);
      // The versions list needs no session.
      if (path === '/services/data') {
        return json(SF_API_VERSIONS.map((v) => ({ label: versionLabel(v), url: `/services/data/v${v}.0`, version: `${v}.0` })));
      }
      const n = ++stand.requests;
      const planned = failPlan.get(n);
      failPlan.delete(n);
      const auth = req.headers.get('authorization') ?? '';
      const token = /^(?:Bearer|OAuth) (.+)$/.exec(auth)?.[1];
      if (path === '/services/oauth2/userinfo') {
        if (token !== stand.sid) return new Response('Bad_OAuth_Token', { status: 403, headers: { 'content-type': 'text/plain' } });
        const me = org.users.byId(org.me)!;
        const [given, ...family] = me.Name.split(' ');
        return json({
          sub: `https://login.salesforce.com/id/${org.orgId}/${me.Id}`, user_id: me.Id, organization_id: org.orgId, preferred_username: me.Username,
          nickname: me.Username.split('@')[0], name: me.Name, email: me.Email, email_verified: true, given_name: given, family_name: family.join(' '),
          zoneinfo: 'America/Los_Angeles', locale: org.locale, language: 'en_US', user_type: 'STANDARD', utcOffset: -28800000,
          updated_at: '2026-01-05T10:00:00Z', is_app_installed: true,
          urls: { rest: `https://${org.hosts[0]}/services/data/v{version}/`, query: `https://${org.hosts[0]}/services/data/v{version}/query/` },
        });
      }
      if (token !== stand.sid) return FAILURES.session();
      const failure = planned ?? stand.failAll;
      if (failure) return FAILURES[failure]();
      const m = /^\/services\/data\/(v\d+\.\d)\/(query|queryAll)(?:\/([A-Za-z0-9]+)-(\d+))?$/.exec(path);
      if (!m) {
        if (/^\/services\/data\/v\d+\.\d$/.test(path)) return json({ query: `${path}/query`, queryAll: `${path}/queryAll`, sobjects: `${path}/sobjects` });
        return json([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }], 404);
      }
      const [, version, kind, locatorId] = m;
      if (!SF_API_VERSIONS.includes(Number(version!.slice(1)))) return json([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }], 404);
      const headers = { 'sforce-limit-info': `api-usage=${n}/15000` };
      try {
        if (locatorId) {
          const c = cursors.get(locatorId);
          if (!c) return json([{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }], 400);
          return json(page(c, locatorId, version!), 200, headers);
        }
        const q = url.searchParams.get('q');
        if (!q) return json([{ message: 'A query string has to be specified', errorCode: 'MALFORMED_QUERY' }], 400);
        return json(runQuery(q, kind === 'queryAll', version!), 200, headers);
      } catch (e) {
        if (e instanceof SoqlError) return json([{ message: e.message, errorCode: e.errorCode }], 400);
        throw e;
      }
    },
  };
  return stand;
}

// --- a small org to change in tests ---------------------------------------------------------

export interface SmallOrg extends SfOrgData {
  users: ArrayTable<SfUser>;
  accounts: ArrayTable<SfAccount>;
  opportunities: ArrayTable<SfOpportunity>;
  /**
   * The org's clock: every change stamps SystemModstamp with it. Starts at `start` (tests that
   * pin time) and `tick` moves it on by `ms`; without `start` it never falls behind real time.
   */
  now: string;
  tick(ms?: number): string;
  addUser(u: Omit<SfUser, 'Id' | 'Username'> & { Id?: string }): SfUser;
  addAccount(a: Partial<SfAccount> & { Name: string }): SfAccount;
  /** A won opportunity (unless told otherwise) with its product lines. */
  addOpportunity(o: Partial<Omit<SfOpportunity, 'lines'>> & { Name: string; AccountId: string | null; CloseDate: string; lines?: Array<{ product: string; amount: number; Id?: string }> }): SfOpportunity;
  updateAccount(id: string, patch: Partial<SfAccount>): SfAccount;
  updateOpportunity(id: string, patch: Partial<SfOpportunity>): SfOpportunity;
  deleteAccount(id: string): void;
  deleteOpportunity(id: string): void;
  /** Merge `loserId` into `masterId`: the loser is deleted with MasterRecordId set; its opportunities move to the master. */
  mergeAccounts(masterId: string, loserId: string): void;
}

export interface SmallOrgOptions {
  name?: string;
  host?: string;
  multiCurrency?: boolean;
  currency?: string;
  locale?: string;
  customerSinceField?: boolean;
  /** The org's clock at the start (ISO); real time by default. */
  start?: string;
}

export function salesforceOrg(o: SmallOrgOptions = {}): SmallOrg {
  const users = new ArrayTable<SfUser>();
  const accounts = new ArrayTable<SfAccount>();
  const opportunities = new ArrayTable<SfOpportunity>();
  let counter = 0;
  let lineCounter = 0;
  const host = o.host ?? 'acme.my.salesforce.com';
  const multi = o.multiCurrency ?? false;
  const currency = o.currency ?? 'USD';
  const org: SmallOrg = {
    orgId: sfId('00D', 1),
    name: o.name ?? 'Acme Inc.',
    hosts: [host],
    isSandbox: host.includes('.sandbox.'),
    locale: o.locale ?? 'en_US',
    multiCurrency: multi,
    currency,
    customerSinceField: o.customerSinceField ?? false,
    users,
    accounts,
    opportunities,
    me: '',
    now: o.start ?? new Date().toISOString(),
    tick(ms = 1000) {
      org.now = new Date(Math.max(Date.parse(org.now) + ms, o.start ? 0 : Date.now())).toISOString();
      return org.now;
    },
    addUser(u) {
      const id = u.Id ?? sfId('005', ++counter);
      const user = users.add({ Id: id, Name: u.Name, Email: u.Email, Username: `${u.Email.split('@')[0]}@acme.example` });
      if (!org.me) org.me = user.Id;
      return user;
    },
    addAccount(a) {
      if (!users.size()) org.addUser({ Name: 'Dana Rep', Email: 'dana@acme.example' });
      const id = salesforceId18(a.Id ?? sfId('001', ++counter));
      return accounts.add({
        Website: null, Type: null, OwnerId: org.me, CreatedDate: org.now, MasterRecordId: null, IsDeleted: false,
        ...(multi ? { CurrencyIsoCode: currency } : {}),
        ...(org.customerSinceField ? { Customer_Since__c: null } : {}),
        ...a,
        Id: id,
        SystemModstamp: org.now,
      });
    },
    addOpportunity(x) {
      if (!users.size()) org.addUser({ Name: 'Dana Rep', Email: 'dana@acme.example' });
      const id = salesforceId18(x.Id ?? sfId('006', ++counter));
      const lines = (x.lines ?? []).map((l) => ({ Id: l.Id ?? sfId('00k', ++lineCounter), Product2Id: sfId('01t', hash(l.product)), ProductName: l.product, Quantity: 1, UnitPrice: l.amount, TotalPrice: l.amount }));
      const won = x.IsWon ?? true;
      const { lines: _lines, ...rest } = x;
      return opportunities.add({
        Amount: lines.length ? lines.reduce((s, l) => s + l.TotalPrice, 0) : null, Type: null, StageName: won ? 'Closed Won' : 'Prospecting', IsWon: won, IsClosed: won,
        IsDeleted: false, OwnerId: org.me, ...(multi ? { CurrencyIsoCode: currency } : {}),
        ...rest,
        Id: id,
        SystemModstamp: org.now,
        lines,
      });
    },
    updateAccount(id, patch) {
      const a = accounts.byId(id);
      if (!a) throw new Error(`no account ${id}`);
      return Object.assign(a, patch, { SystemModstamp: org.tick() });
    },
    updateOpportunity(id, patch) {
      const opp = opportunities.byId(id);
      if (!opp) throw new Error(`no opportunity ${id}`);
      return Object.assign(opp, patch, { SystemModstamp: org.tick() });
    },
    deleteAccount(id) {
      org.updateAccount(id, { IsDeleted: true });
      // Deleting an account deletes its opportunities (cascade), as Salesforce does.
      for (const opp of opportunities.rows) if (opp.AccountId === id && !opp.IsDeleted) org.updateOpportunity(opp.Id, { IsDeleted: true });
    },
    deleteOpportunity(id) {
      org.updateOpportunity(id, { IsDeleted: true });
    },
    mergeAccounts(masterId, loserId) {
      for (const opp of opportunities.rows) if (opp.AccountId === loserId && !opp.IsDeleted) org.updateOpportunity(opp.Id, { AccountId: masterId });
      org.updateAccount(loserId, { IsDeleted: true, MasterRecordId: masterId });
      org.updateAccount(masterId, {});
    },
  };
  return org;
}

function hash(s: string): number {
  let h = 0;
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) % 1_000_000;
  return h;
}

// --- a big org for the bench, made a row at a time ----------------------------------------

export interface BigOrgOptions {
  accounts: number;
  deals: number;
  linesPerDeal: number;
  host?: string;
  /** Every deal in this currency (single-currency org) unless multi-currency. */
  currency?: string;
  multiCurrency?: boolean;
}

const PRODUCTS = ['Platform', 'Analytics', 'Support', 'Training', 'Integrations', 'Storage'];
const TYPES = ['New Customer', 'Existing Customer - Upgrade', 'Existing Customer - Replacement', null];

/**
 * An org of `accounts` accounts and `deals` won opportunities with `linesPerDeal` lines each,
 * none of them held: each row is computed from its position when a page asks for it (ids
 * encode the position, so lookups by id are arithmetic too).
 */
export function bigSalesforceOrg(o: BigOrgOptions): SfOrgData {
  const stamp = '2026-11-30T12:00:00.000Z';
  const currency = o.currency ?? 'USD';
  const multi = o.multiCurrency ?? false;
  const USERS = 50;
  const userIds = Array.from({ length: USERS + 1 }, (_, i) => sfId('005', i));
  const productIds = PRODUCTS.map((_, i) => sfId('01t', i + 1));
  const user = (i: number): SfUser | undefined => (i >= 1 && i <= USERS ? { Id: userIds[i]!, Name: `Rep ${i}`, Email: `rep${i}@acme.example`, Username: `rep${i}@acme.example` } : undefined);
  const account = (i: number): SfAccount | undefined =>
    i >= 0 && i < o.accounts
      ? {
          Id: sfId('001', i + 1), Name: `Customer ${i + 1}`, Website: `customer${i + 1}.example`, Type: i % 10 === 9 ? 'Prospect' : 'Customer - Direct',
          OwnerId: userIds[(i % USERS) + 1]!, CreatedDate: '2019-03-14T09:00:00.000Z', SystemModstamp: stamp, IsDeleted: false, MasterRecordId: null,
          ...(multi ? { CurrencyIsoCode: currency } : {}),
        }
      : undefined;
  const opportunity = (j: number): SfOpportunity | undefined => {
    if (j < 0 || j >= o.deals) return undefined;
    const price = (k: number) => 1000 + ((j * 7 + k * 13) % 90) * 250 + 0.5 * (k % 2);
    let amount = 0;
    for (let k = 0; k < o.linesPerDeal; k++) amount += price(k);
    // Lines are made when a query reads them (counting deals does not).
    const lines = (): SfLine[] =>
      Array.from({ length: o.linesPerDeal }, (_, k) => ({
        Id: sfId('00k', j * o.linesPerDeal + k + 1), Product2Id: productIds[(j + k) % PRODUCTS.length]!, ProductName: PRODUCTS[(j + k) % PRODUCTS.length]!,
        Quantity: 1, UnitPrice: price(k), TotalPrice: price(k),
      }));
    const year = 2018 + (j % 9);
    const month = String((j % 12) + 1).padStart(2, '0');
    const day = String((j % 28) + 1).padStart(2, '0');
    const opp = {
      Id: sfId('006', j + 1), Name: `Deal ${j + 1}`, AccountId: sfId('001', (j % o.accounts) + 1), CloseDate: `${year}-${month}-${day}`,
      Amount: amount, Type: TYPES[j % TYPES.length] ?? null, StageName: 'Closed Won', IsWon: true, IsClosed: true,
      IsDeleted: false, OwnerId: userIds[(j % USERS) + 1]!, SystemModstamp: stamp, ...(multi ? { CurrencyIsoCode: currency } : {}),
    };
    return { ...opp, makeLines: lines } as unknown as SfOpportunity;
  };
  const table = <T>(size: number, at: (i: number) => T | undefined, prefix: string): Table<T> => ({
    size: () => size,
    at,
    byId: (id) => (id.startsWith(prefix) ? at(numberOf(id) - 1) : undefined),
    // Every row agrees on what a WHERE here names (all won, none deleted, one SystemModstamp): one row answers for all.
    count: (pred) => (size && pred(at(0)!) ? size : 0),
  });
  return {
    orgId: sfId('00D', 1),
    name: 'Acme Inc.',
    hosts: [o.host ?? 'acme.my.salesforce.com'],
    isSandbox: false,
    locale: 'en_US',
    multiCurrency: multi,
    currency,
    customerSinceField: false,
    users: table(USERS, (i) => user(i + 1), '005'),
    accounts: table(o.accounts, account, '001'),
    opportunities: table(o.deals, opportunity, '006'),
    me: sfId('005', 1),
  };
}
