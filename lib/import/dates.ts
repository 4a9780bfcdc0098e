/**
 * Dates as CRMs export them, to ISO calendar dates (DESIGN §5). A time of day, if any, is
 * dropped: revenue and tenure count days.
 *
 * Accepted: 2021-03-04 (also with a time, "T…" or " 10:15"), 2021/03/04, 4.3.2021 (day first,
 * the German/Russian convention), 03/04/2021 and 03-04-2021 (month or day first, see
 * `DateOrder`), "4 Mar 2021", "Mar 4, 2021", "04-Mar-2021", and two-digit years (00–69 →
 * 20xx, 70–99 → 19xx, the POSIX `%y` pivot). Chinese exports: 2026-12-03, 2026/12/3,
 * 2026.12.03 (year first, so never ambiguous) and 2026年12月3日, with full-width digits too.
 */
import type { DateOrder } from './types';

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

const ISO_RE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/;
const CJK_RE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/;
const DOTTED_RE = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:$|[\s,])/;
const SLASHED_RE = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})(?:$|[\s,T])/;
const DAY_MONTH_RE = /^(\d{1,2})[\s-]([a-z]{3,9})\.?[\s-](\d{4}|\d{2})(?:$|[\s,])/i;
const MONTH_DAY_RE = /^([a-z]{3,9})\.?\s(\d{1,2}),?\s(\d{4})(?:$|[\s,])/i;

/** An ISO date, or null when the text is not a real calendar day in a known format. */
export function parseDate(text: string, order: Exclude<DateOrder, 'auto'> = 'mdy'): string | null {
  const s = text.normalize('NFKC').trim();
  let m = ISO_RE.exec(s) ?? CJK_RE.exec(s);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = DOTTED_RE.exec(s);
  if (m) return iso(year(m[3]!), +m[2]!, +m[1]!);
  m = SLASHED_RE.exec(s);
  if (m) {
    const [a, b] = [+m[1]!, +m[2]!];
    return order === 'dmy' ? iso(year(m[3]!), b, a) : iso(year(m[3]!), a, b);
  }
  m = DAY_MONTH_RE.exec(s);
  if (m) return iso(year(m[3]!), month(m[2]!), +m[1]!);
  m = MONTH_DAY_RE.exec(s);
  if (m) return iso(+m[3]!, month(m[1]!), +m[2]!);
  return null;
}

function year(y: string): number {
  if (y.length === 4) return +y;
  const n = +y;
  return n < 70 ? 2000 + n : 1900 + n;
}

function month(name: string): number {
  // "March", "Mar" and "Sept" all start with their three-letter abbreviation.
  return MONTHS[name.toLowerCase().slice(0, 3)] ?? 0;
}

function iso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export interface OrderDecision {
  order: Exclude<DateOrder, 'auto'>;
  /** Every slash date could be read either way (03/04/2021): month first was assumed. */
  ambiguous: boolean;
  /** Some values only make sense day first and others only month first. */
  conflicting: boolean;
  /** One value that could be read either way, to show the user. */
  example?: string;
}

/**
 * How a column's slash dates are meant: a value like 25/03/2021 proves day first, 03/25/2021
 * month first. With no proof either way, month first (Salesforce's and HubSpot's US-locale
 * exports) is assumed and flagged, so the user can switch it in the mapping step.
 */
export function decideDateOrder(values: Iterable<string>): OrderDecision {
  let dayFirst = false;
  let monthFirst = false;
  let example: string | undefined;
  for (const v of values) {
    const m = SLASHED_RE.exec(v.trim());
    if (!m) continue;
    const [a, b] = [+m[1]!, +m[2]!];
    if (a > 12 && b <= 12) dayFirst = true;
    else if (b > 12 && a <= 12) monthFirst = true;
    else if (a !== b && !example) example = v.trim();
  }
  if (dayFirst && monthFirst) return { order: 'mdy', ambiguous: false, conflicting: true };
  if (dayFirst) return { order: 'dmy', ambiguous: false, conflicting: false };
  if (monthFirst) return { order: 'mdy', ambiguous: false, conflicting: false };
  return { order: 'mdy', ambiguous: example !== undefined, conflicting: false, example };
}
