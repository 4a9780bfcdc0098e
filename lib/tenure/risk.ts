/**
 * Retention risk that explains itself: every point of the score comes from a named signal
 * with the numbers behind it, so the panel can say *why* ("no contact for 94 days") and the
 * rep can check it, instead of showing an opaque score.
 *
 * Signals carry a `code` and `params` for an i18n message (public/_locales), never text.
 */
import type { Coach, Customer, Problem, RevenueLine } from '../model';
import { addDays, addMonths, daysBetween, elapsedDays, monthsBetween } from './calendar';
import { daysSinceContact, daysToRenewal } from './duration';

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
  /** A renewal date passed within this many days, with no deal since, raises `renewal_passed` (default 365)… */
  renewalPassedLookbackDays?: number;
  /** …where a purchase this many days before the renewal date or later counts as its renewal deal (default 60). */
  renewalDealLeadDays?: number;
  /** `purchase_overdue` needs this many distinct purchase days to know a cadence (default 3). */
  cadenceMinPurchaseDays?: number;
  /** The cadence is never read as faster than this many days between purchases (default 30). */
  cadenceMinIntervalDays?: number;
}

const DEFAULTS: Required<RiskOptions> = {
  noContactDays: 60,
  problemAgeDays: 14,
  reopenLookbackDays: 365,
  revenueDropRatio: 0.2,
  coachLeftLookbackDays: 365,
  renewalWindowDays: 60,
  renewalContactDays: 30,
  renewalPassedLookbackDays: 365,
  renewalDealLeadDays: 60,
  cadenceMinPurchaseDays: 3,
  cadenceMinIntervalDays: 30,
};

/** One union member per code, so a message template knows exactly which params it gets. */
export type RiskSignal =
  | { code: 'renewal_near_no_contact'; weight: number; params: { daysToRenewal: number; renewalDate: string; contactWindowDays: number } }
  | { code: 'renewal_passed'; weight: number; params: { renewalDate: string; daysSinceRenewal: number; lastPurchase: string | null } }
  | { code: 'open_severe_problem'; weight: number; params: { count: number; critical: number; oldestDays: number } }
  | { code: 'problems_ageing'; weight: number; params: { count: number; oldestDays: number; thresholdDays: number } }
  | { code: 'problems_reopened'; weight: number; params: { count: number; reopens: number } }
  | { code: 'revenue_stopped'; weight: number; params: { lastPurchase: string; monthsSince: number } }
  | { code: 'purchase_overdue'; weight: number; params: { daysSinceLastPurchase: number; typicalIntervalDays: number; lastPurchase: string; purchaseDays: number } }
  | { code: 'revenue_falling'; weight: number; params: { currency: string; last12: number; previous12: number; changePercent: number; otherCurrencies: number } }
  | { code: 'coach_left'; weight: number; params: { count: number; coachId: string; contactId: string; leftOn: string } }
  | { code: 'no_contact'; weight: number; params: { days: number; thresholdDays: number } }
  | { code: 'never_contacted'; weight: number; params: Record<string, never> };

export type RiskSignalCode = RiskSignal['code'];
/**
 * 'unknown' ("not enough data") rather than a reassuring 'low' when there is nothing to judge
 * the customer on; see `notEnoughData`.
 */
export type RiskLevel = 'low' | 'medium' | 'high' | 'unknown';

/** Every next step, in no particular order: the panels map them to tenure_step_<step>. */
export const NEXT_STEPS = [
  'call_before_renewal',
  'ask_about_renewal',
  'resolve_open_problems',
  'review_reopened_problems',
  'ask_why_stopped',
  'check_in_on_reorder',
  'schedule_business_review',
  'find_new_coach',
  'schedule_check_in',
  'log_first_contact',
  'keep_in_touch',
] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

/** Ties between equally weighted signals go to the one earlier here: the most urgent to act on. */
export const SIGNAL_PRIORITY: readonly RiskSignalCode[] = [
  'renewal_near_no_contact',
  'open_severe_problem',
  'renewal_passed',
  'problems_ageing',
  'problems_reopened',
  'revenue_stopped',
  'purchase_overdue',
  'revenue_falling',
  'coach_left',
  'no_contact',
  'never_contacted',
];

