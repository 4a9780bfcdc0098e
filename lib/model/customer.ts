import * as z from 'zod/mini';
import { MAX_COACHES_PER_CUSTOMER, MAX_CRM_REFS, MAX_DOMAINS } from './bounds';
import { Domain, Id, IsoDate, IsoDateTime, ShortText, syncedFields, Text } from './common';

export const SinceSource = z.enum(['crm', 'crm_created', 'rep']);
export type SinceSource = z.infer<typeof SinceSource>;

/** Where a customer lives in a CRM. */
export const CrmRef = z.object({
  site: Text(40, 1),
  objectType: ShortText,
  recordId: ShortText,
  tenant: z.optional(ShortText),
});
export type CrmRef = z.infer<typeof CrmRef>;

export const Customer = z.object({
  ...syncedFields,
  name: Text(200, 1),
  domains: z.array(Domain).check(z.maxLength(MAX_DOMAINS)),
  crmRefs: z.array(CrmRef).check(z.maxLength(MAX_CRM_REFS)),
  customerSince: z.optional(IsoDate),
  /**
   * Where customerSince came from: the CRM's customer-since field, the CRM record's created
   * date (only when the importer chose it, and labelled so), or the rep. Absent on records
   * older than this field: shown as entered, without a source.
   */
  sinceSource: z.optional(SinceSource),
  /**
   * A prospect (CRM type "Prospect", lifecycle stage lead/opportunity): known to the CRM but
   * not yet buying. Kept out of the book's mix, tenure and risk lists.
   */
  prospect: z.optional(z.boolean()),
  renewalDate: z.optional(IsoDate),
  ownerRepId: z.optional(Id),
  lastContactAt: z.optional(IsoDateTime),
  /**
   * @deprecated Ignored since schema v3 (issue 14). The reverse links to the coaches tied to
   * this customer, as Holdfast up to schema v2 wrote them beside every coach change. Kept here
   * only so records written by old clients (on the team server, in backups) still parse; this
   * client never reads or writes it (lib/db/customers.ts toRow drops it) and finds a
   * customer's coaches by the coaches' own index (lib/db/coach-rows.ts).
   */
  coachIds: z.optional(z.array(Id).check(z.maxLength(MAX_COACHES_PER_CUSTOMER))),
});
export type Customer = z.infer<typeof Customer>;

/** The single string a CRM reference is indexed by. */
export function crmKey(ref: CrmRef): string {
  return [ref.site, ref.tenant ?? '', ref.objectType.toLowerCase(), ref.recordId].join('|');
}
