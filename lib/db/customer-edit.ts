/**
 * The dock's manual entry and editing of a customer, and the fields it saves from a CRM
 * page (capture): checked by lib/tenure/customer-edit.ts, written in one transaction with
 * the reps it checks the owner against.
 */
import type { Customer, PageSubject } from '../model';
import type { CustomerEdit, CustomerEditReply, RepChoice } from '../messaging/tenure-schema';
import { applyCustomerEdit, checkCustomerEdit, editChanges } from '../tenure/customer-edit';
import { localIsoDate } from '../tenure/summary';
import { customerFromSubject, fromRow, saveCustomer } from './customers';
import type { HoldfastDB } from './database';
import { resolveCustomer } from './lookup';
import { ensureMe } from './me';

async function liveRepIds(d: HoldfastDB): Promise<Set<string>> {
  return new Set((await d.reps.toArray()).filter((r) => !r.deleted).map((r) => r.id));
}

async function checkAndSave(d: HoldfastDB, before: Customer, edit: CustomerEdit, today: string, isNew: boolean): Promise<CustomerEditReply> {
  const problems = checkCustomerEdit(edit, before, today, edit.ownerRepId ? await liveRepIds(d) : undefined);
  if (problems.length) return { ok: false, problems };
  if (isNew || editChanges(before, edit)) await saveCustomer(d, applyCustomerEdit(before, edit));
  return { ok: true, customerId: before.id };
}

/** Change a known customer's own fields. An edit that changes nothing writes nothing. */
export async function editCustomer(d: HoldfastDB, customerId: string, edit: CustomerEdit, today = localIsoDate()): Promise<CustomerEditReply> {
  return d.transaction('rw', d.customers, d.reps, async () => {
    const row = await d.customers.get(customerId);
    if (!row || row.deleted) return { ok: false, problems: [{ field: 'customer', code: 'not_found' }] };
    return checkAndSave(d, fromRow(row), edit, today, false);
  });
}

/**
 * A customer the rep filled in on a page Holdfast did not know: what the page shows (its CRM
 * record, name, domains) with the form's values over it. When the page meanwhile resolves to
 * a customer (a second click, another tab), that one is edited instead: never two.
 */
export async function createCustomer(d: HoldfastDB, subject: PageSubject, edit: CustomerEdit, today = localIsoDate()): Promise<CustomerEditReply> {
  return d.transaction('rw', d.customers, d.contacts, d.reps, async () => {
    const known = await resolveCustomer(d, subject);
    if (known) return checkAndSave(d, fromRow(known.row), edit, today, false);
    return checkAndSave(d, customerFromSubject(subject), edit, today, true);
  });
}

/** Every colleague an owner can be, me first, then by name. */
export async function repChoices(d: HoldfastDB): Promise<RepChoice[]> {
  const me = await ensureMe(d);
  const reps = (await d.reps.toArray()).filter((r) => !r.deleted);
  return reps
    .map((r) => ({ id: r.id, name: r.name, me: r.id === me.id }))
    .sort((a, b) => Number(b.me) - Number(a.me) || a.name.localeCompare(b.name));
}
