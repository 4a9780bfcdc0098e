import type { TeachRule } from '../model/teach';
import type { SiteAdapter } from './types';
import { companyDomains, emailsIn, normaliseDomain, subject, textOf } from './dom';

/** `*` is one path segment, a trailing `**` any rest; everything else is literal. */
export function pathMatches(pattern: string, path: string): boolean {
  const p = pattern.split('/');
  const s = path.split('/');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '**' && i === p.length - 1) return true;
    if (i >= s.length) return false;
    if (p[i] !== '*' && p[i] !== s[i]) return false;
  }
  return p.length === s.length;
}

/**
 * The path pattern a rule taught on `path` should apply to: segments that look like record
 * ids (digits, GUIDs, long tokens) become `*`, so the rule covers every record of that kind.
 */
export function generalisePath(path: string): string {
  return path
    .split('/')
    .map((seg) => (/\d/.test(seg) || seg.length > 24 ? '*' : seg))
    .join('/');
}

/** An adapter made of the user's rules for one host (teach mode). */
export function taughtAdapter(rules: readonly TeachRule[]): SiteAdapter {
  const applicable = (url: URL) => rules.filter((r) => r.host === url.host && pathMatches(r.pathPattern, url.pathname));
  return {
    id: 'taught',
    matches: (url) => applicable(url).length > 0,
    detect(url, doc) {
      let name: string | undefined;
      const emails: string[] = [];
      const domains: string[] = [];
      for (const rule of applicable(url)) {
        const el = doc.querySelector(rule.selector);
        const text = textOf(el) ?? el?.getAttribute('href') ?? undefined;
        if (!text) continue;
        if (rule.field === 'name') name ??= text;
        else if (rule.field === 'email') emails.push(...emailsIn(text), ...emailsIn(el?.getAttribute('href')));
        else {
          const d = normaliseDomain(el?.getAttribute('href') ?? text);
          if (d) domains.push(d);
        }
      }
      // Nothing found (the page changed): let the generic reading take over.
      if (!name && !emails.length && !domains.length) return null;
      return subject('generic', { name, emails, domains: [...domains, ...companyDomains(emails)] });
    },
  };
}
