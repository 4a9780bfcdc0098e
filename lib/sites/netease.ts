/**
 * NetEase mail 网易邮箱: mail.163.com, mail.126.com, mail.yeah.net and NetEase enterprise mail
 * (*.qiye.163.com) — one Coremail "js6" app.
 *
 * URL facts (the app's own addresses, dated 2026-12):
 *   https://mail.163.com/js6/main.jsp?sid=…#module=read.ReadModule|{"id":"…","fid":1}
 *   (the hash percent-encoded) an opened mail; `mbox.ListModule|{"fid":1,…}` a folder;
 *   `welcome.WelcomeModule|{}`, `compose.ComposeModule|…` and others name no mail.
 * Markup facts, dated 2026-12, from realbmail/bmail_extension (src/content_netease.ts,
 * content_126.ts) and public scripts writing about js6: each open module is a container
 * `[id^="_dvModuleContainer_read.ReadModule"]` (several tabs may be open: hidden ones carry
 * `display: none`); the mail body is an iframe in it (about:blank, filled by script; its root
 * `.netease_mail_readhtml`); addresses are `.nui-addr` chips, the address in `title` and in
 * `.nui-addr-email` ("<x@y>"), the name in `.nui-addr-name`; the signed-in address is
 * `#spnUid`. Not public: which header row is the sender and the date's element. We take the
 * first chip as the sender (发件人 comes first) and the date from a short header text that
 * reads as a full date with a time (the subject comes before it and rarely has both).
 */
import type { SiteAdapter } from './types';
import { emailAttr, message, partsOf, peopleUnder, shownName, type Person } from './cn-mail';
import { $, $$, emailsIn, logMissing, safeDecode, textOf, withDom, type SubjectParts, type TestUrl } from './dom';
import { frameView } from './frames';
import { parseMailDate } from './mail-date';

const SITE = 'netease';
const HOSTS = new Set(['mail.163.com', 'mail.126.com', 'mail.yeah.net']);

function isHost(host: string): boolean {
  return HOSTS.has(host) || /^[a-z0-9-]+(\.[a-z0-9-]+)*\.qiye\.163\.com$/.test(host);
}

