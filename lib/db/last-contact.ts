/**
 * Last contact moves forward by itself when the rep opens a mail thread with the customer:
 * to the newest message on the page, never back (lib/db/notes.ts touchLastContact). Logging a
 * note or a problem moves it too (notes.ts, problems.ts).
 *
 * This runs in the background after `lookupSubject` has answered, so the dock's lookup does
 * not wait for a write; the write then tells the docks to look again (broadcast.ts), and the
 * second lookup finds nothing newer and writes nothing.
 */
import type { PageSubject } from '../model';
import type { SubjectInfo } from '../messaging/protocol';
import { nowIso } from '../util/ids';
import type { HoldfastDB } from './database';
import { touchLastContact } from './notes';

/**
 * How the page was tied to the customer, where a thread on it counts as contact with them.
 * A name match does not: a mail from someone of the same name at another company (the same
 * person moved on, say) is not contact with this customer.
 */
const SURE_MATCHES: ReadonlySet<string> = new Set(['crm', 'domain', 'contact', 'picked']);

/** The newest message date on the page, no later than `now` (a sender's clock can run ahead). */
export function newestMessageAt(subject: PageSubject, now: string): string | undefined {
  let newest: number | undefined;
  for (const m of subject.messages ?? []) {
    const at = m.at ? Date.parse(m.at) : NaN;
    if (!Number.isNaN(at) && (newest === undefined || at > newest)) newest = at;
  }
  if (newest === undefined) return undefined;
  return new Date(Math.min(newest, Date.parse(now))).toISOString();
}

/** The instant last contact should move to for this answer, or undefined when it should stay. */
export function contactFromPage(subject: PageSubject, info: SubjectInfo, now: string = nowIso()): string | undefined {
  const c = info.customer;
  if (!c || !SURE_MATCHES.has(c.matchedBy)) return undefined;
  const at = newestMessageAt(subject, now);
  if (!at || (c.lastContactAt && Date.parse(c.lastContactAt) >= Date.parse(at))) return undefined;
  return at;
}

/** Move the customer's last contact to the thread's newest message, if that is newer. */
export async function recordContactFromPage(d: HoldfastDB, subject: PageSubject, info: SubjectInfo, now: string = nowIso()): Promise<void> {
  const at = contactFromPage(subject, info, now);
  if (at && info.customer) await touchLastContact(d, info.customer.id, at);
}

/**
 * Run `recordContactFromPage` once the answer is on its way: a task after the handler's
 * promise settles, so the reply is posted first. Failures are logged, never thrown.
 */
export function afterAnswer(d: HoldfastDB, subject: PageSubject, info: SubjectInfo): SubjectInfo {
  if (contactFromPage(subject, info)) {
    setTimeout(() => void recordContactFromPage(d, subject, info).catch((err) => console.debug('[holdfast] last contact not moved', err)), 0);
  }
  return info;
}
