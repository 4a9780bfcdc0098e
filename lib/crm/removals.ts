/**
 * Following what the CRM removed (lib/crm/engine.ts): lines a deal no longer has, deals
 * deleted or no longer won, accounts deleted or merged. Revenue the CRM no longer has is
 * tombstoned (deleted, so the deletion syncs; DESIGN §5); nothing a rep entered — problems,
 * notes, contacts, coaches, a customer-since they set — is ever dropped: a merge moves it to
 * the surviving customer, a deletion keeps the customer that holds it (without the CRM's
 * reference).
 */
import * as z from 'zod/mini';
import { crmKey, Customer, type CrmRef, type RevenueLine } from '../model';
import { toCoachRow, fromCoachRow } from '../db/coach-rows';
import { customerCoaches } from '../db/tenure-query';
import { fromRow, toRow } from '../db/customers';
import type { CustomerRow, HoldfastDB } from '../db/database';
import { OBJECT_TYPES } from '../db/import-writes';
import { markUncaptured } from '../sync/capture';
import type { CrmProduct, CrmRemoval } from './types';

export interface RemovalContext {
  d: HoldfastDB;
  product: CrmProduct;
  tenant: string;
  /** Share 'me': nothing this connection writes is queued for team sync. */
  uncaptured: boolean;
  now: () => string;
}

export function refOf(ctx: Pick<RemovalContext, 'product' | 'tenant'>, kind: 'accounts' | 'deals', recordId: string): CrmRef {
  return { site: ctx.product, tenant: ctx.tenant, objectType: OBJECT_TYPES[ctx.product][kind], recordId };
}

export const accountKey = (ctx: Pick<RemovalContext, 'product' | 'tenant'>, id: string) => crmKey(refOf(ctx, 'accounts', id));
export const dealKey = (ctx: Pick<RemovalContext, 'product' | 'tenant'>, id: string) => crmKey(refOf(ctx, 'deals', id));

/** The live lines of these deals, by the `deal` index (schema v4). */
export async function linesOfDeals(d: HoldfastDB, keys: string[]): Promise<RevenueLine[]> {
  if (!keys.length) return [];
  const rows = await d.revenueLines.where('deal').anyOf(keys).toArray();
  return rows.filter((r) => !r.deleted);
}

/** One read-write transaction, uncaptured for a 'me' connection. */
function write<T>(ctx: RemovalContext, tables: string[], body: () => Promise<T>): Promise<T> {
  return ctx.d.transaction('rw', tables, async () => {
    if (ctx.uncaptured) markUncaptured();
    return body();
  });
}

/** Tombstone lines (in chunks: a reopened mega-deal or a big merge is still one small transaction each). */
export async function retireLines(ctx: RemovalContext, lines: RevenueLine[]): Promise<number> {
  const at = ctx.now();
  for (let i = 0; i < lines.length; i += 2500) {
    const chunk = lines.slice(i, i + 2500).map((l) => ({ ...l, deleted: true, updatedAt: at }));
    await write(ctx, ['revenueLines'], () => ctx.d.revenueLines.bulkPut(chunk));
  }
  return lines.length;
}

/** Deals deleted or no longer won: all their revenue leaves. Answers how many deals had any, and lines. */
export async function removeDeals(ctx: RemovalContext, ids: string[]): Promise<{ deals: number; lines: number }> {
  const lines = await linesOfDeals(ctx.d, ids.map((id) => dealKey(ctx, id)));
  const deals = new Set(lines.map((l) => l.deal)).size;
  return { deals, lines: await retireLines(ctx, lines) };
}

async function customerByKey(d: HoldfastDB, key: string): Promise<CustomerRow | undefined> {
  const rows = await d.customers.where('crmKeys').equals(key).toArray();
  return rows.find((r) => !r.deleted);
}

const REP_TABLES = ['customers', 'revenueLines', 'contacts', 'notes', 'problems', 'coaches'];

function saveCustomerRow(ctx: RemovalContext, c: Customer): Promise<unknown> {
  return ctx.d.customers.put(toRow(z.parse(Customer, { ...c, updatedAt: ctx.now() })));
}

/** Does the customer hold anything a rep entered (or revenue from elsewhere than this CRM)? */
async function holdsRepData(ctx: RemovalContext, row: CustomerRow): Promise<boolean> {
  const d = ctx.d;
  const [problems, notes, contacts, coaches, lines] = await Promise.all([
    d.problems.where('customerId').equals(row.id).filter((r) => !r.deleted).count(),
    d.notes.where('customerId').equals(row.id).filter((r) => !r.deleted).count(),
    d.contacts.where('customerId').equals(row.id).filter((r) => !r.deleted).count(),
    customerCoaches(d, row).then((c) => c.length),
    d.revenueLines.where('[customerId+date]').between([row.id, ''], [row.id, '\uffff']).filter((l) => !l.deleted && !l.deal?.startsWith(`${ctx.product}|${ctx.tenant}|`)).count(),
  ]);
  return problems + notes + contacts + coaches + lines > 0 || row.sinceSource === 'rep' || !!row.lastContactAt;
}

