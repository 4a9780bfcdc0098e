import type { PageSubject } from '../model/page-subject';
import { deepWellFormed } from '../util/well-formed';
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
 * reading instead of taking the dock (or the page) down. Every text the page gave is made
 * well-formed here, where it enters: a name cut inside an emoji or a NUL in a field would
 * otherwise be refused by the schemas (or, before them, stop the team's sync).
 */
export function detectSubject(url: URL, doc: Document, list: readonly SiteAdapter[]): PageSubject | null {
  const adapter = adapterFor(url, list);
  try {
    const subject = adapter.detect(url, doc);
    if (subject) return deepWellFormed(subject);
  } catch (err) {
    console.debug('[holdfast] adapter failed, falling back to generic', adapter.id, err);
  }
  if (adapter === genericAdapter) return null;
  const fallback = genericAdapter.detect(url, doc);
  return fallback && deepWellFormed(fallback);
}
