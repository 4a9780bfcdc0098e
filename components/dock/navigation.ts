import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { frameDocuments } from '@/lib/sites/frames';
import type { SiteWatch } from '@/lib/sites/types';
import { timed } from '@/lib/util/perf';

/** How long the page may keep changing before we look again: one detection per burst. */
const DEBOUNCE_MS = 50;
/** A page that never stops changing (a busy inbox) still gets looked at this often. */
const MAX_WAIT_MS = 300;
/**
 * How long after a load or an in-place navigation the body is watched. Single-page CRMs
 * render the new record within this time; afterwards a settled page's own churn (an inbox
 * refreshing, a live feed) costs Holdfast nothing, because the body observer is disconnected
 * until the next navigation.
 */
export const SETTLE_MS = 8_000;

const SELECTION: MutationObserverInit = { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-selected', 'class'] };


/**
 * Calls `onChange` (debounced) when the page navigates in place or renders a new record: the
 * Navigation API where the browser has it, history events otherwise, an observer on <title>
 * (single-page CRMs rename the tab with each record), and, while the page settles after a
 * navigation, one observer on the body whose callback only resets a timer. Never polls.
 * Products whose adapter asks for it (`SiteWatch`, issue 17): loads of the same-origin frames
 * the subject lives in count as navigations and those frames' bodies are watched while
 * settling; a click starts a settle where opening a mail changes neither address nor title.
 */
export function watchNavigation(ctx: ContentScriptContext, onChange: () => void, watch: SiteWatch = {}): void {
  let timer: number | undefined;
  let firstAt = 0;
  const fire = () => {
    timer = undefined;
    firstAt = 0;
    onChange();
  };
  const schedule = () => {
    const now = performance.now();
    if (!firstAt) firstAt = now;
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(fire, now - firstAt >= MAX_WAIT_MS ? 0 : DEBOUNCE_MS);
  };

  const body = new MutationObserver(schedule);
  let settle: number | undefined;
  /** Frame documents already observed: their own load event then says nothing new. */
  const watched = new WeakSet<Document>();
  /** Watch the body for SETTLE_MS from now (again). */
  const watchBody = () => {
    // Where a click opens an item in place, selecting a row may change only its attributes.
    if (settle === undefined && document.body) body.observe(document.body, watch.input ? SELECTION : { subtree: true, childList: true });
    // A frame's document is new after each of its loads: observe the current one (observing a
    // node twice with the same observer only replaces its options).
    if (watch.frames) {
      const frames = watch.frames;
      timed('frame-watch', () => {
        for (const d of frameDocuments(frames, document)) {
          watched.add(d);
          if (d.body) body.observe(d.body, { subtree: true, childList: true });
        }
      });
    }
    if (settle !== undefined) clearTimeout(settle);
    settle = ctx.setTimeout(() => {
      settle = undefined;
      body.disconnect();
    }, SETTLE_MS);
  };
  const navigated = () => {
    watchBody();
    schedule();
  };

  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  if (nav) ctx.addEventListener(nav as Window, 'navigatesuccess' as keyof WindowEventMap, navigated);
  ctx.addEventListener(window, 'popstate', navigated);
  ctx.addEventListener(window, 'hashchange', navigated);
  if (watch.frames) {
    const frames = watch.frames;
    // A frame's load does not bubble, but the capture phase passes the top document.
    ctx.addEventListener(document, 'load', (e) => {
      const el = e.target as HTMLIFrameElement;
      // A frame whose document is already read and watched (it loaded before we started) is not news.
      if (el.matches?.(frames) && !(el.contentDocument && watched.has(el.contentDocument))) navigated();
    }, { capture: true });
  }
  if (watch.input) {
    ctx.addEventListener(document, 'click', navigated, { capture: true });
  }
  const title = new MutationObserver(navigated);
  title.observe(document.head ?? document.documentElement, { subtree: true, childList: true, characterData: true });
  watchBody();

  ctx.onInvalidated(() => {
    title.disconnect();
    body.disconnect();
    if (timer !== undefined) clearTimeout(timer);
    if (settle !== undefined) clearTimeout(settle);
  });
}
