import type { SiteAdapter } from './types';
import { companyDomains, emailsIn, emailsUnder, subject, titleParts } from './dom';

/** How much of the page's text the generic adapter scans for emails: bounded, so big pages stay cheap. */
const TEXT_SCAN_LIMIT = 50_000;

/**
 * The fallback for every page no product adapter claims: the first part of the page title
 * as the name, emails from mailto links, `[email]` attributes and the text, and the company
 * domains of those emails (free-mail providers left out).
 */
export const genericAdapter: SiteAdapter = {
  id: 'generic',
  matches: () => true,
  detect(_url, doc) {
    const emails = [...emailsUnder(doc, { attrs: ['email'] }), ...emailsIn((doc.body?.textContent ?? '').slice(0, TEXT_SCAN_LIMIT))];
    return subject('generic', {
      name: titleParts(doc.title, /\s[|–—-]\s/)[0],
      emails,
      domains: companyDomains(emails),
    });
  },
};
