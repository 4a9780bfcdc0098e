/**
 * Same-origin frames, read from the top frame (issue 17): Exmail and legacy QQ Mail show the
 * list and the opened message in `#mainFrame`; NetEase mail renders the message body into a
 * child frame (about:blank / about:srcdoc). The top frame's content script reaches into them
 * directly — one overlay, one dock, no script in the frames. A cross-origin frame (or one
 * that throws) is simply not there.
 */
import { $, $$ } from './dom';

export interface FrameView {
  /** The frame's current address (it moves on without the `src` attribute following). */
  url: URL;
  doc: Document;
}

/** The document and current address of the first frame matching `selector`, when same-origin and loaded. */
export function frameView(selector: string, root: Document | Element): FrameView | null {
  return viewOf($(selector, root));
}

/** Documents of the frames matching `selector` in `doc` that can be watched (same-origin, loaded), at most 8. */
export function frameDocuments(selector: string, doc: Document): Document[] {
  return $$(selector, doc, 8).flatMap((el) => viewOf(el)?.doc ?? []);
}

function viewOf(el: Element | null): FrameView | null {
  try {
    const doc = (el as HTMLIFrameElement | null)?.contentDocument;
    if (!doc?.documentElement) return null;
    const href = doc.location?.href;
    // about:blank/srcdoc frames inherit the parent's origin; their address says nothing.
    return { url: new URL(href && !href.startsWith('about:') ? href : doc.baseURI || 'about:blank'), doc };
  } catch {
    return null;
  }
}
