/**
 * A coach as stored: the record plus `customerKeys`, derived from it here and nowhere else,
 * for the multi-entry index `*customerKeys` (schema v3, lib/db/versions.ts) that finds the
 * coaches of a customer in one indexed query. Like a customer's `crmKeys` and `nameKey`
 * (lib/db/customers.ts toRow), the field is never synced, exported or edited: every write of
 * a coach row goes through `toCoachRow` — the coach changes of lib/db/coaches.ts and
 * lib/db/coach-import.ts, pulled records (lib/sync/records.ts rowOf), backup restore
 * (lib/backup/restore.ts) and the v3 upgrade.
 *
 * The keys come from the coach record alone, so they cannot drift from it, whatever order
 * concurrent syncs deliver coaches and customers in (the reverse links `Customer.coachIds`
 * of schema v1–v2 could):
 * - `id:<customerId>` for each customer the coach introduced (referrals);
 * - `d:<domain>` for each employer's domain and its parent domains (eu.acme.com also files
 *   under acme.com, as lib/db/coaches.ts customerByDomain finds a customer), past and present;
 * - `c:<companyKey>` for each employer's company name (lib/tenure/risk.ts companyKey).
 * A customer asks with its id, its domains and its name's company key (`customerKeys`). The
 * answers are candidates, as lib/tenure/risk.ts `coachesFor`'s are: the tenure panel's risk
 * and the dock's badges (lib/db/coach-info.ts `tie`) still check each coach's tie.
 */
import type { Coach, Customer } from '../model';
import { MAX_COACHES_PER_CUSTOMER } from '../model/bounds';
import { companyKey } from '../tenure/risk';
import type { HoldfastDB } from './database';
import { cached } from './hot-cache';

export type CoachRow = Coach & { customerKeys: string[] };

/** A domain and its parents, its top-level label excepted: eu.acme.com → eu.acme.com, acme.com. */
function domainAndParents(domain: string): string[] {
  const parts = domain.split('.');
  const out = [domain];
  for (let i = 1; i < parts.length - 1; i++) out.push(parts.slice(i).join('.'));
  return out;
}

/** The index keys of a coach (see the module comment); none for a removed coach. */
export function coachCustomerKeys(coach: Pick<Coach, 'referrals' | 'employers' | 'deleted'>): string[] {
  if (coach.deleted) return [];
  const keys = new Set<string>();
  for (const r of coach.referrals) keys.add(`id:${r.customerId}`);
  for (const e of coach.employers) {
    if (e.domain) for (const dom of domainAndParents(e.domain)) keys.add(`d:${dom}`);
    const company = companyKey(e.company);
    if (company !== '') keys.add(`c:${company}`);
  }
  return [...keys];
}

/** The keys a customer's coaches are found by. */
export function customerKeys(customer: Pick<Customer, 'id' | 'name' | 'domains'>): string[] {
  const keys = [`id:${customer.id}`, ...customer.domains.map((dom) => `d:${dom}`)];
  const company = companyKey(customer.name);
  if (company !== '') keys.push(`c:${company}`);
  return [...new Set(keys)];
}

/** The row to store for a coach record (an old row's stale keys are replaced). */
export function toCoachRow(coach: Coach): CoachRow {
  const { customerKeys: _old, ...record } = coach as Coach & { customerKeys?: unknown };
  return { ...record, customerKeys: coachCustomerKeys(record) };
}

/** The coach record of a stored row (the index field dropped). */
export function fromCoachRow(row: Coach): Coach {
  const { customerKeys: _k, ...coach } = row as Coach & { customerKeys?: unknown };
  return coach;
}

/**
 * Every key of the coaches' `customerKeys` index, kept in memory (lib/db/hot-cache.ts, dropped
 * on any coach write): most customers have no coach, and knowing which keys exist spares their
 * lookups any coach read at all.
 */
function knownCoachKeys(d: HoldfastDB): Promise<ReadonlySet<string>> {
  return cached(d, 'coachKeys', ['coaches'], async () => new Set((await d.coaches.orderBy('customerKeys').uniqueKeys()) as string[]));
}

/**
 * The live coaches tied to a customer — who introduced it, who works or worked there — by one
 * indexed read per key that some coach has, all issued at once (bounded: a common company
 * name is shared). Plain `equals` reads let IndexedDB answer each with one getAll; an
 * `anyOf(…).distinct().filter()` walks a cursor step by step, which doubled the dock's lookup
 * (coach query bench: 9.7 ms against 4.8). The reads go through the caller's `d`, which the
 * lookup binds to its read snapshot (lib/db/read-snapshot.ts, bound.ts).
 */
export async function coachesOfCustomer(d: HoldfastDB, customer: Pick<Customer, 'id' | 'name' | 'domains'>): Promise<CoachRow[]> {
  const known = await knownCoachKeys(d);
  const keys = customerKeys(customer).filter((k) => known.has(k));
  if (keys.length === 0) return [];
  const lists = await Promise.all(keys.map((key) => d.coaches.where('customerKeys').equals(key).limit(MAX_COACHES_PER_CUSTOMER).toArray()));
  const found = new Map<string, CoachRow>();
  for (const list of lists) for (const c of list) if (!c.deleted && found.size < MAX_COACHES_PER_CUSTOMER) found.set(c.id, c);
  return [...found.values()];
}
