/**
 * Retention risk that explains itself: every point of the score comes from a named signal
 * with the numbers behind it, so the panel can say *why* ("no contact for 94 days") and the
 * rep can check it, instead of showing an opaque score.
 *
 * Signals carry a `code` and `params` for an i18n message (public/_locales), never text.
 */
import type { Coach, Customer, Problem, RevenueLine } from '../model';
import { addDays, addMonths, daysBetween, elapsedDays } from './calendar';
import { daysSinceContact, daysToRenewal } from './duration';
import { totalsByCurrency } from './split';

export interface RiskOptions {
  /** No contact for this many days raises `no_contact` (default 60; twice that weighs more). */
  noContactDays?: number;
  /** An unclosed problem older than this many days is ageing (default 14). */
  problemAgeDays?: number;
  /** Reopened problems count while open, or when touched within this many days (default 365). */
  reopenLookbackDays?: number;
  /** Revenue is falling when the last 12 months are this fraction below the 12 before (default 0.2). */
  revenueDropRatio?: number;
  /** A coach who left within this many days counts (default 365). */
  coachLeftLookbackDays?: number;
  /** A renewal within this many days is near (default 60)… */
  renewalWindowDays?: number;
  /** …and needs a contact within this many days (default 30). */
  renewalContactDays?: number;
}

const DEFAULTS: Required<RiskOptions> = {
  noContactDays: 60,
  problemAgeDays: 14,
  reopenLookbackDays: 365,
  revenueDropRatio: 0.2,
  coachLeftLookbackDays: 365,
  renewalWindowDays: 60,
  renewalContactDays: 30,
};

/** One union member per code, so a message template knows exactly which params it gets. */
export type RiskSignal =
  | { code: 'renewal_near_no_contact'; weight: number; params: { daysToRenewal: number; renewalDate: string; contactWindowDays: number } }
  | { code: 'problems_ageing'; weight: number; params: { count: number; oldestDays: number; thresholdDays: number } }
  | { code: 'problems_reopened'; weight: number; params: { count: number; reopens: number } }
  | { code: 'revenue_falling'; weight: number; params: { currency: string; last12: number; previous12: number; changePercent: number; otherCurrencies: number } }
  | { code: 'coach_left'; weight: number; params: { count: number; coachId: string; contactId: string; leftOn: string } }
  | { code: 'no_contact'; weight: number; params: { days: number; thresholdDays: number } }
  | { code: 'never_contacted'; weight: number; params: Record<string, never> };

export type RiskSignalCode = RiskSignal['code'];
export type RiskLevel = 'low' | 'medium' | 'high';

export type NextStep =
  | 'call_before_renewal'
  | 'resolve_open_problems'
  | 'review_reopened_problems'
  | 'schedule_business_review'
  | 'find_new_coach'
  | 'schedule_check_in'
  | 'log_first_contact'
  | 'keep_in_touch';

/** Ties between equally weighted signals go to the one earlier here: the most urgent to act on. */
export const SIGNAL_PRIORITY: readonly RiskSignalCode[] = [
  'renewal_near_no_contact',
  'problems_ageing',
  'problems_reopened',
  'revenue_falling',
  'coach_left',
  'no_contact',
  'never_contacted',
];

const NEXT_STEP: Record<RiskSignalCode, NextStep> = {
  renewal_near_no_contact: 'call_before_renewal',
  problems_ageing: 'resolve_open_problems',
  problems_reopened: 'review_reopened_problems',
  revenue_falling: 'schedule_business_review',
  coach_left: 'find_new_coach',
  no_contact: 'schedule_check_in',
  never_contacted: 'log_first_contact',
};

/** Score → level: one strong signal (3) is worth attention, two or three together are urgent. */
export const LEVEL_THRESHOLDS = { medium: 3, high: 6 } as const;

export interface Risk {
  level: RiskLevel;
  /** Sum of the signals' weights. */
  score: number;
  /** Strongest first. */
  signals: RiskSignal[];
  nextStep: NextStep;
}

