/**
 * Gmail: an open thread (sender and recipients) and list views (senders of visible rows).
 *
 * URL facts (Gmail's own addresses):
 *   https://mail.google.com/mail/u/<N>/#inbox/<threadId>     open thread (also #sent, #all,
 *   #starred, #imp, #snoozed, #spam, #trash; #label/<name>/<id>, #search/<q>/<id>,
 *   #category/<name>/<id>); `/mail/` without `/u/N/` is account 0.
 *   Thread ids: the newer ~32-character form (FMfcgz…) or the legacy 16-hex form.
 * Markup facts (gmail.js, InboxSDK and many public extensions): people in a thread are
 * `span[email]` with a `name` attribute (sender `span.gD`, recipients `span.g2`); the subject
 * is `h2.hP`; list rows are `tr.zA` with the sender as `span[email]`; the current view sits in
 * `div[role="main"]`. The title is "<subject or view> - <account email> - Gmail", which gives
 * the account owner's own address.
 * Messages of the open thread (dated 2026-11; gmail.js, InboxSDK's message view and public
 * scripts): each message is `div.adn` carrying `data-message-id` (or the older
 * `data-legacy-message-id`), its sender `span.gD[email][name]`, its date `span.g3[title]` in
 * the header's date cell `td.gH` — the title holds the full date in the reader's locale
 * ("Tue, 3 Nov 2026, 09:12"), the text only a short form. Messages are in thread order.
 */
import type { PageSubject } from '../model/page-subject';
import { dayFirstFor, parseMailDate } from './mail-date';
import type { SiteAdapter } from './types';
import {
  $, $$, cleanText, companyDomains, domainOfEmail, FREE_MAIL_DOMAINS, logMissing, normaliseEmail, safeDecode,
  textOf, withDom, type SubjectParts, type TestUrl,
} from './dom';

const SITE = 'gmail';

const SIMPLE_VIEWS = new Set(['inbox', 'starred', 'snoozed', 'sent', 'drafts', 'imp', 'all', 'spam', 'trash', 'scheduled', 'chats']);
const PARAM_VIEWS = new Set(['label', 'search', 'category', 'advanced-search', 'apps']);
const THREAD_ID_RE = /^(?:[A-Za-z0-9]{16,64})$/;

interface GmailUrl extends SubjectParts {
  view?: 'thread' | 'list';
}

