import type { PageSubject } from '../model/page-subject';

/**
 * One adapter per product. It says which pages it serves and turns (URL, document) into a
 * PageSubject. It must never throw into the page: the registry catches, but an adapter
 * should return `null` when it does not recognise the page.
 */
export interface SiteAdapter {
  /** Stable id, stored as PageSubject.site and in CRM references. */
  id: string;
  /** Pure predicate on the URL: does this adapter serve this address? */
  matches(url: URL): boolean;
  /** Read the subject. `doc` is the live document in the content script, a parsed fixture in tests. */
  detect(url: URL, doc: Document): PageSubject | null;
}
