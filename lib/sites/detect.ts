import type { PageSubject } from '../model/page-subject';
import type { SiteAdapter } from './types';
import { genericAdapter } from './generic';

/** The first adapter that serves `url`, or the generic one. */
export function adapterFor(url: URL, list: readonly SiteAdapter[]): SiteAdapter {
  return list.find((a) => safeMatch(a, url)) ?? genericAdapter;
}

function safeMatch(a: SiteAdapter, url: URL): boolean {
  try {
    return a.matches(url);
  } catch {
    return false;
  }
}

/**
 * Detect the page's subject. A throwing or empty product adapter degrades to the generic
 * reading instead of taking the dock (or the page) down.
 */
export function detectSubject(url: URL, doc: Document, list: readonly SiteAdapter[]): PageSubject | null {
  const adapter = adapterFor(url, list);
  try {
    const subject = adapter.detect(url, doc);
    if (subject) return subject;
  } catch (err) {
    console.debug('[holdfast] adapter failed, falling back to generic', adapter.id, err);
  }
  return adapter === genericAdapter ? null : genericAdapter.detect(url, doc);
}