export interface RiskInput {
  customer: Pick<Customer, 'id' | 'name' | 'domains' | 'renewalDate' | 'lastContactAt'>;
  /** This customer's revenue lines (others are ignored). */
  lines: readonly Pick<RevenueLine, 'customerId' | 'date' | 'amount' | 'currency' | 'deleted'>[];
  /** This customer's problems (others are ignored). */
  problems: readonly Problem[];
  /** Coaches who may have worked at the customer; matched by employer domain or company name. */
  coaches: readonly Coach[];
  /** The rep's calendar date, for renewals and revenue windows. */
  today: string;
  /** The current instant, for ages of contacts and problems. */
  now: string;
}

export function assessRisk(input: RiskInput, options: RiskOptions = {}): Risk {
  const o = { ...DEFAULTS, ...options };
  const signals = [
    renewalSignal(input, o),
    ...problemSignals(input, o),
    revenueSignal(input, o),
    coachSignal(input, o),
    contactSignal(input, o),
  ].filter((s): s is RiskSignal => s !== null);
  signals.sort((a, b) => b.weight - a.weight || SIGNAL_PRIORITY.indexOf(a.code) - SIGNAL_PRIORITY.indexOf(b.code));
  const score = signals.reduce((sum, s) => sum + s.weight, 0);
  const level: RiskLevel = score >= LEVEL_THRESHOLDS.high ? 'high' : score >= LEVEL_THRESHOLDS.medium ? 'medium' : 'low';
  const top = signals[0];
  return { level, score, signals, nextStep: top ? NEXT_STEP[top.code] : 'keep_in_touch' };
}

type Opts = Required<RiskOptions>;

function contactSignal({ customer, now }: RiskInput, o: Opts): RiskSignal | null {
  const days = daysSinceContact(customer.lastContactAt, now);
  // Weak on its own: freshly imported customers often have no contact recorded yet.
  if (days === null) return { code: 'never_contacted', weight: 1, params: {} };
  if (days < o.noContactDays) return null;
  return { code: 'no_contact', weight: days >= 2 * o.noContactDays ? 3 : 2, params: { days, thresholdDays: o.noContactDays } };
}

function renewalSignal({ customer, today, now }: RiskInput, o: Opts): RiskSignal | null {
  const toRenewal = daysToRenewal(customer.renewalDate, today);
  // A renewal already past is stale data or already lost: the other signals speak for it.
  if (toRenewal === null || toRenewal < 0 || toRenewal > o.renewalWindowDays) return null;
  const sinceContact = daysSinceContact(customer.lastContactAt, now);
  if (sinceContact !== null && sinceContact <= o.renewalContactDays) return null;
  return {
    code: 'renewal_near_no_contact',
    weight: 3,
    params: { daysToRenewal: toRenewal, renewalDate: customer.renewalDate!, contactWindowDays: o.renewalContactDays },
  };
}

function problemSignals({ customer, problems, now }: RiskInput, o: Opts): RiskSignal[] {
  const nowMs = Date.parse(now);
  let ageing = 0;
  let oldestDays = 0;
  let severe = false;
  let reopened = 0;
  let reopens = 0;
  for (const p of problems) {
    if (p.deleted || p.customerId !== customer.id) continue;
    const open = p.status !== 'closed';
    const ageDays = elapsedDays(p.receivedAt, now);
    const overdue = p.dueAt !== undefined && Date.parse(p.dueAt) < nowMs;
    if (open && (ageDays > o.problemAgeDays || overdue)) {
      ageing++;
      oldestDays = Math.max(oldestDays, ageDays);
      severe ||= p.severity === 'high' || p.severity === 'critical';
    }
    // A problem reopened long ago and since closed is history, not a present risk.
    if (p.reopenCount > 0 && (open || elapsedDays(lastActivity(p), now) <= o.reopenLookbackDays)) {
      reopened++;
      reopens += p.reopenCount;
    }
  }
  const out: RiskSignal[] = [];
  if (ageing > 0) {
    out.push({
      code: 'problems_ageing',
      weight: severe || ageing >= 3 ? 3 : 2,
      params: { count: ageing, oldestDays, thresholdDays: o.problemAgeDays },
    });
  }
  if (reopened > 0) out.push({ code: 'problems_reopened', weight: 2, params: { count: reopened, reopens } });
  return out;
}

function lastActivity(p: Problem): string {
  let latest = p.receivedAt;
  for (const e of p.events) if (Date.parse(e.at) > Date.parse(latest)) latest = e.at;
  return latest;
}

