/**
 * Capture from the page: which record fields a CRM page states (PageSubject.fields, read by
 * the site adapters) differ from, or are missing in, the stored customer — each an offer the
 * tenure panel shows with one Save. Only offers that can be saved are made: a date the
 * customer's other date contradicts (a renewal before customer since) is not offered, and
 * an owner only when the page's owner is a colleague Holdfast knows by name.
 */
import type { PageSubject } from '../model';
import type { CustomerSummary } from '../messaging/protocol';
import type { CustomerEdit, RepChoice } from '../messaging/tenure-schema';
import { checkCustomerEdit } from './customer-edit';

export type CaptureField = 'customerSince' | 'renewalDate' | 'website' | 'owner';

export interface CaptureOffer {
  field: CaptureField;
  /** What the page says: an ISO date, a domain, the colleague's name. */
  value: string;
  edit: CustomerEdit;
}

/** Names compare case- and space-insensitively ("jane  REP" is Jane Rep). */
const nameKey = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

export function captureOffers(
  fields: PageSubject['fields'],
  customer: Pick<CustomerSummary, 'customerSince' | 'renewalDate' | 'domains' | 'ownerRepId'>,
  reps: readonly RepChoice[] | null,
  today: string,
): CaptureOffer[] {
  if (!fields) return [];
  const out: CaptureOffer[] = [];
  const savable = (edit: CustomerEdit) => checkCustomerEdit(edit, customer, today).length === 0;
  for (const field of ['customerSince', 'renewalDate'] as const) {
    const value = fields[field];
    // What the CRM page states is the CRM's "customer since", and is labelled so.
    const edit: CustomerEdit = field === 'customerSince' ? { customerSince: value, sinceSource: 'crm' } : { [field]: value };
    if (value && value !== customer[field] && savable(edit)) out.push({ field, value, edit });
  }
  if (fields.website && !customer.domains.includes(fields.website)) {
    out.push({ field: 'website', value: fields.website, edit: { domains: [...customer.domains, fields.website] } });
  }
  const owner = fields.ownerName && reps?.find((r) => nameKey(r.name) === nameKey(fields.ownerName!));
  if (owner && owner.id !== customer.ownerRepId) out.push({ field: 'owner', value: owner.name, edit: { ownerRepId: owner.id } });
  return out;
}
