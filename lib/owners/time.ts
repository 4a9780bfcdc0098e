/**
 * Clock arithmetic for the owners domain. Time is always passed in as an ISO string (`now`),
 * never read from `Date.now()`, so every rule here is reproducible in a test and on the server.
 */

const HOUR_MS = 3_600_000;

/** Milliseconds since the epoch for an ISO date-time; throws on garbage so a bad clock never passes silently. */
export function toMs(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO date-time: ${JSON.stringify(iso)}`);
  return ms;
}

/** Hours from `fromIso` to `toIso` (negative when `toIso` is earlier). */
export function hoursBetween(fromIso: string, toIso: string): number {
  return (toMs(toIso) - toMs(fromIso)) / HOUR_MS;
}

/** Median of a list of numbers; `null` for an empty list (no data is not zero). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  // Even count: the mean of the two middle values, the usual definition.
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}
