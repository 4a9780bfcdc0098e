/**
 * What a coach's introductions brought: the revenue of each referred customer since the day
 * of the introduction, per currency, from the customer's revenue lines (refunds included,
 * deleted lines not). Revenue before the introduction is not the coach's doing. A customer
 * introduced twice counts once, from the earlier introduction.
 */
import type { Coach, RevenueLine } from '../model';
import type { Money } from './budget';

type Line = Pick<RevenueLine, 'customerId' | 'date' | 'amount' | 'currency' | 'deleted'>;

/** customerId → the earliest referral date of that customer. */
export function introducedSince(referrals: Coach['referrals']): Map<string, string> {
  const since = new Map<string, string>();
  for (const r of referrals) {
    const known = since.get(r.customerId);
    if (known === undefined || r.date < known) since.set(r.customerId, r.date);
  }
  return since;
}

function add(sums: Map<string, number>, currency: string, amount: number) {
  sums.set(currency, (sums.get(currency) ?? 0) + amount);
}

const sorted = (sums: Map<string, number>): Money[] =>
  [...sums].map(([currency, amount]) => ({ currency, amount })).sort((a, b) => (a.currency < b.currency ? -1 : 1));

/** Revenue per referred customer since its introduction, per currency. */
export function revenueByReferral(referrals: Coach['referrals'], lines: readonly Line[]): Map<string, Money[]> {
  const since = introducedSince(referrals);
  const per = new Map<string, Map<string, number>>();
  for (const l of lines) {
    const from = since.get(l.customerId);
    if (from === undefined || l.deleted || l.date < from) continue;
    let sums = per.get(l.customerId);
    if (!sums) per.set(l.customerId, (sums = new Map()));
    add(sums, l.currency, l.amount);
  }
  const out = new Map<string, Money[]>();
  for (const id of since.keys()) out.set(id, sorted(per.get(id) ?? new Map()));
  return out;
}

/** All of a coach's referral revenue, per currency (never summed across currencies). */
export function referralRevenue(referrals: Coach['referrals'], lines: readonly Line[]): Money[] {
  const sums = new Map<string, number>();
  for (const list of revenueByReferral(referrals, lines).values()) for (const m of list) add(sums, m.currency, m.amount);
  return sorted(sums);
}
