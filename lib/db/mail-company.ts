/**
 * Mail threads resolve to the company (issue 15, point 3): the dock's suggestion for a mail
 * page whose sender Holdfast does not know, and the one action that ties the thread to it.
 * The matching itself is pure (lib/mail-company/match.ts); this reads the book and writes.
 */
import * as z from 'zod/mini';
import { Contact, type PageSubject } from '../model';
import { isCustomerLike } from '../model/subject-kind';
import type { MailCompany } from '../messaging/protocol';
import { companyNameFrom, isPublicMailDomain, suggestCustomer, type KnownCustomer } from '../mail-company/match';
import { personOnPage } from '../coaches/person';
import { domainOf } from '../coaches/moves';
import { newId, nowIso } from '../util/ids';
import type { HoldfastDB } from './database';
import { fromRow, saveCustomer } from './customers';
import { customerByDomain, makeCoach } from './coaches';

/** The sender's company domains, the person's own first; public mail domains left out. */
function senderDomains(subject: PageSubject): string[] {
  const person = personOnPage(subject);
  const own = person && domainOf(person.email);
  const all = [...(own ? [own] : []), ...subject.domains];
  return [...new Set(all)].filter((d) => !isPublicMailDomain(d));
}

function texts(subject: PageSubject): string[] {
  return [subject.topic, subject.signature].filter((t): t is string => !!t);
}

/** Every live customer's name and domains: what a suggestion is looked for in. */
async function book(d: HoldfastDB): Promise<KnownCustomer[]> {
  const out: KnownCustomer[] = [];
  await d.customers.each((row) => {
    if (!row.deleted) out.push({ id: row.id, name: row.name, domains: row.domains });
  });
  return out;
}

/** What the dock offers for this page: the likely customer, else a new company; and the person. */
export async function suggestMailCompany(d: HoldfastDB, subject: PageSubject): Promise<MailCompany> {
  if (!isCustomerLike(subject)) return {};
  const domains = senderDomains(subject);
  const domain = domains[0];
  const person = personOnPage(subject);
  const found = suggestCustomer({ domains, texts: texts(subject) }, await book(d));
  const companyName = !found && domain ? companyNameFrom(domain, texts(subject), subject.signature) : null;
  return {
    ...(domain ? { domain } : {}),
    ...(found ? { match: { id: found.customer.id, name: found.customer.name, why: found.why } } : {}),
    ...(companyName ? { companyName } : {}),
    ...(person ? { person: person.name ? { email: person.email, name: person.name } : { email: person.email } } : {}),
  };
}

export interface MailCompanyChoice {
  /** An existing customer; absent: a new company from the sender's domain. */
  customerId?: string | undefined;
  /** Add the person as a contact of it; `coach`: and make them a coach. */
  contact: boolean;
  coach: boolean;
}

/**
 * Tie the page to the company: the sender's domain joins the chosen customer (so the next
 * thread from it matches by itself) or founds a new company customer; the person becomes its
 * contact, and a coach when asked. Domain and person come from the page, never from the
 * dock's word. Answers the customer's id, or a refusal.
 */
export async function resolveMailCompany(d: HoldfastDB, subject: PageSubject, choice: MailCompanyChoice): Promise<{ customerId: string } | { refused: string }> {
  if (!isCustomerLike(subject)) return { refused: 'This page is not about a customer.' };
  const domain = senderDomains(subject)[0];
  const person = personOnPage(subject);
  const customerId = await d.transaction('rw', d.customers, async () => {
    if (choice.customerId) {
      const row = await d.customers.get(choice.customerId);
      if (!row || row.deleted) return null;
      // A domain another customer uses stays theirs: the link then rests on the contact.
      const taken = domain ? await customerByDomain(d, domain) : undefined;
      if (domain && !taken && !row.domains.includes(domain)) {
        const customer = fromRow(row);
        await saveCustomer(d, { ...customer, domains: [...customer.domains, domain] });
      }
      return row.id;
    }
    if (!domain) return null;
    // Asked twice (a double click, two tabs): the company made the first time.
    const existing = await customerByDomain(d, domain);
    if (existing) return existing.id;
    const name = companyNameFrom(domain, texts(subject), subject.signature) ?? domain;
    const made = await saveCustomer(d, { id: newId(), updatedAt: nowIso(), name, domains: [domain], crmRefs: [] });
    return made.id;
  });
  if (!customerId) return { refused: choice.customerId ? 'That customer is not in Holdfast any more.' : 'This mail comes from a public mail address: choose the customer instead.' };
  if (person && choice.coach) {
    await makeCoach(d, { name: person.name ?? person.email, email: person.email, customerId });
  } else if (person && choice.contact) {
    await addContact(d, person.email, person.name, customerId);
  }
  return { customerId };
}

/** The person as a contact of the customer: found by address (and filed there if unfiled) or created. */
async function addContact(d: HoldfastDB, email: string, name: string | undefined, customerId: string): Promise<void> {
  await d.transaction('rw', d.contacts, async () => {
    const known = await d.contacts.where('emails').equals(email).filter((c) => !c.deleted).first();
    if (known) {
      if (!known.customerId) await d.contacts.put(z.parse(Contact, { ...known, customerId, updatedAt: nowIso() }));
      return;
    }
    await d.contacts.put(z.parse(Contact, { id: newId(), updatedAt: nowIso(), name: name?.trim() || email, emails: [email], customerId }));
  });
}
