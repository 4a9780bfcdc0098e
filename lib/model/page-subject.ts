import * as z from 'zod/mini';
import { Domain, Email, ShortText } from './common';

/**
 * What a site adapter reads off a page: which customer the page is about, as far as the
 * page tells. Every field but `site` may be missing; resolution in the background decides.
 */
export const PageSubject = z.object({
  /** Adapter id: 'salesforce', 'gmail', 'generic', … */
  site: z.string().check(z.minLength(1), z.maxLength(40)),
  /** The CRM's object type: 'Account', 'contact', 'deal', … */
  objectType: z.optional(ShortText),
  recordId: z.optional(ShortText),
  /** The CRM instance: Salesforce my-domain, HubSpot portal id, Dynamics org host, … */
  tenant: z.optional(ShortText),
  /** The customer's (or contact's) name as the page shows it. */
  name: z.optional(ShortText),
  emails: z.array(Email).check(z.maxLength(200)),
  domains: z.array(Domain).check(z.maxLength(200)),
});
export type PageSubject = z.infer<typeof PageSubject>;


export { isCrmRecord, isListPage } from './subject-kind';
