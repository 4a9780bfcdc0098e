/**
 * Small helpers shared by the site adapters. Everything here runs in the content script on
 * every mutation burst, so it is querySelector-based, bounded, and never reads layout
 * (`textContent`, never `innerText`).
 */
import type { PageSubject } from '../model/page-subject';
import { truncateWellFormed } from '../util/well-formed';

// ---------------------------------------------------------------------------------------
// Text, emails, domains

const MAX_TEXT = 200;
const MAX_LIST = 200;

/** Same shape as the Email schema in lib/model/common.ts, anchored. */
const EMAIL_EXACT = /^[^\s@<>()"]+@[^\s@<>()"]+\.[^\s@<>()"]+$/;
/** Finds addresses inside free text, attribute values ("Jane <jane@acme.com>") and mailto links. */
const EMAIL_IN_TEXT = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const DOMAIN_RE = /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** Free-mail providers: their domain says nothing about the customer. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'live.com',
  'msn.com', 'yahoo.com', 'yahoo.co.uk', 'yahoo.co.jp', 'ymail.com', 'aol.com', 'icloud.com',
  'me.com', 'mac.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de', 'gmx.net',
  'web.de', 'mail.com', 'mail.ru', 'yandex.ru', 'yandex.com', 'zoho.com', 'zohomail.com',
  'qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'sohu.com',
  'aliyun.com', '139.com', 'naver.com', 'daum.net', 'hanmail.net', 'fastmail.com', 'hey.com',
  'tutanota.com', 'orange.fr', 'free.fr', 'laposte.net', 't-online.de', 'libero.it',
]);

/** Trimmed, whitespace-collapsed, at most 200 characters; `undefined` when empty. */
export function cleanText(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const text = value.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  // Cut between characters, never inside an emoji's surrogate pair (issue 14, finding 3).
  return text.length > MAX_TEXT ? truncateWellFormed(text, MAX_TEXT - 1) + '…' : text;
}

/** An element's own text (textContent: no layout). */
export function textOf(el: Element | null | undefined): string | undefined {
  return el ? cleanText(el.textContent) : undefined;
}

/** A lower-cased address when `value` is exactly one valid address, else `undefined`. */
export function normaliseEmail(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  let v = value.trim();
  if (v.toLowerCase().startsWith('mailto:')) v = safeDecode(v.slice(7).split('?')[0] ?? '');
  v = v.toLowerCase();
  return v.length <= 254 && EMAIL_EXACT.test(v) ? v : undefined;
}

/** Every address inside a piece of text or an attribute value, lower-cased. */
export function emailsIn(value: string | null | undefined): string[] {
  if (!value || !value.includes('@')) return [];
  const out: string[] = [];
  for (const m of value.matchAll(EMAIL_IN_TEXT)) {
    const e = normaliseEmail(m[0]);
    if (e) out.push(e);
  }
  return out;
}

export function domainOfEmail(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  return at < 0 ? undefined : normaliseDomain(email.slice(at + 1));
}

/**
 * A lower-case registrable-looking host from "acme.com", "www.acme.com",
 * "https://www.acme.com/about", "http://Acme.COM:8080"; `undefined` otherwise.
 */
