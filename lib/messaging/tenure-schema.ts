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
  risk: z.object({
    level: z.enum(['low', 'medium', 'high']),
    score: z.number(),
    signals: z.array(RiskSignalSummary),
    nextStep: z.string(),
  }),
});
export type TenureSummary = z.infer<typeof TenureSummary>;
