/**
 * Well-formed text: no lone UTF-16 surrogates and no NUL. PostgreSQL (and PGlite) refuse
 * both in text and jsonb, and a lone surrogate cannot be encoded as UTF-8 at all, so such a
 * string saved on one device would stop its sync for good (issue 14, finding 3). Text that
 * comes from a page or a file is made well-formed where it enters (toWellFormed); the shared
 * schemas refuse anything that is not (isWellFormed).
 *
 * String.prototype.toWellFormed would do the surrogate half, but Node 20 lacks it, and it
 * keeps NUL.
 */

/** A NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one. */
const ILL_FORMED = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ILL_FORMED_ALL = new RegExp(ILL_FORMED.source, 'g');

export const REPLACEMENT_CHARACTER = '\uFFFD';

export function isWellFormed(text: string): boolean {
  return !ILL_FORMED.test(text);
}

/** The text with every lone surrogate and NUL replaced by U+FFFD; the same string when already well-formed. */
export function toWellFormed(text: string): string {
  return isWellFormed(text) ? text : text.replace(ILL_FORMED_ALL, REPLACEMENT_CHARACTER);
}

/**
 * Cuts text to at most `max` UTF-16 units without splitting a surrogate pair (a page name cut
 * inside an emoji is how a lone surrogate is usually born).
 */
export function truncateWellFormed(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** Every string inside a JSON-like value made well-formed (keys too); other values as they are. */
export function deepWellFormed<T>(value: T): T {
  if (typeof value === 'string') return toWellFormed(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => deepWellFormed(v)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[toWellFormed(k)] = deepWellFormed(v);
    return out as T;
  }
  return value;
}
