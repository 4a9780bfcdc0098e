/**
 * Writing coaches from CSV (lib/coaches/csv.ts) into the database. A row is written whole or
 * not at all: a referral to a customer Holdfast does not know rejects its row, and the rest
 * of the file still imports.
 *
 * Idempotent: contacts are found by address, coaches by contact, referrals by customer, and
 * nothing is rewritten when it would not change — a second import of the same file counts
 * every row unchanged.
 *
 * A coach's employer is a customer: found by its domain or name, else created as a prospect
 * (a customer with no revenue), as a move does (lib/db/coaches.ts). An employer that differs
 * from the coach's current one is recorded as a move on the day of the import.
 */
import * as z from 'zod/mini';
import { Coach, Contact, Customer } from '../model';
import { convertCoachTable, type CoachDraft, type CoachIssue, type CoachSpec } from '../coaches/csv';
import { applyMove, currentEmployment, domainOf, sameOrg } from '../coaches/moves';
import type { Table } from '../import/types';
import { FREE_MAIL_DOMAINS, normaliseDomain } from '../sites/dom';
import { companyKey } from '../tenure/risk';
import { newId, nowIso } from '../util/ids';
import { toCoachRow } from './coach-rows';
import { customerByDomain } from './coaches';
import { nameKey, toRow } from './customers';
import type { CustomerRow, HoldfastDB } from './database';

export interface CoachImportResult {
  total: number;
  /** Coaches new to Holdfast. */
  created: number;
  /** Rows that changed a known coach (a referral added, a budget set, a move). */
  updated: number;
  unchanged: number;
  /** Employers not yet known, added as prospects. */
  customersCreated: number;
  rejected: CoachIssue[];
}

const CHUNK = 500;

async function byName(d: HoldfastDB, name: string): Promise<CustomerRow | undefined> {
  return d.customers.where('nameKey').equals(nameKey(name)).filter((r) => !r.deleted).first();
}

/** "acme.com" is found by domain, "Acme Corp" by name. */
async function findCustomer(d: HoldfastDB, label: string): Promise<CustomerRow | undefined> {
  const domain = /^\S+\.\S+$/.test(label) ? normaliseDomain(label) : undefined;
  return (domain ? await customerByDomain(d, domain) : undefined) ?? (await byName(d, label));
}

/** A record without its timestamp, to tell whether an import changed it. */
const same = (a: object, b: object) => JSON.stringify({ ...a, updatedAt: '' }) === JSON.stringify({ ...b, updatedAt: '' });

async function writeRow(d: HoldfastDB, draft: CoachDraft, today: string, result: CoachImportResult): Promise<void> {
  // Everything the row needs is checked before anything is written.
  const referred = draft.referral ? await findCustomer(d, draft.referral.customer) : undefined;
  if (draft.referral && !referred) {
    result.rejected.push({ row: draft.row, code: 'unknown_customer', params: [draft.referral.customer] });
    return;
  }

  // The employer: by the sheet's domain or company name; when the sheet names neither, by
  // the domain of the address. A new prospect takes the address's domain only when no other
  // customer uses it (a coach at Newco still writing from Globex must not file Globex's domain).
  const own = domainOf(draft.email);
  const mailDomain = own && !FREE_MAIL_DOMAINS.has(own) ? own : undefined;
  const mailCustomer = mailDomain ? await customerByDomain(d, mailDomain) : undefined;
  const domain = draft.domain ?? (mailCustomer ? undefined : mailDomain);
  let employer =
    (draft.domain ? await customerByDomain(d, draft.domain) : undefined) ??
    (draft.company ? await byName(d, draft.company) : undefined) ??
    (!draft.domain && !draft.company ? mailCustomer : undefined);
  if (!employer && (draft.company || domain)) {
    employer = toRow(z.parse(Customer, { id: newId(), updatedAt: nowIso(), name: draft.company ?? domain!, domains: domain ? [domain] : [], crmRefs: [] }));
    await d.customers.put(employer);
    result.customersCreated++;
  }

  const before = await d.contacts.where('emails').equals(draft.email).filter((c) => !c.deleted).first();
  const contact: Contact = before
    ? { ...before, ...(before.customerId || !employer ? {} : { customerId: employer.id }), ...(before.title || !draft.title ? {} : { title: draft.title }) }
    : { id: newId(), updatedAt: nowIso(), name: draft.name, emails: [draft.email], ...(employer ? { customerId: employer.id } : {}), ...(draft.title ? { title: draft.title } : {}) };
  const contactChanged = !before || !same(before, contact);
  if (contactChanged) await d.contacts.put(z.parse(Contact, { ...contact, updatedAt: nowIso() }));

  const old = await d.coaches.where('contactId').equals(contact.id).filter((c) => !c.deleted).first();
  let coach: Coach = old ?? { id: newId(), updatedAt: nowIso(), contactId: contact.id, employers: [], referrals: [], gifts: [] };
  if (employer) {
    const now = currentEmployment(coach);
    const empDomain = (domain && employer.domains.find((dom) => sameOrg(dom, domain))) ?? employer.domains[0] ?? domain;
    const there = now && ((now.domain !== undefined && empDomain !== undefined && sameOrg(now.domain, empDomain)) || companyKey(now.company) === companyKey(employer.name));
    if (!now && !coach.employers.length) coach = { ...coach, employers: [{ company: employer.name, ...(empDomain ? { domain: empDomain } : {}) }] };
    else if (!there) coach = { ...coach, employers: applyMove(coach.employers, { company: employer.name, domain: empDomain }, today) };
  }
  if (draft.referral && referred) {
    const r = { customerId: referred.id, date: draft.referral.date, outcome: draft.referral.outcome };
    const at = coach.referrals.findIndex((x) => x.customerId === r.customerId);
    coach = { ...coach, referrals: at < 0 ? [...coach.referrals, r] : coach.referrals.map((x, i) => (i === at ? r : x)) };
  }
  if (draft.lastTouch && (!coach.lastTouchAt || draft.lastTouch > coach.lastTouchAt)) coach = { ...coach, lastTouchAt: draft.lastTouch };
  if (draft.budget) coach = { ...coach, budget: draft.budget };

  if (!old) result.created++;
  else if (!same(old, coach) || contactChanged) result.updated++;
  else result.unchanged++;
  // The employer and the referred customer find the coach by its derived keys (lib/db/coach-rows.ts).
  if (!old || !same(old, coach)) await d.coaches.put(toCoachRow(z.parse(Coach, { ...coach, updatedAt: nowIso() })));
}

export async function importCoaches(
  d: HoldfastDB,
  table: Table,
  spec: CoachSpec,
  today: string,
  onProgress?: (done: number, total: number) => void,
): Promise<CoachImportResult> {
  const { drafts, rejected } = convertCoachTable(table, spec);
  const result: CoachImportResult = { total: table.rows.length, created: 0, updated: 0, unchanged: 0, customersCreated: 0, rejected };
  for (let i = 0; i < drafts.length; i += CHUNK) {
    await d.transaction('rw', d.contacts, d.coaches, d.customers, async () => {
      for (const draft of drafts.slice(i, i + CHUNK)) await writeRow(d, draft, today, result);
    });
    onProgress?.(Math.min(i + CHUNK, drafts.length), drafts.length);
  }
  result.rejected.sort((a, b) => a.row - b.row);
  return result;
}
