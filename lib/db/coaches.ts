/**
 * Coaches in the database (issue 7): making a contact a coach, recording a move, gifts,
 * referrals, touches and the budget. Each change is one read-write transaction over the
 * coach, its contact and the customers it ties to. Customers are not written for a coach's
 * sake (a move's new prospect aside): the dock finds a customer's coaches by the coach rows'
 * own index, derived from each record as it is stored (lib/db/coach-rows.ts).
 *
 * Dates here are the rep's calendar dates (ISO `YYYY-MM-DD`, lib/tenure localIsoDate);
 * callers pass `today` so tests and the background agree on the clock.
 */
import * as z from 'zod/mini';
import { Coach, Contact, Customer, Gift, Referral } from '../model';
import { applyMove, detectMove, domainOf, sameOrg, type Move } from '../coaches/moves';
import { FREE_MAIL_DOMAINS } from '../sites/dom';
import { newId, nowIso } from '../util/ids';
import { toCoachRow } from './coach-rows';
import { nameKey, toRow } from './customers';
import type { CustomerRow, HoldfastDB } from './database';

export class CoachRefused extends Error {
  override readonly name = 'CoachRefused';
}

const live = <T extends { deleted?: boolean | undefined }>(r: T | undefined): T | undefined => (r && !r.deleted ? r : undefined);

/** A live customer that uses `domain` (or a parent of it) for mail. */
export async function customerByDomain(d: HoldfastDB, domain: string): Promise<CustomerRow | undefined> {
  const parts = domain.split('.');
  // eu.acme.com → eu.acme.com, acme.com: a customer is usually filed under its main domain.
  const candidates = parts.slice(0, -1).map((_, i) => parts.slice(i).join('.'));
  for (const c of candidates) {
    const row = await d.customers.where('domains').equals(c).filter((r) => !r.deleted).first();
    if (row) return row;
  }
  return undefined;
}

async function getCoach(d: HoldfastDB, coachId: string): Promise<Coach> {
  const coach = live(await d.coaches.get(coachId));
  if (!coach) throw new CoachRefused('That coach is not in Holdfast (they may have been removed).');
  return coach;
}

async function saveCoach(d: HoldfastDB, coach: Coach): Promise<Coach> {
  const next = z.parse(Coach, { ...coach, updatedAt: nowIso() });
  await d.coaches.put(toCoachRow(next));
  return next;
}

export interface NewCoach {
  name: string;
  email: string;
  /** The customer the contact works for, when known (the page's customer). */
  customerId?: string | undefined;
}

/**
 * Make the person with this address a coach: their contact is found by address or created
 * (at the given customer), and the coach starts with that employer. Idempotent: a contact who
 * is a coach already is answered with that coach.
 */
export async function makeCoach(d: HoldfastDB, input: NewCoach): Promise<{ coach: Coach; contact: Contact; created: boolean }> {
  const email = input.email.trim().toLowerCase();
  return d.transaction('rw', d.contacts, d.coaches, d.customers, async () => {
    let contact = await d.contacts.where('emails').equals(email).filter((c) => !c.deleted).first();
    if (!contact) {
      contact = z.parse(Contact, { id: newId(), updatedAt: nowIso(), name: input.name.trim() || email, emails: [email], ...(input.customerId ? { customerId: input.customerId } : {}) });
      await d.contacts.put(contact);
    } else if (!contact.customerId && input.customerId) {
      contact = { ...contact, customerId: input.customerId, updatedAt: nowIso() };
      await d.contacts.put(contact);
    }
    const existing = await d.coaches.where('contactId').equals(contact.id).filter((c) => !c.deleted).first();
    if (existing) return { coach: existing, contact, created: false };

    const customer = contact.customerId ? live(await d.customers.get(contact.customerId)) : undefined;
    const own = domainOf(email);
    const company = own && !FREE_MAIL_DOMAINS.has(own) ? own : undefined;
    let employer: Coach['employers'][number] | undefined;
    if (customer) {
      const domain = (company && customer.domains.find((dom) => sameOrg(dom, company))) ?? customer.domains[0] ?? company;
      employer = { company: customer.name, ...(domain ? { domain } : {}) };
    } else if (company) {
      employer = { company, domain: company };
    }
    const coach = z.parse(Coach, { id: newId(), updatedAt: nowIso(), contactId: contact.id, employers: employer ? [employer] : [], referrals: [], gifts: [] });
    await d.coaches.put(toCoachRow(coach));
    return { coach, contact, created: true };
  });
}

export interface MoveResult {
  /** False when the address shows no move (already recorded, free mail, dismissed). */
  moved: boolean;
  move?: Move;
  /** The customer the coach now works for. */
  customerId?: string;
  /** A prospect was created for the new employer. */
  prospectCreated?: boolean;
}

/**
 * The coach writes from `from`: if that shows a move (lib/coaches/moves.ts), close the
 * current employment on `today`, open the new one, and tie the coach to the new employer —
 * an existing customer with that domain, or a new prospect (a customer with no revenue).
 * The address joins the contact's addresses and the contact moves to the new customer; the
 * employer left keeps its link, which is what raises its "coach left" risk signal.
 * Idempotent: once recorded, the same address shows no move.
 */