const NEXT_STEP: Record<RiskSignalCode, NextStep> = {
  renewal_near_no_contact: 'call_before_renewal',
  renewal_passed: 'ask_about_renewal',
  open_severe_problem: 'resolve_open_problems',
  problems_ageing: 'resolve_open_problems',
  problems_reopened: 'review_reopened_problems',
  revenue_stopped: 'ask_why_stopped',
  purchase_overdue: 'check_in_on_reorder',
  revenue_falling: 'schedule_business_review',
  coach_left: 'find_new_coach',
  no_contact: 'schedule_check_in',
  never_contacted: 'log_first_contact',
};

/** The position of each code in SIGNAL_PRIORITY, so sorting does not search the list. */
const PRIORITY_RANK = new Map<RiskSignalCode, number>(SIGNAL_PRIORITY.map((code, i) => [code, i]));

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

/**
 * One customer's risk. Runs for every customer of a book (100,000 in the bench), so it reads
 * the customer's lines once (`scanLines`) and sorts nothing but its handful of signals.
 */
export function assessRisk(input: RiskInput, options: RiskOptions = {}): Risk {
  const o = { ...DEFAULTS, ...options };
  const facts = scanLines(input);
  const problems = problemSignals(input, o);
  const signals = [
    renewalSignal(input, o),
    renewalPassedSignal(input, facts, o),
    ...problems.signals,
    ...revenueSignals(input, facts, o),
    coachSignal(input, o),
    contactSignal(input, o),
  ].filter((s): s is RiskSignal => s !== null);
  signals.sort((a, b) => b.weight - a.weight || PRIORITY_RANK.get(a.code)! - PRIORITY_RANK.get(b.code)!);
  const score = signals.reduce((sum, s) => sum + s.weight, 0);
  const top = signals[0];
  if (score < LEVEL_THRESHOLDS.medium && notEnoughData(input, facts, problems.live)) {
    return { level: 'unknown', score, signals, nextStep: 'log_first_contact' };
  }
  const level: RiskLevel = score >= LEVEL_THRESHOLDS.high ? 'high' : score >= LEVEL_THRESHOLDS.medium ? 'medium' : 'low';
  return { level, score, signals, nextStep: top ? NEXT_STEP[top.code] : 'keep_in_touch' };
}

/**
 * "Not enough data" instead of "low": a low score means little when there was nothing to
 * score. The level is 'unknown' exactly when the score is below medium AND
 * - no contact is recorded (so contact recency cannot be judged),
 * - fewer than 2 distinct purchase days up to today (no repeat purchase, so no cadence or
 *   trend; one purchase more than 12 months old already raises `revenue_stopped`, which
 *   reaches medium on its own),
 * - no renewal date is known, and
 * - the customer has no problems on record (live, in any status, closed ones included).
 * Any one of these is something to judge by, and the level is then low/medium/high as scored.
 * Coaches do not count: a coach who left raises a signal, and one who did not says nothing.
 */
function notEnoughData({ customer }: RiskInput, facts: LineFacts, liveProblems: number): boolean {
  return customer.lastContactAt === undefined && facts.purchaseDays < 2 && customer.renewalDate === undefined && liveProblems === 0;
}

type Opts = Required<RiskOptions>;

/** What the signals need from a customer's revenue lines, read in one pass. */
interface LineFacts {
  /** Distinct days with a purchase (a live line with a positive amount) up to today. */
  purchaseDays: number;
  firstPurchase: string | null;
  lastPurchase: string | null;
  /** The latest purchase at any date, including one dated after today (a booked renewal). */
  latestPurchaseAnyDate: string | null;
  /** Net per currency in the last 12 months, (today − 12 months, today]… */
  last12: Map<string, number>;
  /** …the 12 months before them… */
  previous12: Map<string, number>;
  /** …and all time before the last 12 months (previous12 included). */
  before: Map<string, number>;
}

