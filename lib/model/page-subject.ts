import * as z from 'zod/mini';
import { Domain, Email, IsoDate, IsoDateTime, ShortText, Text } from './common';

/**
 * What a site adapter reads off a page: which customer the page is about, as far as the
 * page tells. Every field but `site` may be missing; resolution in the background decides.
 */
export const PageSubject = z.object({
  /** Adapter id: 'salesforce', 'gmail', 'generic', … */
  site: Text(40, 1),
  /** The CRM's object type: 'Account', 'contact', 'deal', … */
  objectType: z.optional(ShortText),
  recordId: z.optional(ShortText),
  /** The CRM instance: Salesforce my-domain, HubSpot portal id, Dynamics org host, … */
  tenant: z.optional(ShortText),
  /** The customer's (or contact's) name as the page shows it. */
  name: z.optional(ShortText),
  emails: z.array(Email).check(z.maxLength(200)),
  domains: z.array(Domain).check(z.maxLength(200)),
  /**
   * Record fields a CRM page shows that the rep may save to the customer (capture from the
   * page). Only what the page states; nothing inferred.
   */
  fields: z.optional(
    z.object({
      customerSince: z.optional(IsoDate),
      renewalDate: z.optional(IsoDate),
      website: z.optional(Domain),
      ownerName: z.optional(ShortText),
    }),
  ),
  /**
   * Mail pages: the thread's subject line and the latest sender's signature (the tail of their
   * message). They name the company a person writes for ("Renewal: Acme Corp 2027 licences"),
   * so the dock can offer that customer rather than the person (lib/mail-company/match.ts).
   */
  topic: z.optional(ShortText),
  signature: z.optional(ShortText),
  /**
   * Mail pages: the open thread's messages, oldest first: who sent each and when. Moves the
   * customer's last contact forward and shows when a coach writes from a new company.
   */
  messages: z.optional(
    z.array(z.object({ from: Email, fromName: z.optional(ShortText), at: z.optional(IsoDateTime) })).check(z.maxLength(200)),
  ),
});
export type PageSubject = z.infer<typeof PageSubject>;


export { isCrmRecord, isListPage } from './subject-kind';
