/**
 * Record fields a CRM page states about the customer — customer since, renewal date,
 * website, owner — read so that the tenure panel can offer to save them (capture from the
 * page). Only what the page says: a value that cannot be read for certain is left out.
 *
 * Each adapter knows where its product shows a field (a hook such as Salesforce's
 * `sfdc:RecordField.Account.CreatedDate`, or a label beside the value) and hands this module
 * a finder; the reading of values — dates as the page writes them, a website's domain, a
 * name — is shared here. This runs in the content script: small, and no layout reads.
 */
import type { PageSubject } from '../model/page-subject';
import { cleanText, deepText, normaliseDomain } from './dom';

export type PageFields = NonNullable<PageSubject['fields']>;

/** Where an adapter looks for each field: hook or label names, in order of preference. */
export interface FieldNames {
  since: readonly string[];
  renewal: readonly string[];
  website: readonly string[];
  owner: readonly string[];
}

/** Regions whose dates are written day first (13/03/2019); en-US writes month first. */
const DAY_FIRST = 'GB AU NZ IE IN ZA SG DE AT CH FR BE NL ES IT PT BR MX AR CL CO SE NO DK FI PL CZ RU TR';
const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec';

/** The ISO date of a real calendar day (two-digit years pivot at 70, as POSIX %y), else undefined. */
function isoDay(y: number, m: number, d: number): string | undefined {
  if (y < 100) y += y < 70 ? 2000 : 1900;
  const ok = y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
  return ok ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : undefined;
}

/** "mar", "March", "Sept." → 3; anything else → NaN. */
const month = (name: string) => {
  const i = MONTHS.indexOf(name.slice(0, 3));
  return i % 3 ? NaN : i / 3 + 1;
};

/**
 * A calendar date as the page writes it — 2019-03-14, 14.03.2019 (day first), 3/14/2019,
 * "14 Mar 2019", "Mar 14, 2019" — with any time of day after it dropped. A slash date that
 * reads differently day first and month first (03/04/2019) is taken only when the page's
 * language names a region whose order is known; otherwise it is left out, never guessed.
 * (The CSV import's lib/import/dates.ts reads the same forms; this smaller copy keeps the
 * content script within its budget.)
 */
export function pageDate(text: string | undefined, doc: Document): string | undefined {
  const t = text?.trim().toLowerCase() ?? '';
  let m = /^(\d{4})[-/.](\d\d?)[-/.](\d\d?)(?!\d)/.exec(t);
  if (m) return isoDay(+m[1]!, +m[2]!, +m[3]!);
  if ((m = /^(\d\d?)\.(\d\d?)\.(\d{4}|\d\d)(?!\d)/.exec(t))) return isoDay(+m[3]!, +m[2]!, +m[1]!);
  if ((m = /^(\d\d?)[-\s]([a-z]{3,9})\.?[-\s](\d{4})(?!\d)/.exec(t))) return isoDay(+m[3]!, month(m[2]!), +m[1]!);
  if ((m = /^([a-z]{3,9})\.? (\d\d?),? (\d{4})(?!\d)/.exec(t))) return isoDay(+m[3]!, month(m[1]!), +m[2]!);
  if (!(m = /^(\d\d?)[/-](\d\d?)[/-](\d{4}|\d\d)(?!\d)/.exec(t))) return undefined;
  const mdy = isoDay(+m[3]!, +m[1]!, +m[2]!);
  const dmy = isoDay(+m[3]!, +m[2]!, +m[1]!);
  if (!mdy || !dmy || mdy === dmy) return mdy ?? dmy;
  const region = /^[a-z]{2,3}-([a-z]{2})\b/i.exec(doc.documentElement.lang)?.[1]?.toUpperCase();
  return region === 'US' ? mdy : region && DAY_FIRST.includes(region) ? dmy : undefined;
}

/** The text a field's value element shows: an input's value, a link's text, or the element's text. */
export function valueText(el: Element | null | undefined): string | undefined {
  if (!el) return undefined;
  const input = el.matches('input, textarea') ? el : el.querySelector('input, textarea');
  if (input) return cleanText((input as HTMLInputElement).value || input.getAttribute('value'));
  return deepText(el);
}

const linkIn = (el: Element | null | undefined) => el && (el.matches('a[href]') ? el : el.querySelector('a[href]'));

/**
 * The fields found by `find` (names → the value element, or nothing). The website is taken
 * from a link's address when there is one, its shown text otherwise; the owner from a link's
 * text when there is one (a user link, without the "[Change]" beside it).
 */
export function readPageFields(doc: Document, names: FieldNames, find: (names: readonly string[]) => Element | null | undefined): PageFields {
  const site = find(names.website);
  const owner = find(names.owner);
  return {
    customerSince: pageDate(valueText(find(names.since)), doc),
    renewalDate: pageDate(valueText(find(names.renewal)), doc),
    website: normaliseDomain(linkIn(site)?.getAttribute('href')) ?? normaliseDomain(valueText(site)),
    ownerName: valueText(linkIn(owner) ?? owner),
  };
}

/** A finder over `labelValues` (lib/sites/dom.ts): the first of `names` the page labels. */
export function byLabel(values: Map<string, Element>): (names: readonly string[]) => Element | undefined {
  return (names) => {
    for (const n of names) {
      const el = values.get(n);
      if (el) return el;
    }
    return undefined;
  };
}