function scanLines({ customer, lines, today }: RiskInput): LineFacts {
  const lastFrom = addDays(addMonths(today, -12), 1);
  const prevFrom = addDays(addMonths(today, -24), 1);
  const days = new Set<string>();
  const facts: LineFacts = {
    purchaseDays: 0,
    firstPurchase: null,
    lastPurchase: null,
    latestPurchaseAnyDate: null,
    last12: new Map(),
    previous12: new Map(),
    before: new Map(),
  };
  const add = (m: Map<string, number>, currency: string, amount: number) => m.set(currency, (m.get(currency) ?? 0) + amount);
  for (const l of lines) {
    if (l.deleted || l.customerId !== customer.id) continue;
    const purchase = l.amount > 0;
    if (purchase && (facts.latestPurchaseAnyDate === null || l.date > facts.latestPurchaseAnyDate)) facts.latestPurchaseAnyDate = l.date;
    // Lines dated after today (scheduled invoices) have not happened yet.
    if (l.date > today) continue;
    if (l.date >= lastFrom) add(facts.last12, l.currency, l.amount);
    else {
      add(facts.before, l.currency, l.amount);
      if (l.date >= prevFrom) add(facts.previous12, l.currency, l.amount);
    }
    if (!purchase) continue;
    days.add(l.date);
    if (facts.firstPurchase === null || l.date < facts.firstPurchase) facts.firstPurchase = l.date;
    if (facts.lastPurchase === null || l.date > facts.lastPurchase) facts.lastPurchase = l.date;
  }
  facts.purchaseDays = days.size;
  return facts;
}

function contactSignal({ customer, now }: RiskInput, o: Opts): RiskSignal | null {
  const days = daysSinceContact(customer.lastContactAt, now);
  // Weak on its own: freshly imported customers often have no contact recorded yet.
  if (days === null) return { code: 'never_contacted', weight: 1, params: {} };
  if (days < o.noContactDays) return null;
  return { code: 'no_contact', weight: days >= 2 * o.noContactDays ? 3 : 2, params: { days, thresholdDays: o.noContactDays } };
}

function renewalSignal({ customer, today, now }: RiskInput, o: Opts): RiskSignal | null {
  const toRenewal = daysToRenewal(customer.renewalDate, today);
  // A renewal already past is `renewal_passed`'s business.
  if (toRenewal === null || toRenewal < 0 || toRenewal > o.renewalWindowDays) return null;
  const sinceContact = daysSinceContact(customer.lastContactAt, now);
  if (sinceContact !== null && sinceContact <= o.renewalContactDays) return null;
  return {
    code: 'renewal_near_no_contact',
    weight: 3,
    params: { daysToRenewal: toRenewal, renewalDate: customer.renewalDate!, contactWindowDays: o.renewalContactDays },
  };
}

/**
 * The contractual half of Fader and Hardie's picture (for contracts, churn is seen at the
 * renewal: "How to Project Customer Retention", J. Interactive Marketing 2007): a renewal date
 * that passed within the lookback with no purchase dated `renewalDealLeadDays` before it or
 * later — the contract lapsed without a renewal deal. A deal booked ahead, dated after today,
 * counts as the renewal. An older renewal date is history (or a stale field): the revenue
 * signals speak for that customer.
 */
function renewalPassedSignal({ customer, today }: RiskInput, facts: LineFacts, o: Opts): RiskSignal | null {
  const toRenewal = daysToRenewal(customer.renewalDate, today);
  if (toRenewal === null || toRenewal >= 0 || -toRenewal > o.renewalPassedLookbackDays) return null;
  const dealFrom = addDays(customer.renewalDate!, -o.renewalDealLeadDays);
  if (facts.latestPurchaseAnyDate !== null && facts.latestPurchaseAnyDate >= dealFrom) return null;
  return {
    code: 'renewal_passed',
    weight: 3,
    params: { renewalDate: customer.renewalDate!, daysSinceRenewal: -toRenewal, lastPurchase: facts.lastPurchase },
  };
}

/**
 * Problems. Severity is counted once: an open high or critical problem raises
 * `open_severe_problem` (3, medium on its own) at any age, so `problems_ageing` no longer
 * weighs severity (it used to go from 2 to 3 for a severe one) and counts age only: 2, or 3
 * for three or more ageing problems. A severe problem left ageing scores 3 + 2.
 */