export function normaliseDomain(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  let v = value.trim().toLowerCase();
  if (!v || /\s/.test(v)) return undefined;
  v = v.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  v = v.split(/[/?#]/, 1)[0] ?? '';
  v = v.replace(/:\d+$/, '').replace(/\.$/, '');
  if (v.includes('@')) v = v.slice(v.lastIndexOf('@') + 1);
  if (v.startsWith('www.')) v = v.slice(4);
  return v.length <= 253 && DOMAIN_RE.test(v) ? v : undefined;
}

/** Domains of the given addresses, without free-mail providers and without `exclude`. */
export function companyDomains(emails: Iterable<string>, exclude: Iterable<string> = []): string[] {
  const skip = new Set(exclude);
  const out: string[] = [];
  for (const e of emails) {
    const d = domainOfEmail(e);
    if (d && !FREE_MAIL_DOMAINS.has(d) && !skip.has(d)) out.push(d);
  }
  return uniq(out);
}

export function uniq<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

// ---------------------------------------------------------------------------------------
// Querying, including through open shadow roots

type Root = Document | Element | ShadowRoot | DocumentFragment;

/** querySelector that swallows selector errors (a bad selector must never throw into the page). */
export function $(selector: string, root: Root): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

export function $$(selector: string, root: Root, limit = 500): Element[] {
  try {
    const list = root.querySelectorAll(selector);
    const n = Math.min(list.length, limit);
    const out: Element[] = new Array<Element>(n);
    for (let i = 0; i < n; i++) out[i] = list[i] as Element;
    return out;
  } catch {
    return [];
  }
}

/**
 * The first selector of a dated fallback list that finds something. The list is matched in
 * one pass (a selector list), then ranked: when the newest markup is absent, trying each
 * selector in turn would walk a large page once per selector.
 */
export function first(selectors: readonly string[], root: Root): Element | null {
  let hits: NodeListOf<Element>;
  try {
    hits = root.querySelectorAll(selectors.join(', '));
  } catch {
    // One invalid selector invalidates the whole list: then try them one at a time.
    for (const sel of selectors) {
      const el = $(sel, root);
      if (el) return el;
    }
    return null;
  }
  if (hits.length < 2) return hits[0] ?? null;
  const ranked = Array.prototype.slice.call(hits, 0, 50) as Element[];
  for (const sel of selectors) {
    for (const el of ranked) if (matches(el, sel)) return el;
  }
  return ranked[0] ?? null;
}

function matches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/** How many shadow hosts a deep query may visit before giving up (keeps it cheap). */
const MAX_SHADOW_HOSTS = 400;

/**
 * Like `first`, but when the light DOM has no match, also looks inside open shadow roots
 * (Salesforce LWC with native shadow). Closed roots stay closed. Bounded: it visits at most
 * MAX_SHADOW_HOSTS shadow hosts, breadth first, under `root`.
 */
export function deepFirst(selectors: readonly string[], root: Root, hosts = ANY_HOST): Element | null {
  const direct = first(selectors, root);
  if (direct) return direct;
  const queue: ShadowRoot[] = shadowRootsUnder(root, hosts);
  let visited = 0;
  while (queue.length > 0 && visited < MAX_SHADOW_HOSTS) {
    const sr = queue.shift() as ShadowRoot;
    visited++;
    const hit = first(selectors, sr);
    if (hit) return hit;
    for (const inner of shadowRootsUnder(sr, hosts)) queue.push(inner);
  }
  return null;
}

/** Every match in the light DOM and in open shadow roots under `root`, bounded. */
export function deepAll(selector: string, root: Root, limit = 200, hosts = ANY_HOST): Element[] {
  const out = $$(selector, root, limit);
  const queue: ShadowRoot[] = shadowRootsUnder(root, hosts);
  let visited = 0;
  while (queue.length > 0 && visited < MAX_SHADOW_HOSTS && out.length < limit) {
    const sr = queue.shift() as ShadowRoot;
    visited++;
    for (const el of $$(selector, sr, limit - out.length)) out.push(el);
    for (const inner of shadowRootsUnder(sr, hosts)) queue.push(inner);
  }
  return out;
}

/** Any element may host a shadow root; adapters that know their hosts pass a tag list instead. */
const ANY_HOST = '*';

/**
 * Open shadow roots of custom elements under `root` (not nested ones). Shadow hosts are
 * custom elements (a hyphen in the tag), so only those are tested. With `hosts` naming the
 * product's host tags the browser's selector engine does the filtering, which keeps a deep
 * read cheap on pages with tens of thousands of elements.
 */
function shadowRootsUnder(root: Root, hosts: string): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const all = $$(hosts, root, 20_000);
  for (const el of all) {
    if (!el.localName.includes('-')) continue;
    const sr = el.shadowRoot;
    if (sr) out.push(sr);
  }
  return out;
}

/** The text of an element, or of its shadow root when its light DOM is empty. */
export function deepText(el: Element | null | undefined): string | undefined {
  if (!el) return undefined;
  return textOf(el) ?? (el.shadowRoot ? cleanText(el.shadowRoot.textContent) : undefined);
}

/** Addresses from `mailto:` links and from `attr` attributes under `root`. */
export function emailsUnder(
  root: Root,
  opts: { attrs?: readonly string[]; text?: boolean; limit?: number } = {},
): string[] {
  const limit = opts.limit ?? 200;
  const out: string[] = [];
  for (const a of $$('a[href^="mailto:" i]', root, limit)) {
    for (const e of emailsIn(safeDecode(a.getAttribute('href') ?? ''))) out.push(e);
  }
  for (const attr of opts.attrs ?? []) {
    for (const el of $$(`[${attr}*="@"]`, root, limit)) {
      for (const e of emailsIn(el.getAttribute(attr))) out.push(e);
    }
  }
  if (opts.text && 'textContent' in root) {
    for (const e of emailsIn(root.textContent)) out.push(e);
  }
  return uniq(out).slice(0, limit);
}

// ---------------------------------------------------------------------------------------
// Building subjects

export interface SubjectParts {
  objectType?: string | undefined;
  recordId?: string | undefined;
  tenant?: string | undefined;
  name?: string | undefined;
  emails?: Iterable<string>;
  domains?: Iterable<string>;
  /** Record fields the page states (lib/sites/fields.ts), for capture into the customer. */
  fields?: PageSubject['fields'];
  /** Mail pages: the thread's messages, oldest first (who sent each, and when). */
  messages?: PageSubject['messages'];
}

/**
 * A PageSubject that always passes the schema: texts capped at 200, emails re-validated and
 * lower-cased, domains lower-cased, both de-duplicated and capped; empty fields left out.
 */
export function subject(site: string, parts: SubjectParts): PageSubject {
  const out: PageSubject = { site, emails: [], domains: [] };
  const objectType = cleanText(parts.objectType);
  const recordId = parts.recordId && parts.recordId.length <= MAX_TEXT ? parts.recordId : undefined;
  const tenant = cleanText(parts.tenant);
  const name = cleanText(parts.name);
  if (objectType) out.objectType = objectType;
  if (recordId) out.recordId = recordId;
  if (tenant) out.tenant = tenant;
  if (name) out.name = name;
  const emails: string[] = [];
  for (const e of parts.emails ?? []) {
    const n = normaliseEmail(e);
    if (n) emails.push(n);
  }
  out.emails = uniq(emails).slice(0, MAX_LIST);
  const domains: string[] = [];
  for (const d of parts.domains ?? []) {
    const n = normaliseDomain(d);
    if (n) domains.push(n);
  }
  out.domains = uniq(domains).slice(0, MAX_LIST);
  const fields = parts.fields && dropUndefined(parts.fields);
  if (fields && Object.keys(fields).length) out.fields = fields;
  if (parts.messages?.length) out.messages = parts.messages.slice(-MAX_LIST);
  return out;
}

/**
 * Run the DOM-reading part of a detection; if it throws (host markup changed in a way we did
 * not foresee), keep the URL-based identity and log where it failed. Never throws.
 */
export function withDom(
  site: string,
  base: SubjectParts,
  read: () => SubjectParts,
): PageSubject {
  try {
    const fromDom = read();
    return subject(site, { ...base, ...dropUndefined(fromDom) });
  } catch (err) {
    debugLog(site, 'detect threw; using URL identity', err);
    return subject(site, base);
  }
}

function dropUndefined<T extends object>(parts: T): T {
  const out = {} as T;
  for (const [k, v] of Object.entries(parts)) {
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/**
 * Field labels and what is shown beside them ("Website" → its value element), for products
 * without stable field hooks: each `labelSel` element whose text is a label, lower-cased and
 * without a trailing colon, maps to its next element sibling (a label cell: the next cell).
 * The first occurrence of a label wins.
 */
export function labelValues(scope: Root, labelSel: string): Map<string, Element> {
  const out = new Map<string, Element>();
  for (const el of $$(labelSel, scope, 300)) {
    const key = (textOf(el) ?? '').toLowerCase().replace(/\s*[:*]$/, '');
    // A label alone in its wrapper ("<div><label>…</label></div><div>value</div>"): the
    // wrapper's neighbour; not when loose text beside the label is its value.
    const wrap = el.parentElement;
    const value = el.nextElementSibling ?? (wrap?.childElementCount === 1 && textOf(wrap) === textOf(el) ? wrap.nextElementSibling : null);
    if (key && value && !out.has(key)) out.set(key, value);
  }
  return out;
}

/** Splits "A | B | C" style titles into trimmed parts. */
export function titleParts(title: string | null | undefined, sep: string | RegExp): string[] {
  if (!title) return [];
  return title.split(sep).map((p) => p.trim()).filter(Boolean);
}

// ---------------------------------------------------------------------------------------
// Debug logging of censored structure (InboxSDK style: tags and attributes, never user text)

let debugEnabled = false;
/** Turned on from settings by whoever owns the content script. */
export function setSiteDebug(on: boolean): void {
  debugEnabled = on;
}
export function isSiteDebug(): boolean {
  return debugEnabled;
}

/** Attribute values that are structural, never user data, and so may be logged as they are. */
const SAFE_ATTRS = new Set([
  'id', 'class', 'role', 'slot', 'type', 'data-target-selection-name', 'data-selenium-test',
  'data-test-id', 'data-testid', 'data-test', 'data-id', 'data-app-section',
  'data-automationid', 'data-zcqa', 'jsaction', 'jscontroller', 'jsname', 'aria-hidden',
]);

/**
 * The structure around `el` as an HTML-ish string: tag names, attribute names, values only
 * of structural attributes (`SAFE_ATTRS`), text replaced by its length. Bounded in depth
 * and breadth. Open shadow roots are shown as `#shadow-root`.
 */
export function censoredStructure(el: Element | Document | null | undefined, depth = 3, breadth = 8): string {
  if (!el) return '(none)';
  const root = 'documentElement' in el ? el.documentElement : el;
  if (!root) return '(empty document)';
  const lines: string[] = [];
  const walk = (node: Element | ShadowRoot, level: number): void => {
    const pad = '  '.repeat(level);
    if (!('tagName' in node)) {
      lines.push(`${pad}#shadow-root`);
    } else {
      const attrs: string[] = [];
      for (const a of Array.from(node.attributes).slice(0, 12)) {
        const v = SAFE_ATTRS.has(a.name) ? a.value.slice(0, 80) : '…';
        attrs.push(`${a.name}="${v.replace(/\d{4,}/g, '#')}"`);
      }
      const textLen = Array.from(node.childNodes).reduce(
        (n, c) => n + (c.nodeType === 3 ? (c.textContent ?? '').trim().length : 0),
        0,
      );
      lines.push(`${pad}<${node.localName}${attrs.length ? ' ' + attrs.join(' ') : ''}>${textLen ? ` [text ${textLen}]` : ''}`);
    }
    if (level >= depth) return;
    const sr = 'shadowRoot' in node ? node.shadowRoot : null;
    if (sr) walk(sr, level + 1);
    const kids = Array.from(node.children);
    for (const k of kids.slice(0, breadth)) walk(k, level + 1);
    if (kids.length > breadth) lines.push(`${pad}  … ${kids.length - breadth} more`);
  };
  walk(root, 0);
  return lines.join('\n');
}

/** With debug logging on, log that `what` was not found, with the censored structure of `near`. */
export function logMissing(site: string, what: string, near: Element | Document | null | undefined): void {
  if (!debugEnabled) return;
  try {
    console.debug(`[holdfast:${site}] not found: ${what}\n${censoredStructure(near)}`);
  } catch {
    // logging must never break detection
  }
}

function debugLog(site: string, msg: string, err: unknown): void {
  if (!debugEnabled) return;
  try {
    console.debug(`[holdfast:${site}] ${msg}:`, err instanceof Error ? err.name + ': ' + err.message : 'error');
  } catch {
    // ignore
  }
}

// ---------------------------------------------------------------------------------------
// URL tables (github-url-detection style): each adapter file exports one.

export interface TestUrl {
  url: string;
  /** What the own adapter extracts from the URL alone; `null`: the adapter must not match. */
  expect: { objectType?: string; recordId?: string; tenant?: string } | null;
}
