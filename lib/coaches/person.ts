/**
 * Who on a page could be made a coach: on a mail page the latest sender other than the rep
 * (the adapter leaves the rep's own address out of `emails`), on a CRM contact page the
 * contact, on any other record the first address it shows. Pure: the dock's offer and the
 * background's action compute the same person.
 */
import type { PageSubject } from '../model/page-subject';

const PERSON_TYPES = /^(contacts?|persons?|people|leads?)$/i;

export function isPersonPage(s: Pick<PageSubject, 'objectType'>): boolean {
  return !!s.objectType && PERSON_TYPES.test(s.objectType);
}

export interface PagePerson {
  email: string;
  /** As the page names them; absent when it does not (an address on an account page). */
  name?: string;
}

export function personOnPage(s: PageSubject): PagePerson | null {
  if (s.objectType === 'list') return null;
  const others = new Set(s.emails);
  if (s.messages?.length) {
    for (let i = s.messages.length - 1; i >= 0; i--) {
      const m = s.messages[i]!;
      if (others.has(m.from)) return m.fromName ? { email: m.from, name: m.fromName } : { email: m.from };
    }
    return null;
  }
  const email = s.emails[0];
  if (!email) return null;
  return isPersonPage(s) && s.name ? { email, name: s.name } : { email };
}

/** Each sender's latest message (messages are oldest first). */
export function latestBySender(messages: NonNullable<PageSubject['messages']>): Map<string, { from: string; fromName?: string | undefined; at?: string | undefined }> {
  const out = new Map<string, { from: string; fromName?: string | undefined; at?: string | undefined }>();
  for (const m of messages) out.set(m.from, m);
  return out;
}

/** Names compare case-, space- and order-insensitively ("Wang Fang" is "fang wang"). */
export function sameName(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const key = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[.,]/g, ' ').split(/\s+/).filter(Boolean).sort().join(' ');
  const ka = key(a);
  return ka !== '' && ka === key(b);
}