function problemSignals({ customer, problems, now }: RiskInput, o: Opts): { signals: RiskSignal[]; live: number } {
  const nowMs = Date.parse(now);
  let live = 0;
  let ageing = 0;
  let oldestDays = 0;
  let severe = 0;
  let critical = 0;
  let oldestSevereDays = 0;
  let reopened = 0;
  let reopens = 0;
  for (const p of problems) {
    if (p.deleted || p.customerId !== customer.id) continue;
    live++;
    const open = p.status !== 'closed';
    const ageDays = elapsedDays(p.receivedAt, now);
    const overdue = p.dueAt !== undefined && Date.parse(p.dueAt) < nowMs;
    if (open && (ageDays > o.problemAgeDays || overdue)) {
      ageing++;
      oldestDays = Math.max(oldestDays, ageDays);
    }
    if (open && (p.severity === 'high' || p.severity === 'critical')) {
      severe++;
      if (p.severity === 'critical') critical++;
      oldestSevereDays = Math.max(oldestSevereDays, ageDays);
    }
    // A problem reopened long ago and since closed is history, not a present risk.
    if (p.reopenCount > 0 && (open || elapsedDays(lastActivity(p), now) <= o.reopenLookbackDays)) {
      reopened++;
      reopens += p.reopenCount;
    }
  }
  const out: RiskSignal[] = [];
  if (severe > 0) out.push({ code: 'open_severe_problem', weight: 3, params: { count: severe, critical, oldestDays: oldestSevereDays } });
  if (ageing > 0) {
    out.push({
      code: 'problems_ageing',
      weight: ageing >= 3 ? 3 : 2,
      params: { count: ageing, oldestDays, thresholdDays: o.problemAgeDays },
    });
  }
  if (reopened > 0) out.push({ code: 'problems_reopened', weight: 2, params: { count: reopened, reopens } });
  return { signals: out, live };
}

function lastActivity(p: Problem): string {
  let latest = p.receivedAt;
  for (const e of p.events) if (Date.parse(e.at) > Date.parse(latest)) latest = e.at;
  return latest;
}

/**
 * The revenue signals, from one pass over the lines (`scanLines`):
 * - `revenue_stopped` (3): no currency has positive net revenue in the last 12 months, and
 *   some currency had positive net revenue before them — the customer stopped buying.
 * - `purchase_overdue` (2 or 3): later than usual against the customer's own cadence.
 * - `revenue_falling` (2 or 3): the last 12 months against the 12 before, per currency.
 * Stopped is falling at its extreme: when it is raised, falling is not (one fact, counted
 * once). Overdue measures something else — lateness against this customer's rhythm — and
 * stays: a monthly buyer silent for a year (stopped + overdue, high) is more clearly lost
 * than a yearly buyer thirteen months on (stopped only, medium).
 */
function revenueSignals(input: RiskInput, facts: LineFacts, o: Opts): RiskSignal[] {
  const out: RiskSignal[] = [];
  const stopped = stoppedSignal(input, facts);
  if (stopped) out.push(stopped);
  const overdue = overdueSignal(input, facts, o);
  if (overdue) out.push(overdue);
  if (!stopped) {
    const falling = fallingSignal(facts, o);
    if (falling) out.push(falling);
  }
  return out;
}

function stoppedSignal({ today }: RiskInput, facts: LineFacts): RiskSignal | null {
  for (const net of facts.last12.values()) if (net > 0) return null;
  let before = false;
  for (const net of facts.before.values()) if (net > 0) before = true;
  // Positive net revenue before implies a purchase before: lastPurchase is set.
  if (!before || facts.lastPurchase === null) return null;
  return { code: 'revenue_stopped', weight: 3, params: { lastPurchase: facts.lastPurchase, monthsSince: monthsBetween(facts.lastPurchase, today) } };
}

