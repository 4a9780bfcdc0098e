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
 * "2026-11-03 09:12", "2026/11/3 09:12". Numeric dates are day first when a part is over 12, else as `dayFirst`
 * says (the page's language), else month first only with an AM/PM clock (the US habit).
 *
 * Chinese webmail (Exmail, QQ Mail, NetEase, Alibaba Mail; issue 17) is read too, with the
 * same rule — a date only when it is certain: "2026年12月3日(星期四) 下午2:05",
 * "2026年12月3日 14:05", "2026/12/3 14:05", "昨天 14:05", "今天 上午9:30", "前天 21:00",
 * "12月3日 周三" and "12月3日(周三) 14:05". 上午/凌晨/早上 are before noon, 下午/晚上/傍晚
 * after, 中午 is around noon. A weekday that contradicts the date gives `undefined`. A date
 * without a year is in the year the weekday names (this year or last, never in the future);
 * without a weekday it is this year's only when that day has come (webmail shows the year for
 * older mail). A date without a time is the start of that day. A bare time ("14:05") is not
 * read: which day it means depends on the list it sits in.
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
export function parseMailDate(text: string | null | undefined, dayFirst?: boolean, now: Date = new Date()): string | undefined {
  if (!text) return undefined;
  const s = text.replace(/[\u00a0\u202f\u3000]/g, ' ').trim();
  if (CJK_DATE.test(s)) return parseChineseDate(s, now);
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
  // Year first is never day first: "2026-11-03", "2026/11/3" (Chinese webmail).
  if ((n = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(day))) [y, m, d] = [+n[1]!, +n[2]!, +n[3]!];
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

// ---------------------------------------------------------------------------------------
// Chinese forms

/** A Chinese date word or mark: 年 月 日 号, 星期/周, 上午/下午, 今天/昨天/前天. */
const CJK_DATE = /[年月日号]|星期|周[一二三四五六日天]|[上下中]午|[今昨前]天|凌晨|早上|晚上|傍晚/;
const CN_TIME = /(上午|凌晨|早上|中午|下午|晚上|傍晚)?\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?/;
const CN_WEEKDAY = /(?:星期|周)([一二三四五六日天])/;
const WEEKDAYS = '日一二三四五六';
const DAY_MS = 86_400_000;

function parseChineseDate(s: string, now: Date): string | undefined {
  const t = CN_TIME.exec(s);
  let hour = 0;
  let minute = 0;
  let second = 0;
  let rest = s;
  if (t) {
    hour = +t[2]!;
    minute = +t[3]!;
    second = t[4] ? +t[4] : 0;
    const part = t[1];
    if (part) {
      if (hour > 12) return undefined; // "下午14:05" says the half twice; trust neither
      // A 12-hour clock: 12 is the start of its half; 中午 (noon) is 11–12 before, 1–2 after.
      hour = (hour % 12) + (/下午|晚上|傍晚/.test(part) || (part === '中午' && hour % 12 < 3) ? 12 : 0);
    }
    rest = s.slice(0, t.index) + ' ' + s.slice(t.index + t[0].length);
  }
  const wd = CN_WEEKDAY.exec(rest);
  const weekday = wd ? WEEKDAYS.indexOf(wd[1] === '天' ? '日' : wd[1]!) : undefined;

  let y: number | undefined;
  let m: number;
  let d: number;
  let n: RegExpExecArray | null;
  if ((n = /(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})(?!\d)/.exec(rest))) [y, m, d] = [+n[1]!, +n[2]!, +n[3]!];
  else if ((n = /(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/.exec(rest))) [m, d] = [+n[1]!, +n[2]!];
  else if ((n = /([今昨前])天/.exec(rest))) {
    if (!t) return undefined; // "昨天" alone: a day, but lists show it beside a time
    const back = n[1] === '今' ? 0 : n[1] === '昨' ? 1 : 2;
    // Calendar days back, not 24-hour steps (a clock change in between must not shift the day).
    const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() - back);
    [y, m, d] = [day.getFullYear(), day.getMonth() + 1, day.getDate()];
  } else return undefined;

  if (hour > 23 || minute > 59 || second > 59 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  if (y === undefined) y = yearFor(m, d, hour, minute, weekday, now);
  if (y === undefined) return undefined;
  const at = new Date(y, m - 1, d, hour, minute, second);
  if (at.getFullYear() !== y || at.getMonth() !== m - 1 || at.getDate() !== d) return undefined;
  if (weekday !== undefined && at.getDay() !== weekday) return undefined;
  return at.toISOString();
}

/** The year of a date shown without one: the weekday settles it, else this year if the day has come. */
function yearFor(m: number, d: number, hour: number, minute: number, weekday: number | undefined, now: Date): number | undefined {
  // A day's slack: the sender's clock or zone may run ahead.
  const fits = (y: number) => {
    const at = new Date(y, m - 1, d, hour, minute);
    return at.getMonth() === m - 1 && at.getTime() <= now.getTime() + DAY_MS && (weekday === undefined || at.getDay() === weekday);
  };
  const y = now.getFullYear();
  // A month/day falls on another weekday each year, so this year's or last year's, not both.
  return fits(y) ? y : weekday !== undefined && fits(y - 1) ? y - 1 : undefined;
}
