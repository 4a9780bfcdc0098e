import { Customer, crmKey, isCrmRecord, type PageSubject } from '../model';
import * as z from 'zod/mini';
import { newId, nowIso } from '../util/ids';
import type { CustomerRow, HoldfastDB } from './database';

/** Names compare case- and space-insensitively ("ACME  corp" finds "Acme Corp"). */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The row to store for a customer record. The reverse links `coachIds` that old clients'
 * records may carry are dropped: a customer's coaches are found by the coaches' own index
 * (lib/db/coach-rows.ts), and a stored copy could only drift.
 */
export function toRow(customer: Customer): CustomerRow {
  const { coachIds: _deprecated, ...record } = customer;
  return { ...record, crmKeys: customer.crmRefs.map(crmKey), nameKey: nameKey(customer.name) };
}

export function fromRow(row: CustomerRow): Customer {
  const { crmKeys: _k, nameKey: _n, ...customer } = row;
  return customer;
}

/** Validate and store a customer; the index fields are derived here so they never drift. */
export async function saveCustomer(d: HoldfastDB, input: Customer): Promise<Customer> {
  const customer = z.parse(Customer, { ...input, updatedAt: nowIso() });
  await d.customers.put(toRow(customer));
  return customer;
}

/** A new customer from what a page showed (name, company domains, its CRM record). */
export function customerFromSubject(subject: PageSubject): Customer {
  const crmRefs = isCrmRecord(subject)
    ? [{ site: subject.site, objectType: subject.objectType, recordId: subject.recordId, tenant: subject.tenant }]
    : [];
  const name = subject.name?.trim() || subject.domains[0] || subject.emails[0] || 'Unnamed customer';
  return { id: newId(), updatedAt: nowIso(), name, domains: subject.domains, crmRefs };
}
