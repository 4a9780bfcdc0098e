/**
 * What the Chinese webmail adapters share (issue 17): turning the people of an opened mail
 * into subject parts (the signed-in account and its company left out, free mail kept as an
 * address but never as a company domain), and reading addresses where no public source shows
 * the markup — `mailto:` links, address-bearing attributes, email-shaped text.
 */
import type { PageSubject } from '../model/page-subject';
import {
  $$, cleanText, companyDomains, domainOfEmail, emailsIn, FREE_MAIL_DOMAINS, normaliseEmail, safeDecode,
  type SubjectParts,
} from './dom';

export interface Person {
  email: string;
  name?: string | undefined;
}

/** Emails, domains and the first correspondent's name, without the signed-in account. */
export function partsOf(people: readonly Person[], owner: string | undefined): SubjectParts {
  const ownerDomain = owner ? domainOfEmail(owner) : undefined;
  const emails: string[] = [];
  let name: string | undefined;
  for (const p of people) {
    if (p.email === owner) continue;
    emails.push(p.email);
    if (!name && p.name) name = p.name;
  }
  const exclude = ownerDomain && !FREE_MAIL_DOMAINS.has(ownerDomain) ? [ownerDomain] : [];
  return { name, emails, domains: companyDomains(emails, exclude) };
}

/** A shown name, unless it is only the address again ("maria@acme.com", "<maria@acme.com>"). */
export function shownName(text: string | null | undefined): string | undefined {
  const t = cleanText(text?.replace(/<[^>]*@[^>]*>/g, ''));
  return t && !t.includes('@') ? t.replace(/[;；,，]$/, '').trim() || undefined : undefined;
}

/**
 * People named by `mailto:` links and address-bearing attributes under `root`, then, with
 * `text`, by email-shaped text: the degraded reading where a product's markup is not public.
 */
export function peopleUnder(root: ParentNode, opts: { attrs?: readonly string[]; text?: boolean } = {}): Person[] {
  const out: Person[] = [];
  const seen = new Set<string>();
  const add = (email: string | undefined, name?: string) => {
    if (!email) return;
    if (seen.has(email)) {
      // A link showing only the address, then a chip with the name: keep the name.
      const known = out.find((p) => p.email === email);
      if (known && !known.name && name) known.name = name;
      return;
    }
    seen.add(email);
    out.push({ email, ...(name ? { name } : {}) });
  };
  for (const a of $$('a[href^="mailto:" i]', root as Element, 200)) {
    for (const e of emailsIn(safeDecode(a.getAttribute('href') ?? ''))) add(e, shownName(a.textContent));
  }
  for (const attr of opts.attrs ?? []) {
    for (const el of $$(`[${attr}*="@"]`, root as Element, 200)) {
      for (const e of emailsIn(el.getAttribute(attr))) add(e, shownName(el.textContent));
    }
  }
  if (opts.text) for (const e of emailsIn((root as Element).textContent)) add(e);
  return out;
}

/** The address an attribute holds when it is exactly one (`e="x@y"`, `title="x@y"`). */
export function emailAttr(el: Element, attr: string): string | undefined {
  return normaliseEmail(el.getAttribute(attr)) ?? emailsIn(el.getAttribute(attr))[0];
}

/** One message of an opened mail: its sender and, when the page's date reads, when. */
export function message(from: Person | undefined, at: string | undefined): NonNullable<PageSubject['messages']> {
  if (!from) return [];
  return [{ from: from.email, ...(from.name ? { fromName: from.name } : {}), ...(at ? { at } : {}) }];
}
