/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) as whole days.
 *
 * It deliberately avoids `Date`: a calendar date has no time zone, and `new Date('2024-02-29')`
 * followed by local getters shifts it by the host's offset. Everything here is integer maths,
 * so a date read from a CRM means the same day on every machine.
 */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function parseIsoDate(s: string): Ymd {
  const match = ISO_DATE.exec(s);
  const y = Number(match?.[1]);
  const m = Number(match?.[2]);
  const d = Number(match?.[3]);
  // The model validates dates on the way in; this guards callers that pass something else.
  if (!match || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    throw new RangeError(`not an ISO calendar date: ${s}`);
  }
  return { y, m, d };
}

export function formatIsoDate({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil): exact for any Gregorian date. */
export function dayNumber({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number (H. Hinnant's civil_from_days), the inverse of `dayNumber`. */
export function fromDayNumber(days: number): Ymd {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function addDays(date: string, n: number): string {
  return formatIsoDate(fromDayNumber(dayNumber(parseIsoDate(date)) + n));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(parseIsoDate(to)) - dayNumber(parseIsoDate(from));
}

/**
 * `date` moved by `n` calendar months. A day that does not exist in the target month is
 * clamped to its last day (Jan 31 + 1 month = Feb 28/29), the rule people use for
 * anniversaries and the one `monthsBetween` is consistent with.
 */
export function addMonths(date: string, n: number): string {
  const { y, m, d } = parseIsoDate(date);
  const index = y * 12 + (m - 1) + n;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12 + 1;
  return formatIsoDate({ y: ty, m: tm, d: Math.min(d, daysInMonth(ty, tm)) });
}

/**
 * Full calendar months from `from` to `to`: the largest k with addMonths(from, k) <= to.
 * A month is complete on the same day of the month, or on the month's last day when that
 * day does not exist (Jan 31 → Feb 28 is one month; Feb 29, 2020 → Feb 28, 2021 is a year).
 * When `to` is before `from` it is minus the months from `to` to `from`.
 */
export function monthsBetween(from: string, to: string): number {
  if (to < from) return 0 - monthsBetween(to, from); // not -x, which gives -0 for 0
  const f = parseIsoDate(from);
  const t = parseIsoDate(to);
  let months = (t.y - f.y) * 12 + (t.m - f.m);
  if (t.d < Math.min(f.d, daysInMonth(t.y, t.m))) months -= 1;
  return months;
}

/** Milliseconds of an ISO date-time with offset; throws on garbage rather than return NaN. */
export function instantOf(dateTime: string): number {
  const ms = Date.parse(dateTime);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO date-time: ${dateTime}`);
  return ms;
}

const DAY_MS = 86_400_000;

/** Whole 24-hour periods elapsed from `from` to `to` (instants); negative if `to` is earlier. */
export function elapsedDays(from: string, to: string): number {
  return Math.floor((instantOf(to) - instantOf(from)) / DAY_MS);
}
