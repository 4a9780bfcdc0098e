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
  /**
   * Pages that show a new subject without a navigation the overlay would notice (issue 17):
   * the overlay, which runs in the top frame only, watches these too.
   */
  watch?: SiteWatch;
}

export interface SiteWatch {
  /**
   * Same-origin frames (a selector) the subject lives in, as in Exmail's `#mainFrame`: their
   * loads count as navigations and their documents are watched while the page settles. The
   * overlay reads them from the top frame; no script runs inside them.
   */
  frames?: string;
  /** A click may open another item with neither the address nor the title changing. */
  input?: boolean;
}
