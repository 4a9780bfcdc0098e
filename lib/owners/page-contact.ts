/**
 * Who at the customer the rep is most likely talking to, to prefill "Customer confirmed on
 * this call": the person the page is about (a contact, lead or person record), else the
 * latest sender from the customer's domains in a mail thread, else the customer's own contact
 * as Holdfast knows it. Only a prefill: the rep confirms or types the name.
 */
import type { PageSubject } from '../model';
import { domainOf } from '../coaches/moves';

/** Object types whose page is about one person, as the site adapters name them. */
const PERSON_TYPES = new Set(['contact', 'contacts', 'lead', 'leads', 'person', 'people']);

const within = (domain: string, of: string) => domain === of || domain.endsWith(`.${of}`);

export function pageContactName(
  subject: Pick<PageSubject, 'objectType' | 'name' | 'messages'> | undefined,
  customerDomains: readonly string[],
  customerContact?: string,
): string | undefined {
  const name = subject?.name?.trim();
  if (name && PERSON_TYPES.has(subject?.objectType?.toLowerCase() ?? '')) return name;
  const domains = customerDomains.map((d) => d.toLowerCase());
  const sender = subject?.messages?.findLast((m) => {
    const from = domainOf(m.from);
    return m.fromName?.trim() && from && domains.some((d) => within(from, d));
  });
  return sender?.fromName?.trim() || customerContact?.trim() || undefined;
}