function fromUrl(url: URL): GmailUrl | null {
  if (url.hostname !== 'mail.google.com') return null;
  const path = /^\/mail(?:\/u\/(\d{1,2}))?(?:\/|$)/.exec(url.pathname);
  if (!path) return null;
  const tenant = `u/${path[1] ?? '0'}`;
  const segs = (url.hash.replace(/^#/, '').split('?')[0] ?? '').split('/').map(safeDecode);
  const view = segs[0] || 'inbox';
  if (SIMPLE_VIEWS.has(view)) {
    if (segs.length === 2 && THREAD_ID_RE.test(segs[1] ?? '')) return { tenant, objectType: 'thread', recordId: segs[1], view: 'thread' };
    if (segs.length === 1 || (segs.length === 2 && /^p\d+$/.test(segs[1] ?? ''))) return { tenant, objectType: 'list', view: 'list' };
    return { tenant };
  }
  if (PARAM_VIEWS.has(view)) {
    if (segs.length === 3 && THREAD_ID_RE.test(segs[2] ?? '')) return { tenant, objectType: 'thread', recordId: segs[2], view: 'thread' };
    if (segs.length === 2 || (segs.length === 3 && /^p\d+$/.test(segs[2] ?? ''))) return { tenant, objectType: 'list', view: 'list' };
    return { tenant };
  }
  return { tenant };
}

/** The signed-in account's address from "… - jane@acme.com - Gmail". */
function ownerEmail(doc: Document): string | undefined {
  const m = / - ([^\s]+@[^\s]+) - Gmail$/.exec(doc.title);
  return normaliseEmail(m?.[1]);
}

function readThread(doc: Document): SubjectParts {
  const main = $('div[role="main"]', doc) ?? doc;
  // People in the open thread, not in a (hidden) list behind it.
  let people = $$('span.gD[email], span.g2[email]', main, 200);
  if (!people.length) {
    logMissing(SITE, 'span.gD/g2[email] in thread', main);
    people = $$('span[email]', main, 200).filter((el) => !el.closest('tr.zA'));
  }
  return { ...collect(doc, people), messages: readMessages(doc, main) };
}

/**
 * The subject line, and the end of the latest message the rep did not send (where a signature
 * names the company): the dock offers that company rather than the person (lib/mail-company).
 */
function readMail(doc: Document): Pick<PageSubject, 'topic' | 'signature'> {
  try {
    const main = $('div[role="main"]', doc) ?? doc;
    const owner = ownerEmail(doc);
    const theirs = $$('div.adn', main, 200).filter((box) => normaliseEmail($('span.gD[email]', box)?.getAttribute('email')) !== owner);
    const last = theirs[theirs.length - 1];
    const body = last && ($('div.gmail_signature', last) ?? $('div.a3s', last));
    // By code point: a cut inside an emoji's surrogate pair would make the subject unparseable.
    const signature = cleanText([...(body?.textContent?.replace(/\s+/g, ' ').trim() ?? '')].slice(-190).join(''));
    const topic = textOf($('h2.hP', main));
    return { ...(topic ? { topic } : {}), ...(signature ? { signature } : {}) };
  } catch {
    return {};
  }
}

/** The thread's messages, oldest first: sender and, when the page's date reads, when. */
function readMessages(doc: Document, main: Element | Document): PageSubject['messages'] {
  const boxes = $$('div.adn[data-message-id], div.adn[data-legacy-message-id]', main, 200);
  if (!boxes.length) logMissing(SITE, 'div.adn[data-message-id] in thread', main);
  const dayFirst = dayFirstFor(doc.documentElement.lang);
  const out: NonNullable<PageSubject['messages']> = [];
  for (const box of boxes) {
    const sender = $('span.gD[email]', box) ?? $('h3 span[email]', box);
    const from = normaliseEmail(sender?.getAttribute('email'));
    if (!sender || !from) continue;
    const fromName = cleanText(sender.getAttribute('name')) ?? textOf(sender);
    const at = parseMailDate(($('span.g3[title]', box) ?? $('td.gH span[title]', box))?.getAttribute('title'), dayFirst);
    out.push({ from, ...(fromName ? { fromName } : {}), ...(at ? { at } : {}) });
  }
  return out;
}

function readList(doc: Document): SubjectParts {
  const main = $('div[role="main"]', doc) ?? doc;
  const people = $$('tr.zA span[email]', main, 300);
  if (!people.length) logMissing(SITE, 'tr.zA span[email]', main);
  const out = collect(doc, people);
  delete out.name;
  return out;
}

function collect(doc: Document, people: Element[]): SubjectParts {
  const owner = ownerEmail(doc);
  const ownerDomain = owner ? domainOfEmail(owner) : undefined;
  const emails: string[] = [];
  let name: string | undefined;
  for (const el of people) {
    const e = normaliseEmail(el.getAttribute('email'));
    if (!e || e === owner) continue;
    emails.push(e);
    if (!name) name = el.getAttribute('name') ?? el.textContent ?? undefined;
  }
  const exclude = ownerDomain && !FREE_MAIL_DOMAINS.has(ownerDomain) ? [ownerDomain] : [];
  return { name, emails, domains: companyDomains(emails, exclude) };
}

export const gmailAdapter: SiteAdapter = {
  id: SITE,
  matches: (url) => url.hostname === 'mail.google.com' && /^\/mail(\/|$)/.test(url.pathname),
  detect(url, doc) {
    const id = fromUrl(url);
    if (!id) return null;
    const { view, ...base } = id;
    if (view === 'thread') return { ...withDom(SITE, base, () => readThread(doc)), ...readMail(doc) };
    if (view === 'list') return withDom(SITE, base, () => readList(doc));
    return withDom(SITE, base, () => ({}));
  },
};

export const testUrls: TestUrl[] = [
  { url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmTskbNvbGxkMXDvmxTq', expect: { objectType: 'thread', recordId: 'FMfcgzQXJWDsKmTskbNvbGxkMXDvmxTq', tenant: 'u/0' } },
  { url: 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQXJWDsKmTskbNvbGxkMXDvmxTq', expect: { objectType: 'thread', recordId: 'FMfcgzQXJWDsKmTskbNvbGxkMXDvmxTq', tenant: 'u/1' } },
  { url: 'https://mail.google.com/mail/u/2/#sent/17c7e8a2f0d1b2c3', expect: { objectType: 'thread', recordId: '17c7e8a2f0d1b2c3', tenant: 'u/2' } },
  { url: 'https://mail.google.com/mail/u/0/#label/Customers%2FAcme/FMfcgzQXJWDsKmTskbNvbGxkMXDvmxTq', expect: { objectType: 'thread', recordId: 'FMfcgzQXJWDsKmTskbNvbGxkMXDvmxTq', tenant: 'u/0' } },
  { url: 'https://mail.google.com/mail/u/0/#search/acme+renewal/FMfcgzQXJWDsKmTskbNvbGxkMXDvmxTq', expect: { objectType: 'thread', recordId: 'FMfcgzQXJWDsKmTskbNvbGxkMXDvmxTq', tenant: 'u/0' } },
  { url: 'https://mail.google.com/mail/u/0/#category/updates/FMfcgzQXJWDsKmTskbNvbGxkMXDvmxTq', expect: { objectType: 'thread', recordId: 'FMfcgzQXJWDsKmTskbNvbGxkMXDvmxTq', tenant: 'u/0' } },
  { url: 'https://mail.google.com/mail/#inbox/FMfcgzQXJWDsKmTskbNvbGxkMXDvmxTq', expect: { objectType: 'thread', recordId: 'FMfcgzQXJWDsKmTskbNvbGxkMXDvmxTq', tenant: 'u/0' } },
  // list views
  { url: 'https://mail.google.com/mail/u/0/#inbox', expect: { objectType: 'list', tenant: 'u/0' } },
  { url: 'https://mail.google.com/mail/u/0/', expect: { objectType: 'list', tenant: 'u/0' } },
  { url: 'https://mail.google.com/mail/u/3/#inbox/p2', expect: { objectType: 'list', tenant: 'u/3' } },
  { url: 'https://mail.google.com/mail/u/0/#label/Customers', expect: { objectType: 'list', tenant: 'u/0' } },
  { url: 'https://mail.google.com/mail/u/0/#search/from%3Aacme.com', expect: { objectType: 'list', tenant: 'u/0' } },
  // neither
  { url: 'https://mail.google.com/mail/u/0/#settings/general', expect: { tenant: 'u/0' } },
  { url: 'https://mail.google.com/mail/u/0/#inbox?compose=new', expect: { objectType: 'list', tenant: 'u/0' } },
  // not Gmail
  { url: 'https://mail.google.com/chat/u/0/#chat/home', expect: null },
  { url: 'https://workspace.google.com/gmail/', expect: null },
  { url: 'https://calendar.google.com/calendar/u/0/r', expect: null },
];
