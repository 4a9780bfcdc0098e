/**
 * The legacy Tencent webmail both Exmail 腾讯企业邮 and QQ Mail (mail.qq.com) still serve: a
 * top page `/cgi-bin/frame_html?sid=…` whose same-origin frame `#mainFrame` (name
 * "mainFrame", inside `#mainFrameContainer`) shows the mail list (`/cgi-bin/mail_list?…`) or an
 * opened mail (`/cgi-bin/readmail?…&mailid=…`). The overlay runs in the top frame only and
 * reads the frame from there (lib/sites/frames.ts); a readmail page opened on its own (Exmail
 * offers "在新窗口打开") is read the same way.
 *
 * Facts, dated 2026-12, from public code that runs on these pages:
 *   realbmail/bmail_extension (src/content_qq.ts): `#mainFrameContainer iframe[name="mainFrame"]`,
 *   the opened mail in `#mainmail` with its body in `#mailContentContainer`, the toolbar
 *   `#toolbgline_top`, the people of the mail as `span[e]` whose `e` attribute is the address,
 *   the signed-in address in the top page's `#useraddr`.
 *   2234839/userJS (qq邮件导出.user.ts): list rows carry `span[mailid]` in the frame's document.
 * Not shown by any public source: which header row is the sender and where the date sits. We
 * take the first `span[e]` of the header as the sender (the 发件人 row comes first) and the
 * date from the row labelled 时间/Time (`.addrtitle`), else no date.
 */
import type { PageSubject } from '../model/page-subject';
import { emailAttr, message, partsOf, peopleUnder, shownName, type Person } from './cn-mail';
import { $, $$, emailsIn, logMissing, normaliseEmail, textOf, withDom, type SubjectParts } from './dom';
import { frameView } from './frames';
import { parseMailDate } from './mail-date';

export const MAIN_FRAME = 'iframe#mainFrame, iframe[name="mainFrame"]';
const MAIL_ID = /^[A-Za-z0-9_@.:-]{4,200}$/;

type Kind = 'top' | 'message' | 'list' | 'other';

/** What the address alone says, for a host already known to be this webmail. */
export function legacyUrl(url: URL): SubjectParts & { kind: Kind } {
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '/cgi-bin/frame_html') return { kind: 'top' };
  if (path === '/cgi-bin/readmail') {
    const id = url.searchParams.get('mailid') ?? '';
    return MAIL_ID.test(id) ? { kind: 'message', objectType: 'message', recordId: id } : { kind: 'other' };
  }
  if (path === '/cgi-bin/mail_list') return { kind: 'list', objectType: 'list' };
  return { kind: 'other' };
}

/** The subject of a legacy page: the frame's when this is the top page, else the page's own. */
export function legacyDetect(site: string, url: URL, doc: Document): PageSubject {
  const { kind, ...base } = legacyUrl(url);
  if (kind !== 'top') return withDom(site, base, () => readDoc(site, kind, doc, undefined));
  const frame = frameView(MAIN_FRAME, doc);
  if (!frame || frame.url.origin !== url.origin) return withDom(site, base, () => ({}));
  const inner = legacyUrl(frame.url);
  const { kind: innerKind, ...innerBase } = inner;
  return withDom(site, innerBase, () => readDoc(site, innerKind, frame.doc, ownerOf(doc)));
}

function ownerOf(doc: Document): string | undefined {
  const el = $('#useraddr', doc);
  return el ? emailsIn(textOf(el))[0] : undefined;
}

function readDoc(site: string, kind: Kind, doc: Document, owner: string | undefined): SubjectParts {
  if (kind === 'message') return readMail(site, doc, owner);
  if (kind === 'list') return readList(site, doc, owner);
  return {};
}

function readMail(site: string, doc: Document, owner: string | undefined): SubjectParts {
  const main = $('#mainmail', doc) ?? doc.body ?? doc;
  const body = $('#mailContentContainer', main);
  const people: Person[] = [];
  for (const el of $$('span[e]', main, 200)) {
    if (body?.contains(el)) continue;
    const email = emailAttr(el, 'e');
    if (email) people.push({ email, name: shownName(el.getAttribute('n')) ?? shownName(el.textContent) });
  }
  // Without span[e] nobody is known to be the sender: addresses, but no message.
  const sender = people[0];
  if (!sender) {
    logMissing(site, 'span[e] in #mainmail', main);
    // Degraded: addresses the opened mail links to (its header first, then its body).
    people.push(...peopleUnder(main, { attrs: ['title'] }));
  }
  return { ...partsOf(people, owner), messages: message(sender, dateOf(main)) };
}

/** The date beside the 时间/Time label of the mail's header. */
function dateOf(main: Element | Document): string | undefined {
  for (const label of $$('.addrtitle', main, 20)) {
    if (!/^(时\s*间|日\s*期|time|date)\s*[:：]?$/i.test(textOf(label) ?? '')) continue;
    const at = parseMailDate(textOf(label.nextElementSibling));
    if (at) return at;
  }
  return undefined;
}

function readList(site: string, doc: Document, owner: string | undefined): SubjectParts {
  const people: Person[] = [];
  for (const el of $$('[mailid] [e], [e][mailid], table [e]', doc, 300)) {
    const email = normaliseEmail(el.getAttribute('e'));
    if (email) people.push({ email });
  }
  if (!people.length) logMissing(site, 'list rows [e]', doc.body);
  const out = partsOf(people, owner);
  delete out.name;
  return out;
}