function fromUrl(url: URL): SubjectParts & { module?: string } {
  const tenant = url.hostname;
  if (!/^\/js6\/main\.jsp$/.test(url.pathname)) return { tenant };
  const hash = safeDecode(url.hash.replace(/^#/, ''));
  const m = /(?:^|&)module=([\w.]+)(?:\|(\{.*\}))?/.exec(hash);
  if (!m) return { tenant, objectType: 'list', module: 'mbox.ListModule' };
  const module = m[1]!;
  if (module === 'read.ReadModule') {
    const id = jsonId(m[2]);
    return id ? { tenant, objectType: 'message', recordId: id, module } : { tenant };
  }
  if (module === 'mbox.ListModule') return { tenant, objectType: 'list', module };
  return { tenant };
}

function jsonId(json: string | undefined): string | undefined {
  if (!json) return undefined;
  try {
    const v = JSON.parse(json) as { id?: unknown };
    return typeof v.id === 'string' && /^[\w:.+/=@-]{1,200}$/.test(v.id) ? v.id : undefined;
  } catch {
    return undefined;
  }
}

/** The module's container the user sees: the last one without `display: none`. */
function visible(doc: Document, module: string): Element | undefined {
  const all = $$(`[id^="_dvModuleContainer_${module}"]`, doc, 30);
  const shown = all.filter((el) => !/display\s*:\s*none/i.test(el.getAttribute('style') ?? ''));
  return shown[shown.length - 1];
}

function owner(doc: Document): string | undefined {
  return emailsIn(textOf($('#spnUid', doc)))[0];
}

function chip(el: Element): Person | undefined {
  const email = emailAttr(el, 'title') ?? emailsIn(textOf($('.nui-addr-email', el)))[0];
  if (!email) return undefined;
  return { email, name: shownName(textOf($('.nui-addr-name', el))) };
}

function readMail(doc: Document): SubjectParts {
  const box = visible(doc, 'read.ReadModule');
  if (!box) {
    logMissing(SITE, 'read.ReadModule container', doc.body);
    return {};
  }
  const people: Person[] = [];
  for (const el of $$('.nui-addr', box, 100)) {
    const p = chip(el);
    if (p && !people.some((q) => q.email === p.email)) people.push(p);
  }
  // Without the chips nobody is known to be the sender: addresses, but no message.
  const sender = people[0];
  if (!sender) {
    logMissing(SITE, '.nui-addr in the read module', box);
    people.push(...peopleUnder(box, { attrs: ['title'] }));
    // The body is in the module's frame: the top frame reads it directly (same origin).
    const body = frameView('iframe', box);
    if (body) for (const p of peopleUnder($('.netease_mail_readhtml', body.doc) ?? body.doc.body ?? body.doc.documentElement, { text: true })) {
      if (!people.some((q) => q.email === p.email)) people.push(p);
    }
  }
  return { ...partsOf(people, owner(doc)), messages: message(sender, dateOf(box)) };
}

/** The mail's date: beside a 时间/Time label, else a short header text with a date and a time. */
function dateOf(box: Element): string | undefined {
  const leaves = $$('span, div, td, dd, b, em, li', box, 400).filter((el) => el.childElementCount === 0);
  for (const el of leaves) {
    if (/^(时\s*间|日\s*期|发送时间|time|date)\s*[:：]?$/i.test(textOf(el) ?? '')) {
      const at = parseMailDate(textOf(el.nextElementSibling));
      if (at) return at;
    }
  }
  for (const el of leaves) {
    const t = textOf(el) ?? '';
    if (t.length <= 40 && /\d[:：]\d\d/.test(t)) {
      const at = parseMailDate(t);
      if (at) return at;
    }
  }
  return undefined;
}

function readList(doc: Document): SubjectParts {
  const box = visible(doc, 'mbox.ListModule') ?? doc.body;
  const people: Person[] = [];
  for (const el of $$('[title*="@"]', box, 300)) {
    const email = emailAttr(el, 'title');
    if (email) people.push({ email });
  }
  const out = partsOf(people, owner(doc));
  delete out.name;
  return out;
}

export const neteaseAdapter: SiteAdapter = {
  id: SITE,
  matches: (url) => isHost(url.hostname),
  detect(url, doc) {
    if (!isHost(url.hostname)) return null;
    const { module, ...base } = fromUrl(url);
    if (module === 'read.ReadModule') return withDom(SITE, base, () => readMail(doc));
    if (module === 'mbox.ListModule') return withDom(SITE, base, () => readList(doc));
    return withDom(SITE, base, () => ({}));
  },
};

const READ = (id: string) => `#module=read.ReadModule%7C${encodeURIComponent(JSON.stringify({ id, fid: 1 }))}`;

export const testUrls: TestUrl[] = [
  { url: `https://mail.163.com/js6/main.jsp?sid=QAbcdEfGh&df=mail163_letter${READ('136:1tbiDRxHnmV7Zq9AbAAAsB')}`, expect: { objectType: 'message', recordId: '136:1tbiDRxHnmV7Zq9AbAAAsB', tenant: 'mail.163.com' } },
  { url: `https://mail.126.com/js6/main.jsp?sid=x${READ('88:xtbBUQ1a2b3c4d5e6f7g8AAAbm')}`, expect: { objectType: 'message', recordId: '88:xtbBUQ1a2b3c4d5e6f7g8AAAbm', tenant: 'mail.126.com' } },
  { url: 'https://mail.yeah.net/js6/main.jsp?sid=x#module=read.ReadModule|{"id":"42:AbCdEf","fid":1}', expect: { objectType: 'message', recordId: '42:AbCdEf', tenant: 'mail.yeah.net' } },
  { url: `https://mail.qiye.163.com/js6/main.jsp?sid=x${READ('7:1tbiQiye0001')}`, expect: { objectType: 'message', recordId: '7:1tbiQiye0001', tenant: 'mail.qiye.163.com' } },
  { url: 'https://mail.163.com/js6/main.jsp?sid=x#module=mbox.ListModule%7C%7B%22fid%22%3A1%2C%22order%22%3A%22date%22%2C%22desc%22%3Atrue%7D', expect: { objectType: 'list', tenant: 'mail.163.com' } },
  { url: 'https://mail.163.com/js6/main.jsp?sid=x', expect: { objectType: 'list', tenant: 'mail.163.com' } },
  { url: 'https://mail.163.com/js6/main.jsp?sid=x#module=welcome.WelcomeModule%7C%7B%7D', expect: { tenant: 'mail.163.com' } },
  { url: 'https://mail.163.com/js6/main.jsp?sid=x#module=compose.ComposeModule%7C%7B%7D', expect: { tenant: 'mail.163.com' } },
  { url: 'https://mail.163.com/js6/main.jsp?sid=x#module=read.ReadModule%7C%7B%22fid%22%3A1%7D', expect: { tenant: 'mail.163.com' } },
  { url: 'https://mail.163.com/', expect: { tenant: 'mail.163.com' } },
  // not NetEase mail
  { url: 'https://www.163.com/', expect: null },
  { url: 'https://qiye.163.com.example.org/js6/main.jsp', expect: null },
  { url: 'https://mail.sina.com.cn/classic/index.php', expect: null },
];
