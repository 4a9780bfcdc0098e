/**
 * When a message was sent, from the date webmail shows beside the sender (Gmail's
 * `span.g3[title]`, Outlook's SentReceivedSavedTime). The text is in the reader's locale and
 * local time. Only the common English forms are read; anything else — another language,
 * "Yesterday", a date with no time, a day/month order the page does not settle — gives
 * `undefined` rather than a guess (the tenure panel's last contact relies on it).
 *
 * Read: "Tue, 3 Nov 2026, 09:12" (en-GB Gmail), "Tue, Nov 3, 2026, 9:12 AM" and
 * "Tue, Nov 3, 2026 at 9:12 AM" (en-US Gmail), "3 November 2026 at 09:12",
 * "Tue 03/11/2026 09:12" (en-GB Outlook), "Tue 11/3/2026 9:12 AM" (en-US Outlook),
 * "2026-11-03 09:12". Numeric dates are day first when a part is over 12, else as `dayFirst`
 * says (the page's language), else month first only with an AM/PM clock (the US habit).
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const TIME = /\b(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])?\.?m?\.?(?![a-z])/i;

/** Day first for English outside the US ("en-GB", "en-AU", "en-IN"); month first for "en-US"; unknown otherwise. */
export function dayFirstFor(lang: string | null | undefined): boolean | undefined {
  const l = (lang ?? '').toLowerCase();
  if (!/^en-[a-z]{2}/.test(l)) return undefined;
  return !l.startsWith('en-us');
}

/** The instant as ISO 8601 (UTC, `Z`), or undefined (see the module comment). */
export function parseMailDate(text: string | null | undefined, dayFirst?: boolean): string | undefined {
  if (!text) return undefined;
  const s = text.replace(/[\u00a0\u202f]/g, ' ').trim();
  const t = TIME.exec(s);
  if (!t) return undefined;
  let hour = +t[1]!;
  const minute = +t[2]!;
  const second = t[3] ? +t[3] : 0;
  const ampm = t[4]?.toLowerCase();
  if (ampm) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (ampm === 'p' ? 12 : 0);
  }
  const day = s.slice(0, t.index) + ' ' + s.slice(t.index + t[0].length);

  let y: number, m: number, d: number;
  let n: RegExpExecArray | null;
  if ((n = /(\d{4})-(\d{2})-(\d{2})/.exec(day))) [y, m, d] = [+n[1]!, +n[2]!, +n[3]!];
  else if ((n = /\b(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})/i.exec(day))) [y, m, d] = [+n[3]!, month(n[2]!), +n[1]!];
  else if ((n = /\b([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})/i.exec(day))) [y, m, d] = [+n[3]!, month(n[1]!), +n[2]!];
  else if ((n = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})/.exec(day))) {
    const a = +n[1]!;
    const b = +n[2]!;
    const first = a > 12 ? true : b > 12 ? false : (dayFirst ?? (ampm ? false : undefined));
    if (first === undefined) return undefined;
    [y, m, d] = first ? [+n[3]!, b, a] : [+n[3]!, a, b];
  } else return undefined;

  if (m < 1 || d < 1 || d > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const at = new Date(y, m - 1, d, hour, minute, second);
  // Rejects 31 Nov and the like (Date would roll them into December).
  if (at.getFullYear() !== y || at.getMonth() !== m - 1 || at.getDate() !== d) return undefined;
  return at.toISOString();
}

function month(name: string): number {
  const k = name.toLowerCase();
  const i = MONTHS.indexOf(k.slice(0, 3));
  // "Mar", "March", "Sept" — but not an unrelated word that happens to start like a month.
  return i >= 0 && (k.length === 3 || k === 'sept' || FULL[i] === k) ? i + 1 : 0;
}
const FULL = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
