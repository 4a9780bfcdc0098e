import { crmKey, isCrmRecord, type CrmRef, type PageSubject } from '../model';
import type { HoldfastDB } from './database';
import { fromRow, nameKey, saveCustomer } from './customers';

/**
 * The user said which customer this page is about. When the page is a CRM record, remember
 * it (a CRM reference on the customer), so the page is recognised by itself next time.
 */
export async function linkSubject(d: HoldfastDB, customerId: string, subject: PageSubject): Promise<boolean> {
  const row = await d.customers.get(customerId);
  if (!row || row.deleted) return false;
  if (isCrmRecord(subject)) {
    const ref: CrmRef = { site: subject.site, objectType: subject.objectType, recordId: subject.recordId, tenant: subject.tenant };
    if (!row.crmKeys.includes(crmKey(ref))) {
      const customer = fromRow(row);
      await saveCustomer(d, { ...customer, crmRefs: [...customer.crmRefs, ref] });
    }
  }
  return true;
}

/** Name search for the dock's manual pick: prefix matches first, then the rest. */
export async function searchCustomers(d: HoldfastDB, query: string, limit = 8): Promise<Array<{ id: string; name: string }>> {
  const q = nameKey(query);
  if (!q) return [];
  const prefix = await d.customers.where('nameKey').startsWith(q).filter((c) => !c.deleted).limit(limit).toArray();
  const more =
    prefix.length < limit
      ? await d.customers.filter((c) => !c.deleted && c.nameKey.includes(q) && !c.nameKey.startsWith(q)).limit(limit - prefix.length).toArray()
      : [];
  return [...prefix, ...more].map((c) => ({ id: c.id, name: c.name }));
}
