import type { SiteAdapter } from './types';
import { companyDomains, emailsIn, nameFromTitle } from './extract';

/** How much of the page's text the generic adapter scans for emails: bounded, so big pages stay cheap. */
const TEXT_SCAN_LIMIT = 50_000;

/**
 * The fallback for every page no product adapter claims: the page title as the name,
 * emails from mailto links, `[email]` attributes and the visible text, and the company
 * domains of those emails.
 */
export const genericAdapter: SiteAdapter = {
  id: 'generic',
  matches: () => true,
  detect(_url, doc) {
    const found: string[] = [];
    for (const a of doc.querySelectorAll<HTMLAnchorElement>('a[href^="mailto:" i]')) {
      found.push(...emailsIn(decodeURIComponent(a.getAttribute('href') ?? '').slice(7)));
    }
    for (const el of doc.querySelectorAll('[email]')) found.push(...emailsIn(el.getAttribute('email') ?? ''));
    found.push(...emailsIn((doc.body?.textContent ?? '').slice(0, TEXT_SCAN_LIMIT)));
    const emails = [...new Set(found)].slice(0, 200);
    return {
      site: 'generic',
      name: nameFromTitle(doc.title),
      emails,
      domains: companyDomains(emails),
    };
  },
};
