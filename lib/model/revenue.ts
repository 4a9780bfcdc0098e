import * as z from 'zod/mini';
import { CurrencyCode, Id, IsoDate, MinorUnits, syncedFields, Text } from './common';

export const RevenueKind = z.enum(['existing', 'cross_sell', 'new']);
export type RevenueKind = z.infer<typeof RevenueKind>;

/**
 * The CRM's own answer to "new or existing business?" for the deal a line comes from
 * (Salesforce Opportunity.Type, HubSpot dealtype, a mapped Pipedrive field, 新客户/老客户).
 * It decides new versus existing; within existing business, lib/tenure tells cross-sell from
 * repeat by the products bought before.
 */
export const DealType = z.enum(['new_business', 'existing_business']);
export type DealType = z.infer<typeof DealType>;

export const RevenueLine = z.object({
  ...syncedFields,
  customerId: Id,
  date: IsoDate,
  /** Minor units; negative for refunds. */
  amount: MinorUnits,
  currency: CurrencyCode,
  product: Text(200, 1),
  /**
   * The rep's correction, the highest authority (DESIGN §5). When absent the kind is derived
   * (lib/tenure/classify.ts) from the deal type, customer since and purchase history. Imports
   * never write it, so a correction survives re-imports; it syncs like any field.
   */
  kind: z.optional(RevenueKind),
  /** What the CRM says the deal was, when the export or page has it. */
  dealType: z.optional(DealType),
  /**
   * The CRM deal the line comes from, as a CRM key (lib/model crmKey: "salesforce|acme|
   * opportunity|006…"), when the import or CRM connection knows it: a live sync (lib/crm)
   * retires the lines a deal no longer has, and all of them when the deal is deleted or lost.
   */
  deal: z.optional(Text(400, 1)),
});
export type RevenueLine = z.infer<typeof RevenueLine>;

