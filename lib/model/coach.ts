import * as z from 'zod/mini';
import { MAX_COACH_ENTRIES, MAX_DOMAINS } from './bounds';
import { CurrencyCode, Domain, Id, IsoDate, MinorUnits, ShortText, syncedFields, Text } from './common';

export const Employment = z.object({
  company: Text(200, 1),
  domain: z.optional(Domain),
  from: z.optional(IsoDate),
  /** Absent while current. */
  to: z.optional(IsoDate),
});
export type Employment = z.infer<typeof Employment>;

export const Referral = z.object({
  customerId: Id,
  date: IsoDate,
  outcome: z.enum(['pending', 'won', 'lost']),
});
export type Referral = z.infer<typeof Referral>;

export const Gift = z.object({
  date: IsoDate,
  amount: MinorUnits,
  currency: CurrencyCode,
  note: z.optional(ShortText),
});
export type Gift = z.infer<typeof Gift>;

export const Coach = z.object({
  ...syncedFields,
  contactId: Id,
  employers: z.array(Employment).check(z.maxLength(MAX_COACH_ENTRIES)),
  referrals: z.array(Referral).check(z.maxLength(MAX_COACH_ENTRIES)),
  gifts: z.array(Gift).check(z.maxLength(MAX_COACH_ENTRIES)),
  budget: z.optional(
    z.object({ period: z.enum(['month', 'quarter', 'year']), amount: MinorUnits, currency: CurrencyCode }),
  ),
  lastTouchAt: z.optional(IsoDate),
  /**
   * Domains the coach writes from that are not an employer (a board seat, a consultancy):
   * the rep said "not a move" once, and the dock stops asking (lib/coaches/moves.ts).
   */
  otherDomains: z.optional(z.array(Domain).check(z.maxLength(MAX_DOMAINS))),
});
export type Coach = z.infer<typeof Coach>;
