import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** How long the page may keep changing before we look again: one detection per burst. */
const DEBOUNCE_MS = 50;

/**
 * Calls `onChange` (debounced) when the page navigates in place: the Navigation API where
 * the browser has it, history events otherwise, and one observer scoped to <title>, which
 * single-page CRMs rewrite on every record. Never polls.
 */
export function watchNavigation(ctx: ContentScriptContext, onChange: () => void): void {
  let timer: number | undefined;
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(() => {
      timer = undefined;
      onChange();
    }, DEBOUNCE_MS);
  };

  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  if (nav) ctx.addEventListener(nav as Window, 'navigatesuccess' as keyof WindowEventMap, schedule);
  ctx.addEventListener(window, 'popstate', schedule);
  ctx.addEventListener(window, 'hashchange', schedule);

  const head = document.head ?? document.documentElement;
  const observer = new MutationObserver((records) => {
    if (records.some((r) => isInTitle(r.target))) schedule();
  });
  observer.observe(head, { subtree: true, childList: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());
}

function isInTitle(node: Node): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return !!el && (el.nodeName === 'TITLE' || el.nodeName === 'HEAD');
}
