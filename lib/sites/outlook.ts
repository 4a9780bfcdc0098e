/**
 * Outlook on the web: work/school (outlook.office.com, outlook.office365.com) and personal
 * (outlook.live.com) mailboxes; an opened message or the reading pane, and folder views.
 *
 * URL facts (Outlook's own addresses, Microsoft Learn "Outlook on the web deep links"):
 *   https://outlook.office.com/mail/                       inbox (list)
 *   https://outlook.office.com/mail/inbox/id/<itemId>      message open in the reading pane
 *   https://outlook.office.com/mail/sentitems/id/<itemId>, /mail/id/<itemId>,
 *   https://outlook.office.com/mail/deeplink/read/<itemId> (opened in its own window)
 *   https://outlook.live.com/mail/0/inbox/id/<itemId>      personal, account index 0
 *   https://outlook.office365.com/owa/?ItemID=<itemId>&exvsurl=1&viewmodel=ReadMessageItem
 *       (the `webLink` Microsoft Graph gives for a message; Graph message JSON in public code)
 *   https://outlook.office.com/mail/jsmvvmdeeplink/?ItemID=<itemId>&exvsurl=1  (the new
 *       Outlook's form of the same link), /mail/deeplink/read/<itemId>?ItemID=<itemId>
 *   …/owa/?itemid=<eventId>&exvsurl=1&path=/calendar/item  (an event: not a message)
 *   Exchange on premises on a company host (lib/sites/company-host.ts): /owa/#path=/mail/inbox
 *       (list) and /owa/?ItemID=<itemId> (message); EWS item ids (Microsoft Learn,
 *       "WebClientReadFormQueryString": the URL-encoded EWS id in the OWA read URL).
 * Item ids are URL-encoded base64 (AAQkAD…%3D); stored decoded.
 * Tenant: 'office' for the work hosts (office.com and office365.com are the same service),
 * 'live' for personal mail, with '/<N>' when the address carries an account index.
 *
 * Markup facts are the least stable of all products (class names are generated). What public
 * content scripts rely on, and what we use: the reading pane root (`#ReadingPaneContainerId`,
 * `[data-app-section="MailReadCompose"]`, `div[role="region"][aria-label*="eading"]`), sender and
 * recipients carrying their address in a `title` or `aria-label` attribute (or a mailto link),
 * the subject in `[data-automationid="MessageSubject"]` or the pane's `[role="heading"]`, and
 * the signed-in account in `#mectrl_currentAccount_secondary` (Microsoft account control).
 * Messages of the conversation (public scripts read them so, e.g. for export or summaries):
 * each message is `div[aria-label="Email message"]` (English UI), its sender inside
 * `[aria-label^="From:"]` with the address in a `title`, its date in
 * `[data-testid="SentReceivedSavedTime"]` (title, else text: "Tue 03/11/2026 09:12" en-GB,
 * "Tue 11/3/2026 9:12 AM" en-US; the page's `lang` settles day/month order). Without
 * message containers the pane is read as one message.
 * Assumptions, dated 2026-11.
 */
import type { PageSubject } from '../model/page-subject';
import { dayFirstFor, parseMailDate } from './mail-date';
import type { SiteAdapter } from './types';
import {
  $, $$, companyDomains, domainOfEmail, emailsIn, first, FREE_MAIL_DOMAINS, logMissing,
  normaliseEmail, safeDecode, textOf, withDom, type SubjectParts, type TestUrl,
} from './dom';

const SITE = 'outlook';

const HOSTS: Readonly<Record<string, string>> = {
  'outlook.office.com': 'office',
  'outlook.office365.com': 'office',
  'outlook.live.com': 'live',
};

