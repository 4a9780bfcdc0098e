/**
 * The tenure panel's data as it crosses from the background to the content script (inside
 * SubjectInfo). The content script parses it with zod/mini, so the schema stays small and
 * loose: codes are plain strings (the panels map them to messages and skip unknown ones),
 * numbers are plain numbers. lib/db/tenure-query.ts builds it with lib/tenure.
 */
import * as z from 'zod/mini';

/** One currency's revenue in minor units, split by kind (never summed across currencies). */
export const MoneySplit = z.object({
  currency: z.string(),
  total: z.number(),
  existing: z.number(),
  cross_sell: z.number(),
  new: z.number(),
});
export type MoneySplit = z.infer<typeof MoneySplit>;

export const RiskSignalSummary = z.object({
  code: z.string(),
  weight: z.number(),
  /**
   * The numbers behind the signal, in the order its message takes them (lib/tenure/summary.ts
   * signalArgs). A list of strings rather than a record: a record of unions would cost the
   * content script 0.6 KB gzip.
   */
  args: z.array(z.string()),
});
export type RiskSignalSummary = z.infer<typeof RiskSignalSummary>;

export const TenureSummary = z.object({
  /** The rep's calendar date the figures were computed for. */
  today: z.string(),
  /** Customer since, or the first purchase when not recorded; null when neither is known. */
  since: z.nullable(z.string()),
  sinceFromRevenue: z.boolean(),
  /** crm | crm_created | rep | entered | first_purchase (lib/tenure/summary.ts SinceBasis). */
  sinceBasis: z.nullable(z.string()),
  prospect: z.boolean(),
  dataFrom: z.nullable(z.string()),
  /** The relationship began well before the first purchase in the data: figures are partial. */
  earlierNotImported: z.boolean(),
  /** Lines whose kind came from the rep, the CRM, or an estimate from purchase history. */
  sources: z.object({ rep: z.number(), crm: z.number(), estimate: z.number() }),
  years: z.nullable(z.number()),
  months: z.nullable(z.number()),
  daysToRenewal: z.nullable(z.number()),
  daysSinceContact: z.nullable(z.number()),
  last12From: z.string(),
  last12: z.array(MoneySplit),
  allTime: z.array(MoneySplit),
  lineCount: z.number(),
  /** More lines than one bounded read: older middle history was left out. */
  partial: z.boolean(),
  /**
   * The latest lines with the reason for each kind (TenureLine). Checked only as a list here:
   * the content script never reads them, and the dock's panels parse each with TenureLine
   * (components/tenure/LineReasons.tsx); the full schema would cost every content script bytes
   * of its 20 KB.
   */
  recent: z.array(z.unknown()),
  risk: z.object({
    level: z.enum(['low', 'medium', 'high', 'unknown']),
    score: z.number(),
    signals: z.array(RiskSignalSummary),
    nextStep: z.string(),
  }),
});
export type TenureSummary = z.infer<typeof TenureSummary>;

/** One revenue line as the panels list it, with why it has its kind (codes: lib/tenure/classify.ts KindReason). */
/* @__NO_SIDE_EFFECTS__ */
export function tenureLineSchema() {
  return z.object({
    id: z.string(),
    date: z.string(),
    product: z.string(),
    amount: z.number(),
    currency: z.string(),
    kind: z.enum(['existing', 'cross_sell', 'new']),
    reason: z.string(),
    gap: z.optional(z.number()),
  });
}
export type TenureLine = z.infer<ReturnType<typeof tenureLineSchema>>;

/**
 * A string of at most `n` characters. A function marked free of side effects, so that the
 * content script (which imports this file for TenureSummary) drops these schemas whole: a
 * bare `z.string().check(…)` at the top level would stay in its bundle.
 */
/* @__NO_SIDE_EFFECTS__ */
function capped(n: number) {
  return z.string().check(z.maxLength(n));
}
/* @__NO_SIDE_EFFECTS__ */
function cappedList<T extends z.ZodMiniType>(item: T, n: number) {
  return z.array(item).check(z.maxLength(n));
}

/**
 * What the rep may set on a customer from the dock: manual entry and editing, or a field the
 * page states (capture). An absent key is left as it is; `null` clears a date or the owner.
 * Domains arrive normalised (lower case, no scheme or www.); the background checks again
 * (lib/tenure/customer-edit.ts) and answers a refusal with the field and a reason code.
 */
export const CustomerEdit = z.object({
  name: z.optional(capped(400)),
  domains: z.optional(cappedList(capped(300), 200)),
  customerSince: z.optional(z.nullable(capped(40))),
  /** Who states customerSince: the rep (the default) or the CRM page it was captured from. */
  sinceSource: z.optional(z.enum(['rep', 'crm'])),
  renewalDate: z.optional(z.nullable(capped(40))),
  ownerRepId: z.optional(z.nullable(capped(64))),
});
export type CustomerEdit = z.infer<typeof CustomerEdit>;

/** Saved (the customer's id), or refused: which field and why (codes of lib/tenure/customer-edit.ts). */
export const CustomerEditReply = z.union([
  z.object({ ok: z.literal(true), customerId: z.string() }),
  z.object({ ok: z.literal(false), problems: z.array(z.object({ field: z.string(), code: z.string() })) }),
]);
export type CustomerEditReply = z.infer<typeof CustomerEditReply>;

/** A colleague the owner can be chosen from. */
export const RepChoice = z.object({ id: z.string(), name: z.string(), me: z.boolean() });
export type RepChoice = z.infer<typeof RepChoice>;
