/**
 * Everything the tenure panel shows for one customer, in one plain object: tenure, renewal,
 * last contact, the revenue split per currency (last 12 months and all time) and the risk.
 * The background builds it (lib/db/tenure-query.ts) and sends it to the dock; the side panel
 * builds the same object locally.
 */
import type { Coach, Customer, Problem, RevenueKind, RevenueLine } from '../model';
import { REASON_SOURCE, SINCE_GRACE_DAYS, classifyCustomerLines, type ClassifiedLine, type ClassifyOptions, type KindReason, type KindSource } from './classify';
import { addDays } from './calendar';
import { customerSince, daysSinceContact, daysToRenewal, tenureBetween } from './duration';
import { assessRisk, signalArgs, type RiskLevel, type RiskOptions } from './risk';
import { splitRevenue, type CurrencySplit } from './split';

export interface MoneyFigures extends Record<RevenueKind, number> {
  currency: string;
  total: number;
}

/** One line as the panel lists it, with why it has its kind. */
export interface LineFigure {
  id: string;
  date: string;
  product: string;
  amount: number;
  currency: string;
  kind: RevenueKind;
  reason: KindReason;
  /** Months away before a win-back. */
  gap?: number;
}

/** Where "customer since" came from: a stored source, the first purchase, or unknown (null). */
export type SinceBasis = 'crm' | 'crm_created' | 'rep' | 'entered' | 'first_purchase';

/** Lines listed with their reasons in the panel, newest first. */
export const RECENT_LINES = 12;

export interface TenureFigures {
  today: string;
  since: string | null;
  sinceFromRevenue: boolean;
  sinceBasis: SinceBasis | null;
  /** A prospect: no tenure, mix or risk is judged. */
  prospect: boolean;
  /** The first purchase in the data, and whether the relationship began well before it. */
  dataFrom: string | null;
  earlierNotImported: boolean;
  /** How many lines' kinds came from the rep, the CRM, or an estimate. */
  sources: Record<KindSource, number>;
  recent: LineFigure[];
  years: number | null;
  months: number | null;
  daysToRenewal: number | null;
  daysSinceContact: number | null;
  last12From: string;
  last12: MoneyFigures[];
  allTime: MoneyFigures[];
  lineCount: number;
  partial: boolean;
  risk: {
    level: RiskLevel;
    score: number;
    signals: Array<{ code: string; weight: number; args: string[] }>;
    nextStep: string;
  };
}

export interface TenureInput {
  customer: Customer;
  /** This customer's revenue lines, any order. */
  lines: readonly RevenueLine[];
  problems: readonly Problem[];
  coaches: readonly Coach[];
  today: string;
  now: string;
  /** The lines are a bounded part of a longer history. */
  partial?: boolean;
}

export function summariseTenure(input: TenureInput, options: { classify?: ClassifyOptions; risk?: RiskOptions } = {}): TenureFigures {
  const { customer, today, now } = input;
  const lines = classifyCustomerLines(
    input.lines.filter((l) => l.customerId === customer.id),
    { ...options.classify, since: customer.customerSince },
  );
  const since = customerSince(customer, lines);
  const dataFrom = firstPurchase(lines);
  // What the mix counts, and so what the sources and the listed lines speak of: lines up to
  // today (scheduled invoices have not happened).
  const happened = lines.filter((l) => l.date <= today);
  const tenure = since === null ? null : tenureBetween(since, today);
  const split = splitRevenue(lines, today);
  const risk = assessRisk({ customer, lines, problems: input.problems, coaches: input.coaches, today, now }, options.risk);
  return {
    today,
    since,
    sinceFromRevenue: since !== null && customer.customerSince === undefined,
    sinceBasis: since === null ? null : customer.customerSince === undefined ? 'first_purchase' : (customer.sinceSource ?? 'entered'),
    prospect: customer.prospect === true,
    dataFrom,
    earlierNotImported: dataFrom !== null && customer.customerSince !== undefined && dataFrom > addDays(customer.customerSince, SINCE_GRACE_DAYS),
    sources: countSources(happened),
    recent: recentLines(happened),
    years: tenure?.years ?? null,
    months: tenure?.months ?? null,
    daysToRenewal: daysToRenewal(customer.renewalDate, today),
    daysSinceContact: daysSinceContact(customer.lastContactAt, now),
    last12From: split.last12From,
    last12: split.last12Months.map(money),
    allTime: split.allTime.map(money),
    lineCount: lines.length,
    partial: input.partial ?? false,
    risk: {
      level: risk.level,
      score: risk.score,
      signals: risk.signals.map((s) => ({ code: s.code, weight: s.weight, args: signalArgs(s) })),
      nextStep: risk.nextStep,
    },
  };
}

function firstPurchase(lines: readonly ClassifiedLine[]): string | null {
  for (const l of lines) if (l.amount >= 0) return l.date; // history order: the first is the earliest
  return null;
}

export function countSources(lines: Iterable<Pick<ClassifiedLine, 'reason'>>): Record<KindSource, number> {
  const out: Record<KindSource, number> = { rep: 0, crm: 0, estimate: 0 };
  for (const l of lines) out[REASON_SOURCE[l.reason]]++;
  return out;
}

function recentLines(lines: readonly ClassifiedLine[]): LineFigure[] {
  return lines
    .slice(-RECENT_LINES)
    .reverse()
    .map((l) => {
      const f: LineFigure = { id: l.id, date: l.date, product: l.product, amount: l.amount, currency: l.currency, kind: l.kind, reason: l.reason };
      if (l.gapMonths !== undefined) f.gap = l.gapMonths;
      return f;
    });
}

function money(c: CurrencySplit): MoneyFigures {
  return { currency: c.currency, total: c.total, existing: c.amounts.existing, cross_sell: c.amounts.cross_sell, new: c.amounts.new };
}

/** The rep's calendar date in this context's time zone (the browser's, as the rep sees it). */
export function localIsoDate(at: Date = new Date()): string {
  const y = at.getFullYear();
  const m = at.getMonth() + 1;
  const d = at.getDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
