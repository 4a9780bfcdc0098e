/**
 * The customer form's values and what they mean: filled from a stored customer (editing) or
 * from the page (a new customer), read back into the edit the background applies, with each
 * wrong field named in words (lib/tenure/customer-edit.ts decides what is wrong).
 */
import { t, type MessageKey } from '@/lib/i18n';
import type { PageSubject } from '@/lib/model/page-subject';
import type { CustomerEdit, RepChoice } from '@/lib/messaging/tenure-schema';
import { normaliseDomain } from '@/lib/sites/dom';
import { checkCustomerEdit, type EditField } from '@/lib/tenure/customer-edit';

/** What the form's controls hold: text as typed, dates as `<input type="date">` gives them ('' when empty). */
export interface FormValues {
  name: string;
  domains: string;
  customerSince: string;
  renewalDate: string;
  ownerRepId: string;
}

export type FormErrors = Partial<Record<EditField, string>>;

interface Stored {
  name: string;
  domains: string[];
  customerSince?: string | undefined;
  renewalDate?: string | undefined;
  ownerRepId?: string | undefined;
}

export function valuesOf(c: Stored): FormValues {
  return { name: c.name, domains: c.domains.join(', '), customerSince: c.customerSince ?? '', renewalDate: c.renewalDate ?? '', ownerRepId: c.ownerRepId ?? '' };
}

const nameKey = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** A new customer as the page shows it: its name, company domains and website, the fields it states, its owner when a known colleague. */
export function valuesFromSubject(s: PageSubject, reps: readonly RepChoice[] | null): FormValues {
  const f = s.fields ?? {};
  const owner = f.ownerName ? reps?.find((r) => nameKey(r.name) === nameKey(f.ownerName!)) : undefined;
  return {
    name: s.name ?? s.domains[0] ?? '',
    domains: [...new Set([...s.domains, ...(f.website ? [f.website] : [])])].join(', '),
    customerSince: f.customerSince ?? '',
    renewalDate: f.renewalDate ?? '',
    ownerRepId: owner?.id ?? '',
  };
}

export function errorText(code: string, ...subs: string[]): string {
  return t(`tenure_editError_${code}` as MessageKey, ...subs);
}

/**
 * The edit the form asks for, against `before` (the values it opened with): only what changed
 * (a new customer: everything filled in), a date or owner emptied becomes `null` (clear).
 * `badDates` are date controls holding an incomplete date. Errors name the field in words.
 */
export function readForm(
  v: FormValues,
  before: FormValues | null,
  badDates: ReadonlySet<'customerSince' | 'renewalDate'>,
  today: string,
): { edit: CustomerEdit; errors: FormErrors } {
  const errors: FormErrors = {};
  const edit: CustomerEdit = {};
  const changed = (k: keyof FormValues) => before === null || v[k].trim() !== before[k].trim();

  if (changed('name')) edit.name = v.name.trim();
  const tokens = v.domains.split(/[\s,;]+/).filter(Boolean);
  const domains: string[] = [];
  for (const token of tokens) {
    const d = normaliseDomain(token);
    if (d) domains.push(d);
    else errors.domains ??= errorText('domain_token', token);
  }
  if (changed('domains')) edit.domains = [...new Set(domains)];
  for (const k of ['customerSince', 'renewalDate', 'ownerRepId'] as const) {
    if (!changed(k)) continue;
    const value = v[k].trim();
    if (value) edit[k] = value;
    else if (before?.[k]) edit[k] = null;
  }
  for (const k of badDates) errors[k] = errorText('date_invalid');

  const stored = before ?? { customerSince: '', renewalDate: '' };
  for (const p of checkCustomerEdit(edit, { customerSince: stored.customerSince || undefined, renewalDate: stored.renewalDate || undefined }, today)) {
    errors[p.field] ??= errorText(p.code);
  }
  return { edit, errors };
}
