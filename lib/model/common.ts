/**
 * Building blocks shared by every record. Written with `zod/mini` so that the content
 * script can parse messages with the very same schemas while staying small (the classic
 * zod API would add ~15 KB gzip to it).
 */
import * as z from 'zod/mini';
import { isWellFormed } from '../util/well-formed';
import { MAX_ID, MAX_LONG_TEXT, MAX_SHORT_TEXT } from './bounds';

// The extension CSP forbids eval; zod 4 otherwise probes for it to build fast parsers.
z.config({ jitless: true });

/**
 * Text the databases can store: no NUL, no half of a surrogate pair (lib/util/well-formed.ts).
 * Every text field of every record carries this check.
 */
export const wellFormed = z.refine<string>(isWellFormed, 'well-formed text (no NUL character and no half of an emoji)');

/** Text of at most `max` characters (and at least `min`), well-formed. */
export const Text = (max: number, min = 0) =>
  min > 0 ? z.string().check(z.minLength(min), z.maxLength(max), wellFormed) : z.string().check(z.maxLength(max), wellFormed);

export const Id = Text(MAX_ID, 1);
/** An ISO 8601 date-time with offset, e.g. 2026-11-28T09:30:00.000Z. */
export const IsoDateTime = z.iso.datetime({ offset: true });
/** An ISO 8601 calendar date, e.g. 2021-03-01. */
export const IsoDate = z.iso.date();
/** ISO 4217 code: money is never summed across currencies. */
export const CurrencyCode = z.string().check(z.regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code'));
/** Money in integer minor units (cents, fen) so sums are exact. */
export const MinorUnits = z.int();
export const Email = z.string().check(z.maxLength(254), wellFormed, z.regex(/^[^\s@<>()"]+@[^\s@<>()"]+\.[^\s@<>()"]+$/, 'an email address'));
export const Domain = z.string().check(
  z.maxLength(253),
  z.regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'a lower-case domain such as acme.com'),
);
export const ShortText = Text(MAX_SHORT_TEXT);
export const LongText = Text(MAX_LONG_TEXT);

/** Fields every synced record carries (DESIGN §5): an id, when it last changed, a tombstone. */
export const syncedFields = {
  id: Id,
  updatedAt: IsoDateTime,
  /** A tombstone: deleted records stay so that the deletion syncs. */
  deleted: z.optional(z.boolean()),
};