/**
 * Last 12 months against the 12 before, per currency (never summed across currencies). Only
 * currencies with positive revenue in the earlier year can fall. One signal, for the currency
 * that fell furthest, so several currencies do not multiply the score.
 */
function revenueSignal({ customer, lines, today }: RiskInput, o: Opts): RiskSignal | null {
  const own = lines.filter((l) => l.customerId === customer.id);
  const lastFrom = addDays(addMonths(today, -12), 1);
  const prevFrom = addDays(addMonths(today, -24), 1);
  const last = totalsByCurrency(own, lastFrom, today);
  const prev = totalsByCurrency(own, prevFrom, addDays(lastFrom, -1));
  const falling: Array<{ currency: string; last12: number; previous12: number; change: number }> = [];
  for (const [currency, previous12] of prev) {
    if (previous12 <= 0) continue;
    const last12 = last.get(currency) ?? 0;
    const change = (last12 - previous12) / previous12;
    if (change <= -o.revenueDropRatio) falling.push({ currency, last12, previous12, change });
  }
  if (falling.length === 0) return null;
  falling.sort((a, b) => a.change - b.change || (a.currency < b.currency ? -1 : 1));
  const worst = falling[0]!;
  return {
    code: 'revenue_falling',
    weight: worst.change <= -0.5 ? 3 : 2,
    params: {
      currency: worst.currency,
      last12: worst.last12,
      previous12: worst.previous12,
      changePercent: Math.round(worst.change * 100),
      otherCurrencies: falling.length - 1,
    },
  };
}

/**
 * A coach (DESIGN §1: the people who open doors for us) who worked at the customer and has
 * left it: our inside voice is gone. Not raised while the coach still holds a job there.
 */
function coachSignal({ customer, coaches, today }: RiskInput, o: Opts): RiskSignal | null {
  const domains = new Set(customer.domains);
  const name = companyKey(customer.name);
  const atCustomer = (e: Coach['employers'][number]) =>
    (e.domain !== undefined && domains.has(e.domain)) || (name !== '' && companyKey(e.company) === name);
  let count = 0;
  let latest: { coach: Coach; leftOn: string } | null = null;
  for (const coach of coaches) {
    if (coach.deleted) continue;
    const there = coach.employers.filter(atCustomer);
    if (there.length === 0 || there.some((e) => e.to === undefined || e.to > today)) continue;
    const leftOn = there.reduce((max, e) => (e.to! > max ? e.to! : max), '');
    if (daysBetween(leftOn, today) > o.coachLeftLookbackDays) continue;
    count++;
    if (!latest || leftOn > latest.leftOn || (leftOn === latest.leftOn && coach.id < latest.coach.id)) latest = { coach, leftOn };
  }
  if (!latest) return null;
  return { code: 'coach_left', weight: 2, params: { count, coachId: latest.coach.id, contactId: latest.coach.contactId, leftOn: latest.leftOn } };
}

/** Company names as CRMs and signatures spell them differently: case, spacing, legal suffix. */
export function companyKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[.,]/g, ' ')
    .replace(/\b(inc|llc|ltd|gmbh|corp|co|plc|sa|ag|bv)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Index coaches by employer domain and company so a whole book is matched without comparing
 * every customer with every coach. `coachesFor` returns candidates; `assessRisk` still checks.
 */
export function indexCoaches(coaches: readonly Coach[]): Map<string, Coach[]> {
  const index = new Map<string, Coach[]>();
  const put = (key: string, coach: Coach) => {
    const list = index.get(key);
    if (!list) index.set(key, [coach]);
    else if (!list.includes(coach)) list.push(coach);
  };
  for (const coach of coaches) {
    if (coach.deleted) continue;
    for (const e of coach.employers) {
      if (e.domain !== undefined) put(`d:${e.domain}`, coach);
      const company = companyKey(e.company);
      if (company !== '') put(`c:${company}`, coach);
    }
  }
  return index;
}

export function coachesFor(customer: Pick<Customer, 'name' | 'domains'>, index: Map<string, Coach[]>): Coach[] {
  const found = new Set<Coach>();
  for (const d of customer.domains) for (const c of index.get(`d:${d}`) ?? []) found.add(c);
  for (const c of index.get(`c:${companyKey(customer.name)}`) ?? []) found.add(c);
  return [...found];
}