/** Every record of `from` moves to customer `to`: revenue, problems, notes, contacts, coaches' referrals. */
async function moveEverything(ctx: RemovalContext, from: string, to: string): Promise<void> {
  const d = ctx.d;
  const at = ctx.now();
  const lines = await d.revenueLines.where('[customerId+date]').between([from, ''], [from, '\uffff']).toArray();
  await d.revenueLines.bulkPut(lines.filter((l) => !l.deleted).map((l) => ({ ...l, customerId: to, updatedAt: at })));
  for (const table of [d.problems, d.notes, d.contacts] as const) {
    const rows = await (table as typeof d.notes).where('customerId').equals(from).toArray();
    const moved = rows.filter((r) => !r.deleted).map((r) => ({ ...r, customerId: to, updatedAt: at }));
    if (moved.length) await (table as typeof d.notes).bulkPut(moved);
  }
  const coaches = await d.coaches.where('customerKeys').equals(`id:${from}`).toArray();
  const fixed = coaches
    .filter((c) => !c.deleted)
    .map((c) => toCoachRow({ ...fromCoachRow(c), referrals: c.referrals.map((r) => (r.customerId === from ? { ...r, customerId: to } : r)), updatedAt: at }));
  if (fixed.length) await d.coaches.bulkPut(fixed);
}

/**
 * Accounts deleted or merged away in the CRM. Merged: the loser's customer folds into the
 * master's (everything moves, the loser is tombstoned), or, when the master has no customer
 * here, simply becomes the master's. Deleted: the CRM's reference goes; the customer is
 * tombstoned with its revenue from this CRM only when it holds nothing a rep entered.
 */
export async function removeAccounts(ctx: RemovalContext, removals: CrmRemoval[]): Promise<number> {
  let removed = 0;
  for (const r of removals) {
    const loserKey = accountKey(ctx, r.id);
    const done = await write(ctx, REP_TABLES, async () => {
      const loser = await customerByKey(ctx.d, loserKey);
      if (!loser) return false;
      const withoutLoser = (c: CustomerRow) => fromRow(c).crmRefs.filter((ref) => crmKey(ref) !== loserKey);
      if (r.mergedInto) {
        const masterRef = refOf(ctx, 'accounts', r.mergedInto);
        const master = await customerByKey(ctx.d, crmKey(masterRef));
        if (!master || master.id === loser.id) {
          await saveCustomerRow(ctx, { ...fromRow(loser), crmRefs: [...withoutLoser(loser), ...(master ? [] : [masterRef])] });
          return true;
        }
        await moveEverything(ctx, loser.id, master.id);
        const m = fromRow(master);
        const l = fromRow(loser);
        const merged: Customer = {
          ...m,
          domains: [...new Set([...m.domains, ...l.domains])].slice(0, 50),
          crmRefs: [...m.crmRefs, ...withoutLoser(loser).filter((ref) => !m.crmRefs.some((x) => crmKey(x) === crmKey(ref)))].slice(0, 50),
        };
        // What the rep gave the loser fills what the master lacks.
        if (l.sinceSource === 'rep' && m.sinceSource !== 'rep' && l.customerSince) Object.assign(merged, { customerSince: l.customerSince, sinceSource: 'rep' });
        if (!m.renewalDate && l.renewalDate) merged.renewalDate = l.renewalDate;
        if (!m.ownerRepId && l.ownerRepId) merged.ownerRepId = l.ownerRepId;
        if (l.lastContactAt && (!m.lastContactAt || l.lastContactAt > m.lastContactAt)) merged.lastContactAt = l.lastContactAt;
        await saveCustomerRow(ctx, merged);
        await saveCustomerRow(ctx, { ...l, deleted: true });
        return true;
      }
      const rest = withoutLoser(loser);
      if (rest.length || (await holdsRepData(ctx, loser))) {
        await saveCustomerRow(ctx, { ...fromRow(loser), crmRefs: rest });
        return true;
      }
      const lines = await ctx.d.revenueLines.where('[customerId+date]').between([loser.id, ''], [loser.id, '\uffff']).filter((l) => !l.deleted).toArray();
      const at = ctx.now();
      if (lines.length) await ctx.d.revenueLines.bulkPut(lines.map((l) => ({ ...l, deleted: true, updatedAt: at })));
      await saveCustomerRow(ctx, { ...fromRow(loser), deleted: true });
      return true;
    });
    if (done) removed++;
  }
  return removed;
}

/**
 * The record ids this connection's customers and revenue come from (index keys only, no rows
 * loaded), for a client that finds deletions by comparing them with the ids the CRM still
 * has (Dynamics; ReadOptions.known). Tombstoned ones may be among them: removing them again
 * changes nothing.
 */
export async function knownIds(ctx: Pick<RemovalContext, 'd' | 'product' | 'tenant'>): Promise<{ accounts: string[]; deals: string[] }> {
  const accountPrefix = accountKey(ctx, '');
  const dealPrefix = dealKey(ctx, '');
  const [accounts, deals] = await Promise.all([
    ctx.d.customers.where('crmKeys').startsWith(accountPrefix).uniqueKeys(),
    ctx.d.revenueLines.where('deal').startsWith(dealPrefix).uniqueKeys(),
  ]);
  return { accounts: accounts.map((k) => String(k).slice(accountPrefix.length)), deals: deals.map((k) => String(k).slice(dealPrefix.length)) };
}
