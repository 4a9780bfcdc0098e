/**
 * A coach changing employer (the article: a coach who moves can bring the new company in as
 * a customer). Seen from mail: a known coach writes from a company domain that is not their
 * current employer's. Free-mail addresses say nothing about an employer and are ignored, as
 * are domains the rep marked "not a move" (a board seat, a consultancy: `otherDomains`).
 * Writing from a former employer's domain is a move back.
 */
import type { Coach } from '../model';
import { FREE_MAIL_DOMAINS } from '../sites/dom';

type Employment = Coach['employers'][number];

/** The employment without an end date; with several open ones, the one that started last. */
export function currentEmployment(coach: Pick<Coach, 'employers'>): Employment | undefined {
  let best: Employment | undefined;
  for (const e of coach.employers) {
    if (e.to !== undefined) continue;
    if (!best || (e.from ?? '') >= (best.from ?? '')) best = e;
  }
  return best;
}

export function domainOf(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  const d = at < 0 ? '' : email.slice(at + 1).toLowerCase();
  return d || undefined;
}

/** The same organisation's mail: equal domains, or one a subdomain of the other (eu.acme.com, acme.com). */
export function sameOrg(a: string, b: string): boolean {
  return a === b || a.endsWith('.' + b) || b.endsWith('.' + a);
}

export type Move =
  | { kind: 'move'; domain: string }
  /** Back to a former employer: `company` as the history names it. */
  | { kind: 'back'; domain: string; company: string };

/**
 * Does a message from `from` show that the coach moved? Null when it does not, or when the
 * history cannot tell: a current employment with no domain gives nothing to compare with.
 */
export function detectMove(coach: Pick<Coach, 'employers' | 'otherDomains'>, from: string, freeMail: ReadonlySet<string> = FREE_MAIL_DOMAINS): Move | null {
  const domain = domainOf(from);
  if (!domain || freeMail.has(domain)) return null;
  if (coach.otherDomains?.some((d) => sameOrg(d, domain))) return null;
  const current = currentEmployment(coach);
  if (current) {
    if (current.domain === undefined) return null;
    if (sameOrg(current.domain, domain)) return null;
  }
  // The latest former employment at that domain names the company we would be back at.
  const former = coach.employers.filter((e) => e !== current && e.domain !== undefined && sameOrg(e.domain, domain));
  const last = former.reduce<Employment | undefined>((a, e) => (!a || (e.from ?? '') >= (a.from ?? '') ? e : a), undefined);
  return last ? { kind: 'back', domain: last.domain!, company: last.company } : { kind: 'move', domain };
}

/**
 * The employer history after a move on `date`: every open employment ends that day (never
 * before it started), and the new one opens. A move back opens a new employment at the former
 * employer rather than reopening the old one, so the gap stays in the history.
 */
export function applyMove(employers: Coach['employers'], next: { company: string; domain?: string | undefined }, date: string): Coach['employers'] {
  const closed = employers.map((e) => (e.to === undefined ? { ...e, to: e.from !== undefined && e.from > date ? e.from : date } : e));
  return [...closed, { company: next.company, ...(next.domain ? { domain: next.domain } : {}), from: date }];
}
