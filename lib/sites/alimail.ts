/**
 * Alibaba Mail 阿里邮箱 (qiye.aliyun.com; mail.sg.aliyun.com for the international service).
 *
 * URL facts (the app's own addresses, dated 2026-12; the folder routes appear in public
 * automation code, e.g. `/alimail/entries/v5.1/mail/inbox/all`, `…/mail/sentitems/all`):
 *   /alimail/entries/v5.1/mail/<folder>/all                a folder (list)
 *   /alimail/entries/v5.1/mail/<folder>/all/<segment>      an opened conversation, where the
 *   last segment is base64 (standard or URL-safe, maybe percent-encoded) of a small JSON
 *   object naming it; its `id`-like member is the record id, else the segment itself.
 *   Other apps (/alimail/entries/v5.1/contacts, calendar, settings) name no mail.
 * Markup: no public source shows the reading pane's markup. We read what is certain — `mailto:`
 * links and address-bearing `title`s — inside the first element whose class names a reading
 * pane or conversation (`[class*="read"]`, `[class*="detail"]`, `[class*="conversation"]`),
 * never the whole page (the list beside it names other people). The signed-in account, left
 * out, is the first address in an element outside the pane whose class names the user or the
 * account (`[class*="user"]`, `[class*="account"]`) — also assumed. No sender or date is guessed.
 */
import type { SiteAdapter } from './types';
import { partsOf, peopleUnder } from './cn-mail';
import { $$, emailsIn, first, logMissing, safeDecode, textOf, withDom, type SubjectParts, type TestUrl } from './dom';

const SITE = 'alimail';
const HOSTS = new Set(['qiye.aliyun.com', 'mail.sg.aliyun.com']);
const ID_KEYS = ['conversationId', 'convId', 'mailId', 'id', 'sessionId', 'itemId'];
const PANE = ['[class*="mail-read"]', '[class*="read-mail"]', '[class*="ReadMail"]', '[class*="mail-detail"]', '[class*="MailDetail"]', '[class*="conversation"]', '[class*="Conversation"]'];

function fromUrl(url: URL): SubjectParts {
  const m = /^\/alimail\/entries\/v[\d.]+\/mail\/([\w-]+)(?:\/all)?(?:\/([^/]+))?\/?$/.exec(url.pathname);
  if (!m) return {};
  if (!m[2]) return { objectType: 'list' };
  const id = conversationId(m[2]);
  return id ? { objectType: 'conversation', recordId: id } : {};
}

/** The conversation a route segment names, or undefined when it is not base64 of a JSON object. */
export function conversationId(segment: string): string | undefined {
  const raw = safeDecode(segment);
  if (raw.length > 1000 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(raw)) return undefined;
  try {
    const b64 = raw.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
    const v = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
    for (const k of ID_KEYS) {
      const id = (v as Record<string, unknown>)[k];
      if ((typeof id === 'string' && id.length && id.length <= 200) || typeof id === 'number') return String(id);
    }
    return raw.length <= 200 ? raw : undefined;
  } catch {
    return undefined;
  }
}

function owner(doc: Document, pane: Element): string | undefined {
  for (const el of $$('[class*="user"], [class*="account"]', doc, 50)) {
    if (pane.contains(el)) continue;
    const e = emailsIn(el.getAttribute('title'))[0] ?? emailsIn(textOf(el))[0];
    if (e) return e;
  }
  return undefined;
}

function readPane(doc: Document): SubjectParts {
  const pane = first(PANE, doc);
  if (!pane) {
    logMissing(SITE, 'reading pane', doc.body);
    return {};
  }
  return partsOf(peopleUnder(pane, { attrs: ['title', 'data-email'] }), owner(doc, pane));
}

export const alimailAdapter: SiteAdapter = {
  id: SITE,
  matches: (url) => HOSTS.has(url.hostname),
  detect(url, doc) {
    if (!HOSTS.has(url.hostname)) return null;
    const base = fromUrl(url);
    if (base.objectType === 'conversation') return withDom(SITE, base, () => readPane(doc));
    return withDom(SITE, base, () => ({}));
  },
  // The app opens a conversation with pushState; a frame-free single page otherwise.
};

// Segments: base64 of {"id":"DzzzzzzNpQ1$---.AbCdEf1","type":"conversation"} and, percent-encoded, of {"mailId":"2_0:DzzzzzzXyZ9"}.
export const testUrls: TestUrl[] = [
  { url: 'https://qiye.aliyun.com/alimail/entries/v5.1/mail/inbox/all/eyJpZCI6IkR6enp6enpOcFExJC0tLS5BYkNkRWYxIiwidHlwZSI6ImNvbnZlcnNhdGlvbiJ9', expect: { objectType: 'conversation', recordId: 'DzzzzzzNpQ1$---.AbCdEf1' } },
  { url: 'https://mail.sg.aliyun.com/alimail/entries/v5.1/mail/sentitems/all/eyJtYWlsSWQiOiIyXzA6RHp6enp6elh5WjkifQ%3D%3D', expect: { objectType: 'conversation', recordId: '2_0:DzzzzzzXyZ9' } },
  { url: 'https://qiye.aliyun.com/alimail/entries/v5.1/mail/inbox/all', expect: { objectType: 'list' } },
  { url: 'https://qiye.aliyun.com/alimail/entries/v5.1/mail/sentitems/all', expect: { objectType: 'list' } },
  { url: 'https://qiye.aliyun.com/alimail/entries/v5.1/mail/inbox/all/not-base64-json!', expect: {} },
  { url: 'https://qiye.aliyun.com/alimail/entries/v5.1/contacts', expect: {} },
  { url: 'https://qiye.aliyun.com/alimail/', expect: {} },
  // not Alibaba Mail
  { url: 'https://www.aliyun.com/product/alimail', expect: null },
  { url: 'https://qiye.aliyun.com.example.com/alimail/entries/v5.1/mail/inbox/all', expect: null },
];
