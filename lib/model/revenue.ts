import * as z from 'zod/mini';
import { CurrencyCode, Id, IsoDate, MinorUnits, syncedFields } from './common';

export const RevenueKind = z.enum(['existing', 'cross_sell', 'new']);
export type RevenueKind = z.infer<typeof RevenueKind>;

export const RevenueLine = z.object({
  ...syncedFields,
  customerId: Id,
  date: IsoDate,
  /** Minor units; negative for refunds. */
  amount: MinorUnits,
  currency: CurrencyCode,
  product: z.string().check(z.minLength(1), z.maxLength(200)),
  /** When absent it is derived from the customer's history (lib/tenure). */
  kind: z.optional(RevenueKind),
});
export type RevenueLine = z.infer<typeof RevenueLine>;

