import * as z from 'zod/mini';
import { Domain, Id, IsoDate, IsoDateTime, ShortText, syncedFields } from './common';

/** Where a customer lives in a CRM. */
export const CrmRef = z.object({
  site: z.string().check(z.minLength(1), z.maxLength(40)),
  objectType: ShortText,
  recordId: ShortText,
  tenant: z.optional(ShortText),
});
export type CrmRef = z.infer<typeof CrmRef>;

export const Customer = z.object({
  ...syncedFields,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  domains: z.array(Domain),
  crmRefs: z.array(CrmRef),
  customerSince: z.optional(IsoDate),
  renewalDate: z.optional(IsoDate),
  ownerRepId: z.optional(Id),
  lastContactAt: z.optional(IsoDateTime),
  /**
   * Coaches tied to this customer: who introduced it, who works or worked there. A reverse
   * link kept by lib/db/coaches.ts, so the dock finds them by primary key (no index on
   * coaches' referrals and employers exists); the coach records remain the truth.
   */
  coachIds: z.optional(z.array(Id)),
});
export type Customer = z.infer<typeof Customer>;

/** The single string a CRM reference is indexed by. */
export function crmKey(ref: CrmRef): string {
  return [ref.site, ref.tenant ?? '', ref.objectType.toLowerCase(), ref.recordId].join('|');
}
