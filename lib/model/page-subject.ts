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

/** Mail and unknown sites show messages, not customer records: their ids say nothing about a customer. */
const NOT_CRM = new Set(['gmail', 'outlook', 'generic']);

/** Is this page a CRM record whose id can identify the customer next time? */
export function isCrmRecord(s: PageSubject): s is PageSubject & { objectType: string; recordId: string } {
  return !!s.objectType && !!s.recordId && !NOT_CRM.has(s.site);
}

/** A list page (an inbox, a list view): never offered as one customer. */
export function isListPage(s: PageSubject): boolean {
  return s.objectType === 'list';
}