/**
 * Purchasing overdue against the customer's own cadence: the idea behind the "probability
 * alive" models of Fader and Hardie (BG/NBD: Fader, Hardie & Lee, "Counting Your Customers the
 * Easy Way", Marketing Science 24(2), 2005; after Schmittlein, Morrison & Colombo's Pareto/NBD,
 * 1987). Those models judge a customer by x repeat purchases made over t_x days (from the
 * first purchase to the last) and the time since the last one: the longer the silence compared
 * with the customer's usual rate, the less likely they are still "alive".
 *
 * Without fitting the model (no population parameters here, and one customer at a time) the
 * rule keeps its statistics and its reasoning:
 * - purchase days are distinct days with a live positive line up to today (refunds and
 *   tombstones excluded; several lines on one day are one purchase);
 * - with at least `cadenceMinPurchaseDays` (3) of them, the typical interval is the mean gap
 *   t_x / x = (last − first) / (days − 1). The mean needs only the first and last day and a
 *   count, so it is O(n) with no sorting; a median would need the days sorted. A single long
 *   gap (or middle history left out of a bounded read) lengthens the mean, which makes the
 *   signal later rather than falsely early;
 * - an interval below `cadenceMinIntervalDays` (30) is read as 30, so an onboarding burst of
 *   orders a few days apart does not make two weeks' quiet look like churn;
 * - silent for 2× the interval raises the signal (2), 3× weighs 3. Params report the mean as
 *   measured (rounded), not the floor.
 */
function overdueSignal({ today }: RiskInput, facts: LineFacts, o: Opts): RiskSignal | null {
  if (facts.purchaseDays < o.cadenceMinPurchaseDays || facts.firstPurchase === null || facts.lastPurchase === null) return null;
  const mean = daysBetween(facts.firstPurchase, facts.lastPurchase) / (facts.purchaseDays - 1);
  const interval = Math.max(mean, o.cadenceMinIntervalDays);
  const since = daysBetween(facts.lastPurchase, today);
  if (since < 2 * interval) return null;
  return {
    code: 'purchase_overdue',
    weight: since >= 3 * interval ? 3 : 2,
    params: { daysSinceLastPurchase: since, typicalIntervalDays: Math.round(mean), lastPurchase: facts.lastPurchase, purchaseDays: facts.purchaseDays },
  };
}

/**
 * Last 12 months against the 12 before, per currency (never summed across currencies). Only
 * currencies with positive revenue in the earlier year can fall. One signal, for the currency
 * that fell furthest, so several currencies do not multiply the score.
 */
function fallingSignal(facts: LineFacts, o: Opts): RiskSignal | null {
  let worst: { currency: string; last12: number; previous12: number; change: number } | null = null;
  let count = 0;
  for (const [currency, previous12] of facts.previous12) {
    if (previous12 <= 0) continue;
    const last12 = facts.last12.get(currency) ?? 0;
    const change = (last12 - previous12) / previous12;
    if (change > -o.revenueDropRatio) continue;
    count++;
    if (!worst || change < worst.change || (change === worst.change && currency < worst.currency)) worst = { currency, last12, previous12, change };
  }
  if (!worst) return null;
  return {
    code: 'revenue_falling',
    weight: worst.change <= -0.5 ? 3 : 2,
    params: {
      currency: worst.currency,
      last12: worst.last12,
      previous12: worst.previous12,
      changePercent: Math.round(worst.change * 100),
      otherCurrencies: count - 1,
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

/**
 * A signal's numbers in the order of its message (public/_locales: tenure_signal_<code>).
 * Dates stay ISO; the panel formats them in the reader's locale.
 */
export function signalArgs(s: RiskSignal): string[] {
  switch (s.code) {
    case 'renewal_near_no_contact':
      return [String(s.params.daysToRenewal), String(s.params.contactWindowDays)];
    case 'renewal_passed':
      return [s.params.renewalDate, String(s.params.daysSinceRenewal)];
    case 'open_severe_problem':
      return [String(s.params.count), String(s.params.oldestDays)];
    case 'problems_ageing':
      return [String(s.params.count), String(s.params.thresholdDays), String(s.params.oldestDays)];
    case 'problems_reopened':
      return [String(s.params.count), String(s.params.reopens)];
    case 'revenue_stopped':
      return [s.params.lastPurchase, String(s.params.monthsSince)];
    case 'purchase_overdue':
      return [String(s.params.daysSinceLastPurchase), String(s.params.typicalIntervalDays), s.params.lastPurchase];
    case 'revenue_falling':
      return [s.params.currency, String(Math.abs(s.params.changePercent))];
    case 'coach_left':
      return [s.params.leftOn];
    case 'no_contact':
      return [String(s.params.days)];
    case 'never_contacted':
      return [];
  }
}
