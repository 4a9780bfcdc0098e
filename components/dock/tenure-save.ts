/**
 * Saving the dock's customer form and the page's fields through the background: the form's
 * own check first (lib/tenure/customer-edit.ts, in words beside each field), then the
 * background, whose refusal comes back as the same words.
 */
import { createCustomer, editCustomer } from '@/lib/messaging/protocol';
import type { CustomerEdit, CustomerEditReply } from '@/lib/messaging/tenure-schema';
import type { PageSubject } from '@/lib/model/page-subject';
import { localIsoDate } from '@/lib/tenure/summary';
import type { EditField } from '@/lib/tenure/customer-edit';
import { errorText, readForm, type FormErrors, type FormValues } from '../tenure/customer-form';
import type { Request } from './state';

export type Target = { customerId: string } | { subject: PageSubject };

const FIELDS: ReadonlySet<string> = new Set<EditField>(['name', 'domains', 'customerSince', 'renewalDate', 'ownerRepId']);

/** The background's refusal as form errors; one that names no field of the form is thrown, for the form to show whole. */
function refusal(reply: Extract<CustomerEditReply, { ok: false }>): FormErrors {
  const errors: FormErrors = {};
  for (const p of reply.problems) {
    if (!FIELDS.has(p.field)) throw new Error(errorText(p.code));
    errors[p.field as EditField] ??= errorText(p.code);
  }
  return errors;
}

export async function sendEdit(request: Request, target: Target, edit: CustomerEdit): Promise<FormErrors | null> {
  const reply = 'customerId' in target
    ? await request(editCustomer, { customerId: target.customerId, edit })
    : await request(createCustomer, { subject: target.subject, edit });
  return reply.ok ? null : refusal(reply);
}

/** Check the form, then save it; the errors to show, or null when saved. */
export async function saveForm(
  request: Request,
  target: Target,
  values: FormValues,
  before: FormValues | null,
  badDates: ReadonlySet<'customerSince' | 'renewalDate'>,
): Promise<FormErrors | null> {
  const { edit, errors } = readForm(values, before, badDates, localIsoDate());
  if (Object.keys(errors).length) return errors;
  if (before && !Object.keys(edit).length) return null; // nothing changed
  return sendEdit(request, target, edit);
}
