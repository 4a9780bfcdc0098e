/**
 * Building blocks shared by every record. Written with `zod/mini` so that the content
 * script can parse messages with the very same schemas while staying small (the classic
 * zod API would add ~15 KB gzip to it).
 */
import * as z from 'zod/mini';

// The extension CSP forbids eval; zod 4 otherwise probes for it to build fast parsers.
z.config({ jitless: true });

export const Id = z.string().check(z.minLength(1), z.maxLength(64));
/** An ISO 8601 date-time with offset, e.g. 2026-11-28T09:30:00.000Z. */
export const IsoDateTime = z.iso.datetime({ offset: true });
/** An ISO 8601 calendar date, e.g. 2021-03-01. */
export const IsoDate = z.iso.date();
/** ISO 4217 code: money is never summed across currencies. */
export const CurrencyCode = z.string().check(z.regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code'));
/** Money in integer minor units (cents, fen) so sums are exact. */
export const MinorUnits = z.int();
export const Email = z.string().check(z.maxLength(254), z.regex(/^[^\s@<>()"]+@[^\s@<>()"]+\.[^\s@<>()"]+$/, 'an email address'));
export const Domain = z.string().check(
  z.maxLength(253),
  z.regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'a lower-case domain such as acme.com'),
);
export const ShortText = z.string().check(z.maxLength(200));
export const LongText = z.string().check(z.maxLength(20_000));

/** Fields every synced record carries (DESIGN §5): an id, when it last changed, a tombstone. */
export const syncedFields = {
  id: Id,
  updatedAt: IsoDateTime,
  /** A tombstone: deleted records stay so that the deletion syncs. */
  deleted: z.optional(z.boolean()),
};
