/**
 * The side panel's coach list: every coach with their contact, current employer, referrals
 * and the revenue those brought (lib/coaches/referrals.ts), spend against the budget, and
 * the neglect order (lib/coaches/neglect.ts). It reads the whole coach table — a team's
 * coaches are tens to hundreds, and this is the one place that lists them all — and each
 * referred customer's revenue through the [customerId+date] index, from the introduction on.
 */
import Dexie from 'dexie';
import type { Coach, Employment } from '../model';
import { budgetStatus, spendByCurrency, spendSeries, type BudgetStatus, type Money, type PeriodSpend } from '../coaches/budget';
import { currentEmployment } from '../coaches/moves';
import { neglectOrder, type Neglect } from '../coaches/neglect';
import { periodOf, type Span } from '../coaches/period';
import { introducedSince, referralRevenue, revenueByReferral } from '../coaches/referrals';
import type { HoldfastDB } from './database';

export interface ReferralView {
  customerId: string;
  customerName: string;
  date: string;
  outcome: Coach['referrals'][number]['outcome'];
  revenue: Money[];
}

export interface CoachView {
  id: string;
  coach: Coach;
  name: string;
  emails: string[];
  title?: string | undefined;
  employer?: Employment | undefined;
  referrals: ReferralView[];
  /** All referral revenue, per currency. */
  revenue: Money[];
  budget: BudgetStatus | null;
  /** Spend per budget period, oldest first (empty without a budget). */
  series: PeriodSpend[];
  /** Without a budget: this quarter's gifts per currency. */
  quarter: Span;
  quarterSpend: Money[];
  neglect: Neglect;
}

export async function listCoachViews(d: HoldfastDB, today: string): Promise<CoachView[]> {
  const coaches = (await d.coaches.toArray()).filter((c) => !c.deleted);
  const contacts = new Map((await d.contacts.bulkGet(coaches.map((c) => c.contactId))).flatMap((c) => (c ? [[c.id, c] as const] : [])));
  const since = new Map<string, string>();
  for (const c of coaches) for (const [id, date] of introducedSince(c.referrals)) if (!since.has(id) || date < since.get(id)!) since.set(id, date);
  const ids = [...since.keys()];
  const customers = new Map((await d.customers.bulkGet(ids)).flatMap((c) => (c ? [[c.id, c] as const] : [])));
  const lineLists = await Promise.all(
    ids.map((id) => d.revenueLines.where('[customerId+date]').between([id, since.get(id)!], [id, Dexie.maxKey], true, true).toArray()),
  );
  const lines = lineLists.flat();
  const quarter = periodOf('quarter', today);

  const views = coaches.map((coach) => {
    const contact = contacts.get(coach.contactId);
    const perReferral = revenueByReferral(coach.referrals, lines);
    const revenue = referralRevenue(coach.referrals, lines);
    return {
      id: coach.id,
      coach,
      name: contact?.name ?? '?',
      emails: contact?.emails ?? [],
      title: contact?.title,
      employer: currentEmployment(coach),
      referrals: [...coach.referrals]
        .sort((a, b) => (a.date < b.date ? 1 : -1))
        .map((r) => ({ customerId: r.customerId, customerName: customers.get(r.customerId)?.name ?? '?', date: r.date, outcome: r.outcome, revenue: perReferral.get(r.customerId) ?? [] })),
      revenue,
      budget: budgetStatus(coach, today),
      series: spendSeries(coach, today),
      quarter,
      quarterSpend: spendByCurrency(coach.gifts, quarter),
      lastTouchAt: coach.lastTouchAt,
    };
  });
  return neglectOrder(views, today).map(({ lastTouchAt: _l, ...v }) => v);
}