/** An item id in the query (`ItemID=`, any case), read raw: a '+' in it is base64, not a space. */
function queryItemId(url: URL): string | undefined {
  const m = /[?&]itemid=([^&#]*)/i.exec(url.search);
  return m?.[1] ? safeDecode(m[1]) : undefined;
}

function messageId(tenant: string, raw: string): SubjectParts & { message?: boolean } {
  const id = safeDecode(raw);
  if (/^[A-Za-z0-9+/=_-]{20,}$/.test(id)) return { tenant, objectType: 'message', recordId: id.length <= 200 ? id : undefined, message: true };
  return { tenant };
}

/** `/owa/…` (Graph's webLink, Exchange on premises): a message by ItemID, else the mail list. */
function fromOwa(url: URL, tenant: string): SubjectParts & { message?: boolean } {
  const path = (url.searchParams.get('path') ?? /[#&]path=([^&]*)/.exec(url.hash)?.[1] ?? '/mail').toLowerCase();
  if (!path.startsWith('/mail')) return { tenant };
  const item = queryItemId(url);
  if (item) return messageId(tenant, item);
  return { tenant, objectType: 'list' };
}

function fromUrl(url: URL): (SubjectParts & { message?: boolean }) | null {
  const kind = HOSTS[url.hostname];
  if (!kind) return null;
  const segs = url.pathname.split('/').filter(Boolean);
  if (segs[0] === 'owa') return fromOwa(url, kind);
  if (segs[0] !== 'mail') return { tenant: kind };
  let i = 1;
  let tenant = kind;
  if (/^\d{1,2}$/.test(segs[1] ?? '')) {
    tenant = `${kind}/${segs[1]}`;
    i = 2;
  }
  const rest = segs.slice(i);
  const idAt = rest.indexOf('id');
  let raw: string | undefined;
  if (idAt >= 0) raw = rest[idAt + 1];
  else if (rest[0] === 'deeplink' && rest[1] === 'read') raw = rest[2];
  if (!raw && (rest[0] === 'jsmvvmdeeplink' || rest[0] === 'deeplink')) raw = queryItemId(url);
  if (raw) return messageId(tenant, raw);
  if (rest[0] === 'deeplink' || rest[0] === 'jsmvvmdeeplink' || rest[0] === 'options') return { tenant };
  return { tenant, objectType: 'list' };
}

const PANE = [
  '#ReadingPaneContainerId',
  '[data-app-section="MailReadCompose"]',
  '[data-automationid="ReadingPaneContainer"]',
  'div[role="region"][aria-label*="eading"]',
  '[data-app-section="ConversationContainer"]',
];

function readPane(doc: Document): SubjectParts {
  const pane = first(PANE, doc);
  if (!pane) {
    logMissing(SITE, 'reading pane', doc.body);
    return {};
  }
  const owner = normaliseEmail(textOf($('#mectrl_currentAccount_secondary', doc)));
  const emails: string[] = [];
  let name: string | undefined;
  for (const el of $$('[title*="@"], [aria-label*="@"], a[href^="mailto:"]', pane, 200)) {
    const found = [
      ...emailsIn(el.getAttribute('title')),
      ...emailsIn(el.getAttribute('aria-label')),
      ...emailsIn(safeDecode(el.getAttribute('href') ?? '')),
    ];
    for (const e of found) {
      if (e === owner) continue;
      emails.push(e);
      if (!name) {
        const t = textOf(el)?.replace(/<[^>]*>/g, '').trim();
        if (t && !t.includes('@')) name = t;
      }
    }
  }
  if (!emails.length) logMissing(SITE, 'addresses in reading pane', pane);
  const ownerDomain = owner ? domainOfEmail(owner) : undefined;
  const exclude = ownerDomain && !FREE_MAIL_DOMAINS.has(ownerDomain) ? [ownerDomain] : [];
  return { name, emails, domains: companyDomains(emails, exclude), messages: readMessages(doc, pane) };
}

const MESSAGE = 'div[aria-label="Email message"]';
const SENDER = '[aria-label^="From:"] [title*="@"], [aria-label^="From:"] a[href^="mailto:"]';
const SENT_AT = '[data-testid="SentReceivedSavedTime"]';

/** The conversation's messages in pane order (oldest first, Outlook's default for a conversation). */
function readMessages(doc: Document, pane: Element): PageSubject['messages'] {
  const boxes = $$(MESSAGE, pane, 200);
  const dayFirst = dayFirstFor(doc.documentElement.lang);
  const out: NonNullable<PageSubject['messages']> = [];
  for (const box of boxes.length ? boxes : [pane]) {
    const sender = $(SENDER, box);
    const from = sender && (emailsIn(sender.getAttribute('title'))[0] ?? emailsIn(safeDecode(sender.getAttribute('href') ?? ''))[0]);
    if (!sender || !from) continue;
    const shown = textOf(sender);
    const fromName = shown && !shown.includes('@') ? shown : undefined;
    const when = $(SENT_AT, box);
    const at = parseMailDate(when?.getAttribute('title') || textOf(when), dayFirst);
    out.push({ from, ...(fromName ? { fromName } : {}), ...(at ? { at } : {}) });
  }
  if (!out.length) logMissing(SITE, 'message senders in reading pane', pane);
  return out;
}

export const outlookAdapter: SiteAdapter = {
  id: SITE,
  matches: (url) => url.hostname in HOSTS,
  detect(url, doc) {
    const id = fromUrl(url);
    if (!id) return null;
    const { message, ...base } = id;
    // The reading pane may show a message on a list address too (no id in the URL when
    // "reading pane off" settings differ), so the pane is read whenever it is there.
    if (message) {
      // The subject names the company a person writes for (lib/mail-company): read beside the pane.
      const topic = textOf($('[data-automationid="MessageSubject"]', doc));
      return { ...withDom(SITE, base, () => readPane(doc)), ...(topic ? { topic } : {}) };
    }
    if (base.objectType === 'list') return withDom(SITE, base, () => readPane(doc));
    return withDom(SITE, base, () => ({}));
  },
};

const ITEM = 'AAQkADAwATM0MDAAMS1hYjI4LWM3MjctMDACLTAwCgAQAHs0B%2Fdk%2BNRHjZc2gE9Y1uE%3D';
const ITEM_DECODED = 'AAQkADAwATM0MDAAMS1hYjI4LWM3MjctMDACLTAwCgAQAHs0B/dk+NRHjZc2gE9Y1uE=';
export const testUrls: TestUrl[] = [
  { url: `https://outlook.office.com/mail/inbox/id/${ITEM}`, expect: { objectType: 'message', recordId: ITEM_DECODED, tenant: 'office' } },
  { url: `https://outlook.office365.com/mail/inbox/id/${ITEM}`, expect: { objectType: 'message', recordId: ITEM_DECODED, tenant: 'office' } },
  { url: `https://outlook.office.com/mail/sentitems/id/${ITEM}`, expect: { objectType: 'message', recordId: ITEM_DECODED, tenant: 'office' } },
  { url: `https://outlook.office.com/mail/id/${ITEM}`, expect: { objectType: 'message', recordId: ITEM_DECODED, tenant: 'office' } },
  { url: `https://outlook.office.com/mail/deeplink/read/${ITEM}?ItemID=${ITEM}&exvsurl=1`, expect: { objectType: 'message', recordId: ITEM_DECODED, tenant: 'office' } },
  { url: `https://outlook.live.com/mail/0/inbox/id/${ITEM}`, expect: { objectType: 'message', recordId: ITEM_DECODED, tenant: 'live/0' } },
  { url: `https://outlook.office.com/mail/AAMkADk0OWE3YzQ1LTdkNGQtNGRkZC1iZDY4LTg3ZTZlNDQ2MTRhZAAuAAAAAAA%3D/id/${ITEM}`, expect: { objectType: 'message', recordId: ITEM_DECODED, tenant: 'office' } },
  // ItemID deep links: Graph's webLink, the new Outlook's deep link, OWA's read form
  { url: `https://outlook.office365.com/owa/?ItemID=${ITEM}&exvsurl=1&viewmodel=ReadMessageItem`, expect: { objectType: 'message', recordId: ITEM_DECODED, tenant: 'office' } },
  { url: `https://outlook.office.com/mail/jsmvvmdeeplink/?ItemID=${ITEM}&exvsurl=1`, expect: { objectType: 'message', recordId: ITEM_DECODED, tenant: 'office' } },
  { url: `https://outlook.office.com/mail/deeplink/read?ItemID=${ITEM}&exvsurl=1`, expect: { objectType: 'message', recordId: ITEM_DECODED, tenant: 'office' } },
  { url: `https://outlook.live.com/owa/?itemid=${ITEM}&exvsurl=1`, expect: { objectType: 'message', recordId: ITEM_DECODED, tenant: 'live' } },
  { url: 'https://outlook.office.com/owa/?ItemID=AAMkAGI2TG93AAA+bC9zZXJ2ZXI=&exvsurl=1', expect: { objectType: 'message', recordId: 'AAMkAGI2TG93AAA+bC9zZXJ2ZXI=', tenant: 'office' } },
  // an event's webLink is not a message; OWA without an item is the mail list
  { url: `https://outlook.office365.com/owa/?itemid=${ITEM}&exvsurl=1&path=/calendar/item`, expect: { tenant: 'office' } },
  { url: 'https://outlook.office365.com/owa/#path=/mail/inbox', expect: { objectType: 'list', tenant: 'office' } },
  { url: 'https://outlook.office.com/mail/jsmvvmdeeplink/?ItemID=short', expect: { tenant: 'office' } },
  // folder views
  { url: 'https://outlook.office.com/mail/', expect: { objectType: 'list', tenant: 'office' } },
  { url: 'https://outlook.office.com/mail/inbox', expect: { objectType: 'list', tenant: 'office' } },
  { url: 'https://outlook.live.com/mail/0/', expect: { objectType: 'list', tenant: 'live/0' } },
  { url: 'https://outlook.office365.com/mail/sentitems', expect: { objectType: 'list', tenant: 'office' } },
  // not mail
  { url: 'https://outlook.office.com/calendar/view/week', expect: { tenant: 'office' } },
  { url: 'https://outlook.office.com/mail/options/general/appearance', expect: { tenant: 'office' } },
  // not Outlook on the web
  { url: 'https://www.office.com/', expect: null },
  { url: 'https://outlook.com/', expect: null },
  { url: 'https://login.live.com/', expect: null },
];
