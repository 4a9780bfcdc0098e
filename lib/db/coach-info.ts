/**
 * The dock's coach part of `lookupSubject` (SubjectInfo.coach): the coaches tied to the
 * page's customer (badges), known coaches writing on a mail page from another company's
 * domain (moves to record), and the person on the page who could become a coach.
 *
 * It runs inside the answer's one read-only transaction (lib/db/read-snapshot.ts) with the
 * 5 ms budget of DESIGN §7, so every read is an index lookup, and reads that do not depend on
 * each other are issued together (in Chromium each IndexedDB request is a round trip to the
 * browser process; a mail page's move takes three such rounds, a CRM page two):
 * 1. the customer's coaches (one query of the coaches' `customerKeys` index,
 *    lib/db/coach-rows.ts) and its contacts
 *    (contacts.customerId); the people on the page by address (the `emails` index); and the
 *    same mailbox name at any domain — a prefix range on `emails` ("wang.fang@") — for a
 *    coach writing from an address Holdfast does not know yet (the new employer's), confirmed
 *    by the sender's display name matching the contact's name;
 * 2. the coaches of all those contacts (coaches.contactId), and the names of linked coaches;
 * 3. for a move, whether the new domain is a known customer (else recording makes a prospect).
 * A coach whose new mailbox name differs (wfang@ instead of wang.fang@) is not recognised
 * from mail alone; one recognised by name and mailbox name only is marked `unverified`, and
 * the move waits for the rep to confirm the person (a name is easy to take). Only Dexie's own promises are awaited here: a foreign one would make Dexie
 * lose the transaction (see lib/db/subject-info.ts).
 */
import type { Coach, Contact, PageSubject } from '../model';
import type { CoachBadge, CoachInfo, CoachMoveNotice } from '../messaging/protocol';
import { budgetStatus } from '../coaches/budget';
import { currentEmployment, detectMove, sameOrg } from '../coaches/moves';
import { personOnPage, sameName } from '../coaches/person';
import { daysBetween } from '../tenure/calendar';
import { companyKey } from '../tenure/risk';
import { coachesOfCustomer } from './coach-rows';
import { customerByDomain } from './coaches';
import type { CustomerRow, HoldfastDB } from './database';

export const BADGE_LIMIT = 5;
/** Bounds the name-confirmed prefix lookup: a generic mailbox ("info@") is shared by many contacts. */
const SAME_MAILBOX_LIMIT = 50;

type Message = NonNullable<PageSubject['messages']>[number];

const localPart = (email: string) => email.slice(0, email.lastIndexOf('@'));
const uniq = <T>(xs: Iterable<T>) => [...new Set(xs)];

/** Does this message come from this contact: a known address, or their mailbox name and their name elsewhere? */
function fromContact(m: Message, c: Contact): boolean {
  if (c.emails.includes(m.from)) return true;
  const box = localPart(m.from);
  return sameName(m.fromName, c.name) && c.emails.some((e) => localPart(e) === box);
}

function badge(coach: Coach, name: string, why: string, today: string): CoachBadge {
  const out: CoachBadge = { coachId: coach.id, name, why, days: coach.lastTouchAt ? Math.max(0, daysBetween(coach.lastTouchAt, today)) : -1 };
  const status = budgetStatus(coach, today);
  if (status) {
    out.budget = { period: status.period, currency: status.currency, amount: status.budget, spent: status.spent };
    if (status.otherSpend.length) out.other = status.otherSpend;
  }
  return out;
}

/** Why a coach tied to the customer shows on it; null for one who has left (the tenure panel's risk says so). */
function tie(coach: Coach, contact: Contact | undefined, customer: CustomerRow): string | null {
  if (coach.referrals.some((r) => r.customerId === customer.id)) return 'introduced';
  const now = currentEmployment(coach);
  const key = companyKey(customer.name);
  if (now && ((now.domain !== undefined && customer.domains.some((dom) => sameOrg(dom, now.domain!))) || (key !== '' && companyKey(now.company) === key))) return 'works';
  if (!now && contact?.customerId === customer.id) return 'works';
  return null;
}

const ORDER = ['introduced', 'works', 'page'];

/** Bounds the contacts of one customer read for coaches filed there without a link. */
export const CONTACTS_PER_CUSTOMER_LIMIT = 500;

