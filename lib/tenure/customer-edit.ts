/**
 * Manual entry and editing of a customer's own fields — name, domains, customer since,
 * renewal date, owner — and the fields captured from a CRM page, checked the same way in the
 * dock's form (to say what is wrong before sending) and in the background (which decides).
 * Pure: plain data in, plain data out.
 */
import type { Customer } from '../model';
import type { CustomerEdit } from '../messaging/tenure-schema';

export type EditField = 'name' | 'domains' | 'customerSince' | 'renewalDate' | 'ownerRepId';
/** Why a field was refused; the panels show `tenure_editError_<code>`. */
export type EditCode = 'name_empty' | 'name_long' | 'domain_invalid' | 'date_invalid' | 'since_future' | 'renewal_before_since' | 'owner_unknown';
export interface EditProblem {
  field: EditField;
  code: EditCode;
}

export const NAME_MAX = 200;
const DOMAIN_RE = /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written as YYYY-MM-DD. */
export function isIsoDay(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate() && y >= 1900;
}

/**
 * What is wrong with `edit` applied to `before`, field by field (empty when nothing is).
 * `today` is the rep's calendar date: a customer cannot have been one since tomorrow.
 * `knownReps`, when given, are the ids an owner may be.
 */
export function checkCustomerEdit(
  edit: CustomerEdit,
  before: Pick<Customer, 'customerSince' | 'renewalDate'>,
  today: string,
  knownReps?: ReadonlySet<string>,
): EditProblem[] {
  const out: EditProblem[] = [];
  if (edit.name !== undefined) {
    const name = edit.name.trim();
    if (!name) out.push({ field: 'name', code: 'name_empty' });
    else if (name.length > NAME_MAX) out.push({ field: 'name', code: 'name_long' });
  }
  if (edit.domains?.some((d) => d.length > 253 || !DOMAIN_RE.test(d))) out.push({ field: 'domains', code: 'domain_invalid' });
  const since = edit.customerSince === undefined ? before.customerSince : (edit.customerSince ?? undefined);
  const renewal = edit.renewalDate === undefined ? before.renewalDate : (edit.renewalDate ?? undefined);
  const sinceOk = since === undefined || isIsoDay(since);
  const renewalOk = renewal === undefined || isIsoDay(renewal);
  if (edit.customerSince && !sinceOk) out.push({ field: 'customerSince', code: 'date_invalid' });
  else if (edit.customerSince && since && since > today) out.push({ field: 'customerSince', code: 'since_future' });
  if (edit.renewalDate && !renewalOk) out.push({ field: 'renewalDate', code: 'date_invalid' });
  else if ((edit.renewalDate || edit.customerSince) && since && renewal && sinceOk && renewalOk && renewal < since) {
    out.push({ field: edit.renewalDate ? 'renewalDate' : 'customerSince', code: 'renewal_before_since' });
  }
  if (edit.ownerRepId && knownReps && !knownReps.has(edit.ownerRepId)) out.push({ field: 'ownerRepId', code: 'owner_unknown' });
  return out;
}

/** The customer after `edit` (checked first): names trimmed, domains de-duplicated, `null` clearing. */
export function applyCustomerEdit(customer: Customer, edit: CustomerEdit): Customer {
  const next: Customer = { ...customer };
  if (edit.name !== undefined) next.name = edit.name.trim();
  if (edit.domains !== undefined) next.domains = [...new Set(edit.domains)];
  for (const key of ['customerSince', 'renewalDate', 'ownerRepId'] as const) {
    const value = edit[key];
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  if (edit.customerSince === null) delete next.sinceSource;
  else if (edit.customerSince !== undefined && (edit.customerSince !== customer.customerSince || edit.sinceSource !== undefined)) {
    next.sinceSource = edit.sinceSource ?? 'rep';
  }
  return next;
}

/** The edit that changes nothing of `customer` is empty: saving it would only churn sync. */
export function editChanges(customer: Customer, edit: CustomerEdit): boolean {
  const after = applyCustomerEdit(customer, edit);
  return (
    after.name !== customer.name ||
    after.domains.join(' ') !== customer.domains.join(' ') ||
    after.customerSince !== customer.customerSince ||
    after.sinceSource !== customer.sinceSource ||
    after.renewalDate !== customer.renewalDate ||
    after.ownerRepId !== customer.ownerRepId
  );
}