export async function recordMove(d: HoldfastDB, coachId: string, from: string, today: string): Promise<MoveResult> {
  const address = from.trim().toLowerCase();
  return d.transaction('rw', d.contacts, d.coaches, d.customers, async () => {
    const coach = await getCoach(d, coachId);
    const move = detectMove(coach, address);
    if (!move) return { moved: false };

    let target = await customerByDomain(d, move.domain);
    if (!target && move.kind === 'back') target = await d.customers.where('nameKey').equals(nameKey(move.company)).filter((r) => !r.deleted).first();
    let prospectCreated = false;
    if (!target) {
      const prospect = z.parse(Customer, {
        id: newId(),
        updatedAt: nowIso(),
        name: move.kind === 'back' ? move.company : move.domain,
        domains: [move.domain],
        crmRefs: [],
      });
      target = toRow(prospect);
      await d.customers.put(target);
      prospectCreated = true;
    }

    // The employer being left stays in the history, so the coach stays tied to it (its tenure
    // panel shows "coach left"); the new one is tied by its domain (lib/db/coach-rows.ts).
    await saveCoach(d, { ...coach, employers: applyMove(coach.employers, { company: target.name, domain: move.domain }, today) });

    const contact = live(await d.contacts.get(coach.contactId));
    if (contact) {
      const emails = contact.emails.includes(address) ? contact.emails : [...contact.emails, address];
      await d.contacts.put(z.parse(Contact, { ...contact, emails, customerId: target.id, updatedAt: nowIso() }));
    }
    return { moved: true, move, customerId: target.id, prospectCreated };
  });
}

/** "Not a move": the coach writes from `domain` for another reason; stop offering it. */
export async function dismissMove(d: HoldfastDB, coachId: string, domain: string): Promise<Coach> {
  return d.transaction('rw', d.coaches, async () => {
    const coach = await getCoach(d, coachId);
    if (coach.otherDomains?.includes(domain)) return coach;
    return saveCoach(d, { ...coach, otherDomains: [...(coach.otherDomains ?? []), domain] });
  });
}

const later = (a: string | undefined, b: string) => (a !== undefined && a >= b ? a : b);

/** A gift is also a touch: the last touch moves to its date (never back). */
export async function addGift(d: HoldfastDB, coachId: string, gift: Gift): Promise<Coach> {
  const g = z.parse(Gift, gift);
  return d.transaction('rw', d.coaches, async () => {
    const coach = await getCoach(d, coachId);
    return saveCoach(d, { ...coach, gifts: [...coach.gifts, g], lastTouchAt: later(coach.lastTouchAt, g.date) });
  });
}

/** The rep was in touch with the coach on `date` (a call, a lunch): the last touch moves forward, never back. */
export async function touchCoach(d: HoldfastDB, coachId: string, date: string): Promise<Coach> {
  return d.transaction('rw', d.coaches, async () => {
    const coach = await getCoach(d, coachId);
    const lastTouchAt = later(coach.lastTouchAt, date);
    return lastTouchAt === coach.lastTouchAt ? coach : saveCoach(d, { ...coach, lastTouchAt });
  });
}

/**
 * The coach introduced a customer. One referral per customer: a second one for the same
 * customer updates its date and outcome. Answers whether anything changed (CSV re-imports
 * count unchanged rows).
 */
export async function addReferral(d: HoldfastDB, coachId: string, referral: Referral): Promise<'created' | 'updated' | 'unchanged'> {
  const r = z.parse(Referral, referral);
  return d.transaction('rw', d.coaches, d.customers, async () => {
    const coach = await getCoach(d, coachId);
    const customer = live(await d.customers.get(r.customerId));
    if (!customer) throw new CoachRefused('That customer is not in Holdfast.');
    const at = coach.referrals.findIndex((x) => x.customerId === r.customerId);
    const before = coach.referrals[at];
    let outcome: 'created' | 'updated' | 'unchanged' = 'created';
    if (before) outcome = before.date === r.date && before.outcome === r.outcome ? 'unchanged' : 'updated';
    if (outcome !== 'unchanged') {
      const referrals = before ? coach.referrals.map((x, i) => (i === at ? r : x)) : [...coach.referrals, r];
      await saveCoach(d, { ...coach, referrals });
    }
    return outcome;
  });
}

/** The team lead's budget for this coach (undefined removes it). */
export async function setCoachBudget(d: HoldfastDB, coachId: string, budget: Coach['budget']): Promise<Coach> {
  return d.transaction('rw', d.coaches, async () => {
    const coach = await getCoach(d, coachId);
    const { budget: _old, ...rest } = coach;
    return saveCoach(d, budget ? { ...rest, budget } : rest);
  });
}

/** A coach stops being one: a tombstone, so the removal syncs. */
export async function removeCoach(d: HoldfastDB, coachId: string): Promise<void> {
  await d.transaction('rw', d.coaches, async () => {
    const coach = await getCoach(d, coachId);
    await saveCoach(d, { ...coach, deleted: true });
  });
}
