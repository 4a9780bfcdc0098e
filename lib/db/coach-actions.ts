/**
 * The dock's coach buttons (message `coachAct`), applied in the background. Each action is
 * checked against the page it came from: a coach is made only of an address the page shows,
 * a move only from an address a message on the page was sent from, and the move itself is
 * detected again here (lib/db/coach-info.ts, lib/coaches/moves.ts) rather than taken from the
 * dock — for that coach and that sender, with the rep's confirmation when the coach is
 * recognised by name only.
 */
import type { PageSubject } from '../model';
import type { CoachAction, OwnerActionReply } from '../messaging/protocol';
import { domainOf } from '../coaches/moves';
import { isPersonPage, personOnPage } from '../coaches/person';
import { FREE_MAIL_DOMAINS } from '../sites/dom';
import { CoachRefused, customerByDomain, dismissMove, makeCoach, recordMove, touchCoach } from './coaches';
import type { HoldfastDB } from './database';
import { coachInfo } from './coach-info';
import { resolveCustomer } from './lookup';

const refused = (reason: string): OwnerActionReply => ({ ok: false, code: 'refused', reason });

/** The customer a person on the page works for: their company domain's customer, else the page's own (a contact page). */
async function employerOf(d: HoldfastDB, subject: PageSubject, email: string): Promise<string | undefined> {
  const domain = domainOf(email);
  const byDomain = domain && !FREE_MAIL_DOMAINS.has(domain) ? await customerByDomain(d, domain) : undefined;
  if (byDomain) return byDomain.id;
  if (domain && !FREE_MAIL_DOMAINS.has(domain) && !isPersonPage(subject)) return undefined;
  return (await resolveCustomer(d, subject))?.row.id;
}

export async function coachActWire(d: HoldfastDB, subject: PageSubject, action: CoachAction, today: string): Promise<OwnerActionReply> {
  try {
    switch (action.type) {
      case 'make': {
        const email = action.email.toLowerCase();
        if (!subject.emails.includes(email)) return refused('That address is not on this page.');
        const person = personOnPage(subject);
        const known = await d.contacts.where('emails').equals(email).filter((c) => !c.deleted).first();
        const name = known?.name ?? (person?.email === email ? person.name : undefined) ?? email;
        await makeCoach(d, { name, email, customerId: known?.customerId ?? (await employerOf(d, subject, email)) });
        return { ok: true };
      }
      case 'move':
      case 'notMove': {
        const from = action.from.toLowerCase();
        if (!subject.messages?.some((m) => m.from === from)) return refused('No message on this page comes from that address.');
        // Detected again here, not taken from the dock: this coach must be the one this page's
        // sender was recognised as, and a sender recognised by name only needs the rep's word.
        const notice = (await coachInfo(d, subject, null, today))?.moves.find((m) => m.coachId === action.coachId && m.from === from);
        if (!notice) return refused('That coach is not who this page’s sender was recognised as.');
        if (action.type === 'move' && notice.unverified && !action.samePerson) {
          return refused(`${from} is not an address this coach is known by: confirm it is the same person first.`);
        }
        if (action.type === 'move') await recordMove(d, action.coachId, from, today);
        else await dismissMove(d, action.coachId, domainOf(from)!);
        return { ok: true };
      }
      case 'touch':
        await touchCoach(d, action.coachId, today);
        return { ok: true };
    }
  } catch (err) {
    if (err instanceof CoachRefused) return refused(err.message);
    throw err;
  }
}
