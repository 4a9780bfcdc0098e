/**
 * Everything the tenure panel shows for one customer, in one plain object: tenure, renewal,
 * last contact, the revenue split per currency (last 12 months and all time) and the risk.
 * The background builds it (lib/db/tenure-query.ts) and sends it to the dock; the side panel
 * builds the same object locally.
 */
import type { Coach, Customer, Problem, RevenueKind, RevenueLine } from '../model';
import { classifyCustomerLines, type ClassifyOptions } from './classify';
import { customerSince, daysSinceContact, daysToRenewal, tenureBetween } from './duration';
import { assessRisk, type RiskLevel, type RiskOptions, type RiskSignal } from './risk';
import { splitRevenue, type CurrencySplit } from './split';

export interface MoneyFigures extends Record<RevenueKind, number> {
  currency: string;
  total: number;
}

export interface TenureFigures {
  today: string;
  since: string | null;
  sinceFromRevenue: boolean;
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
  const lines = classifyCustomerLines(input.lines.filter((l) => l.customerId === customer.id), options.classify);
  const since = customerSince(customer, lines);
  const tenure = since === null ? null : tenureBetween(since, today);
  const split = splitRevenue(lines, today);
  const risk = assessRisk({ customer, lines, problems: input.problems, coaches: input.coaches, today, now }, options.risk);
  return {
    today,
    since,
    sinceFromRevenue: since !== null && customer.customerSince === undefined,
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

/**
 * A signal's numbers in the order of its message (public/_locales: tenure_signal_<code>).
 * Dates stay ISO; the panel formats them in the reader's locale.
 */
export function signalArgs(s: RiskSignal): string[] {
  switch (s.code) {
    case 'renewal_near_no_contact':
      return [String(s.params.daysToRenewal), String(s.params.contactWindowDays)];
    case 'problems_ageing':
      return [String(s.params.count), String(s.params.thresholdDays), String(s.params.oldestDays)];
    case 'problems_reopened':
      return [String(s.params.count), String(s.params.reopens)];
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
