/**
 * QQ Mail, both interfaces.
 *
 * Legacy (mail.qq.com): the Tencent frameset shared with Exmail — lib/sites/qq-frameset.ts.
 *
 * New (wx.mail.qq.com, a React app): `/home/index?sid=…#/list/<folder>/<page>`. Opening a mail
 * does not change the address: the mail shows in a reading pane beside the list, and its id is
 * on the selected list row (`data-mailid`). Facts, dated 2026-12, from
 * realbmail/bmail_extension (src/content_qq.ts): the app's main area `.frame-main`, list rows
 * `div.mail-list-page-item`, the opened mail's body `.mail-detail-content` inside
 * `.xmail-ui-float-scroll`, the signed-in address in `.profile-user-info span.user-email`.
 * Not public: how the selected row is marked and the sender header's markup. So the selected
 * row is the `data-mailid` row marked selected by `aria-selected`, or a class naming it
 * (selected/active/checked), and the people are what is certain: `mailto:` links,
 * address-bearing `title`s and email-shaped text in the pane's header, else in the body
 * (which may sit in an open shadow root). No sender or date is guessed from that, so such a
 * mail gives no message for last contact.
 */
import type { SiteAdapter } from './types';
import { partsOf, peopleUnder, type Person } from './cn-mail';
import { $, $$, emailsIn, first, logMissing, textOf, withDom, type SubjectParts, type TestUrl } from './dom';
import { legacyDetect, MAIN_FRAME } from './qq-frameset';

const SITE = 'qqmail';
const LEGACY = 'mail.qq.com';
const NEW = 'wx.mail.qq.com';

const ROW = '.mail-list-page-item[data-mailid]';
const SELECTED = [`${ROW}[aria-selected="true"]`, `${ROW}[class*="selected"]:not([class*="unselected"])`, `${ROW}.active`];
const BODY = '.mail-detail-content';
const PANE = ['.xmail-ui-float-scroll:has(.mail-detail-content)', '.mail-detail'];

/** The inbox and folders (`#/list/…`, or no route yet) are lists; other routes name nothing. */
function newUrl(url: URL): SubjectParts {
  return url.pathname === '/home/index' && /^(#\/?(list\b.*)?)?$/.test(url.hash) ? { objectType: 'list' } : {};
}

function readNew(doc: Document): SubjectParts {
  const owner = emailsIn(textOf($('.profile-user-info .user-email', doc)))[0];
  const row = first(SELECTED, doc);
  const body = $(BODY, doc);
  if (!row || !body) return readNewList(doc, owner);
  const id = row.getAttribute('data-mailid') ?? '';
  const pane = first(PANE, doc) ?? body.parentElement ?? body;
  // The header: the pane without its body.
  let people: Person[] = peopleUnder(paneHeader(pane, body), { attrs: ['title'], text: true });
  if (!people.length) {
    logMissing(SITE, 'addresses in the reading pane header', pane);
    people = bodyPeople(body);
  }
  return { objectType: 'message', recordId: /^[\w@.:-]{4,200}$/.test(id) ? id : undefined, ...partsOf(people, owner) };
}

/** A detached copy of the pane without the body, for its header's text and links. */
function paneHeader(pane: Element, body: Element): Element {
  if (!pane.contains(body) || pane === body) return pane;
  const copy = pane.cloneNode(true) as Element;
  for (const b of $$(BODY, copy, 10)) b.remove();
  return copy;
}

/** Addresses in the body, through an open shadow root when the body renders into one. */
function bodyPeople(body: Element): Person[] {
  const out = peopleUnder(body, { text: true });
  // The body itself or an element near its top hosts the shadow root; bounded either way.
  const hosts = [body, ...$$('*', body, 500)].filter((el) => el.shadowRoot).slice(0, 20);
  for (const h of hosts) {
    for (const p of peopleUnder(h.shadowRoot as ShadowRoot, { text: true })) if (!out.some((o) => o.email === p.email)) out.push(p);
  }
  return out;
}

function readNewList(doc: Document, owner: string | undefined): SubjectParts {
  const people: Person[] = [];
  for (const row of $$(ROW, doc, 300)) people.push(...peopleUnder(row, { attrs: ['title'] }));
  const out = partsOf(people, owner);
  delete out.name;
  return out;
}

export const qqmailAdapter: SiteAdapter = {
  id: SITE,
  matches: (url) => url.hostname === LEGACY || url.hostname === NEW,
  detect(url, doc) {
    if (url.hostname === LEGACY) return legacyDetect(SITE, url, doc);
    if (url.hostname !== NEW) return null;
    const base = newUrl(url);
    return withDom(SITE, base, () => (base.objectType ? readNew(doc) : {}));
  },
  // Legacy: the opened mail is the frame's. New: a row click opens a mail in place.
  watch: { frames: MAIN_FRAME, input: true },
};

export const testUrls: TestUrl[] = [
  { url: 'https://mail.qq.com/cgi-bin/readmail?folderid=1&folderkey=1&t=readmail&mailid=ZC0003-Qw1Er2Ty3Ui4Op5As6Df7G&mode=pre&sid=Ab_cDe', expect: { objectType: 'message', recordId: 'ZC0003-Qw1Er2Ty3Ui4Op5As6Df7G' } },
  { url: 'https://mail.qq.com/cgi-bin/mail_list?sid=Ab_cDe&folderid=1&page=0', expect: { objectType: 'list' } },
  { url: 'https://mail.qq.com/cgi-bin/frame_html?sid=Ab_cDe&r=9f8e7d', expect: {} },
  { url: 'https://mail.qq.com/cgi-bin/readtemplate?t=safety&gourl=https%3A%2F%2Fexample.com', expect: {} },
  // New UI: the address stays a list while a mail is open (the row says which).
  { url: 'https://wx.mail.qq.com/home/index?sid=zX9_yW8#/list/1/1', expect: { objectType: 'list' } },
  { url: 'https://wx.mail.qq.com/home/index?sid=zX9_yW8', expect: { objectType: 'list' } },
  { url: 'https://wx.mail.qq.com/home/index?sid=zX9_yW8#/compose', expect: {} },
  { url: 'https://wx.mail.qq.com/home/index?sid=zX9_yW8#/listing', expect: {} },
  { url: 'https://wx.mail.qq.com/', expect: {} },
  // not QQ Mail
  { url: 'https://qzone.qq.com/', expect: null },
  { url: 'https://w.mail.qq.com.example.net/cgi-bin/mobile', expect: null },
  { url: 'https://www.qq.com/', expect: null },
];