/** `coachesOfIt`: the customer's coaches when the caller reads them anyway (lib/db/subject-info.ts). */
export async function coachInfo(
  d: HoldfastDB,
  subject: PageSubject,
  customer: CustomerRow | null,
  today: string,
  coachesOfIt?: Promise<Coach[]>,
): Promise<CoachInfo | undefined> {
  const person = personOnPage(subject);
  const messages = subject.messages ?? [];
  const addresses = uniq([...messages.map((m) => m.from), ...(person ? [person.email] : [])]);
  const boxes = uniq(messages.filter((m) => m.fromName).map((m) => localPart(m.from) + '@'));
  const none = <T>(): Promise<T[]> => Promise.resolve([]);

  // Round 1: everything that needs only the page and the customer.
  const [byLink, customerContacts, known, sameBox] = await Promise.all([
    customer ? (coachesOfIt ?? coachesOfCustomer(d, customer)) : none<Coach>(),
    customer ? d.contacts.where('customerId').equals(customer.id).limit(CONTACTS_PER_CUSTOMER_LIMIT).primaryKeys() : none<string>(),
    addresses.length ? d.contacts.where('emails').anyOf(addresses).filter((c) => !c.deleted).limit(SAME_MAILBOX_LIMIT).toArray() : none<Contact>(),
    boxes.length
      ? d.contacts
          .where('emails')
          .startsWithAnyOf(boxes)
          .filter((c) => !c.deleted && messages.some((m) => !c.emails.includes(m.from) && fromContact(m, c)))
          .limit(SAME_MAILBOX_LIMIT)
          .toArray()
      : none<Contact>(),
  ]);
  const contacts = new Map<string, Contact>([...known, ...sameBox].map((c) => [c.id, c]));
  const linked: Coach[] = byLink;

  // Round 2: the coaches among those contacts, and the names of the linked coaches.
  const pageContactIds = [...contacts.keys()];
  const missing = uniq(linked.map((c) => c.contactId)).filter((id) => !contacts.has(id));
  const [byContact, names] = await Promise.all([
    pageContactIds.length || customerContacts.length ? d.coaches.where('contactId').anyOf(uniq([...pageContactIds, ...customerContacts])).filter((c) => !c.deleted).toArray() : none<Coach>(),
    missing.length ? d.contacts.bulkGet(missing) : none<Contact | undefined>(),
  ]);
  for (const c of names) if (c) contacts.set(c.id, c);
  const onPage = byContact.filter((c) => contacts.has(c.contactId) && pageContactIds.includes(c.contactId));
  const tiedById = new Map<string, Coach>([...linked, ...byContact.filter((c) => customerContacts.includes(c.contactId))].map((c) => [c.id, c]));
  const tied = [...tiedById.values()];
  const filedHere = byContact.filter((c) => !contacts.has(c.contactId));
  if (filedHere.length) for (const c of await d.contacts.bulkGet(uniq(filedHere.map((k) => k.contactId)))) if (c) contacts.set(c.id, c);
  const nameOf = (coach: Coach) => contacts.get(coach.contactId)?.name ?? '?';

  // Moves: each coach's latest message on the page decides (an older one from the old address
  // does not). Round 3: is the new domain a customer already?
  // `known`: the coach is known by that address; otherwise only the name matched, and the rep
  // must confirm the person before the move is recorded (anyone can take a name).
  const found: Array<{ coach: Coach; from: string; move: NonNullable<ReturnType<typeof detectMove>>; known: boolean }> = [];
  for (const coach of onPage) {
    const contact = contacts.get(coach.contactId);
    let latest: Message | undefined;
    if (contact) for (const m of messages) if (fromContact(m, contact)) latest = m;
    const move = latest && detectMove(coach, latest.from);
    if (latest && move) found.push({ coach, from: latest.from, move, known: !!contact?.emails.includes(latest.from) });
  }
  const targets = found.length ? await Promise.all(found.map((f) => customerByDomain(d, f.move.domain))) : [];
  const moves: CoachMoveNotice[] = found.map(({ coach, from, move, known }, i) => {
    const target = targets[i];
    return {
      coachId: coach.id,
      name: nameOf(coach),
      from,
      domain: move.domain,
      back: move.kind === 'back',
      ...(target ? { customerName: target.name } : {}),
      ...(known ? {} : { unverified: true as const }),
    };
  });
  const moving = new Set(found.map((f) => f.coach.id));

  const badges = new Map<string, CoachBadge>();
  for (const coach of tied) {
    const why = tie(coach, contacts.get(coach.contactId), customer!);
    if (why) badges.set(coach.id, badge(coach, nameOf(coach), why, today));
  }
  for (const coach of onPage) if (!badges.has(coach.id)) badges.set(coach.id, badge(coach, nameOf(coach), 'page', today));
  const coaches = [...badges.values()].sort((a, b) => ORDER.indexOf(a.why) - ORDER.indexOf(b.why) || a.name.localeCompare(b.name)).slice(0, BADGE_LIMIT);

  // Offer to make the person a coach unless they are one (by address, or by name from a new one).
  let candidate: CoachInfo['candidate'];
  if (person) {
    const isCoach = onPage.some((coach) => {
      const c = contacts.get(coach.contactId);
      return !!c && (c.emails.includes(person.email) || (moving.has(coach.id) && sameName(person.name, c.name)));
    });
    if (!isCoach) {
      const name = known.find((c) => c.emails.includes(person.email))?.name ?? person.name;
      candidate = name ? { email: person.email, name } : { email: person.email };
    }
  }

  if (!coaches.length && !moves.length && !candidate) return undefined;
  return { coaches, moves, ...(candidate ? { candidate } : {}) };
}
