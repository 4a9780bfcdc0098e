import { crmKey, isCrmRecord, type PageSubject } from '../model';
import type { CustomerSummary } from '../messaging/protocol';
import type { CustomerRow, HoldfastDB } from './database';
import { fromRow, nameKey } from './customers';

export type Match = { row: CustomerRow; matchedBy: CustomerSummary['matchedBy'] };

/**
 * Which known customer is this page about? Strongest evidence first: the CRM record, then a
 * company email domain, then a known contact's email, then the name.
 */
export async function resolveCustomer(d: HoldfastDB, subject: PageSubject): Promise<Match | null> {
  const live = (row: CustomerRow | undefined) => (row && !row.deleted ? row : undefined);
  if (isCrmRecord(subject)) {
    const key = crmKey({ site: subject.site, tenant: subject.tenant, objectType: subject.objectType, recordId: subject.recordId });
    const row = live(await d.customers.where('crmKeys').equals(key).first());
    if (row) return { row, matchedBy: 'crm' };
  }
  if (subject.domains.length) {
    const row = live(await d.customers.where('domains').anyOf(subject.domains).first());
    if (row) return { row, matchedBy: 'domain' };
  }
  if (subject.emails.length) {
    const contact = await d.contacts.where('emails').anyOf(subject.emails).filter((c) => !c.deleted && !!c.customerId).first();
    const row = contact?.customerId ? live(await d.customers.get(contact.customerId)) : undefined;
    if (row) return { row, matchedBy: 'contact' };
  }
  if (subject.name) {
    const row = live(await d.customers.where('nameKey').equals(nameKey(subject.name)).first());
    if (row) return { row, matchedBy: 'name' };
  }
  return null;
}

export function summarise(match: Match): CustomerSummary {
  const c = fromRow(match.row);
  return {
    id: c.id,
    name: c.name,
    domains: c.domains,
    customerSince: c.customerSince,
    renewalDate: c.renewalDate,
    lastContactAt: c.lastContactAt,
    ownerRepId: c.ownerRepId,
    matchedBy: match.matchedBy,
  };
}
