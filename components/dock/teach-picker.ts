/**
 * Teach mode's pointer: while active, the element under the mouse is outlined (a box drawn
 * in the dock's own shadow root, so the page's DOM is untouched) and a click picks it instead
 * of reaching the page (a synthetic click, not the user's, is ignored). Escape cancels.
 * Listeners are removed when it ends.
 */
export function startPicking(opts: {
  box: HTMLElement;
  isOurs: (el: Element) => boolean;
  onPick: (el: Element) => void;
  onCancel: () => void;
}): () => void {
  const { box } = opts;
  const target = (e: Event): Element | null => {
    const el = e.target instanceof Element ? e.target : null;
    return el && !opts.isOurs(el) ? el : null;
  };
  const over = (e: MouseEvent) => {
    const el = target(e);
    if (!el) return;
    const r = el.getBoundingClientRect();
    Object.assign(box.style, { display: 'block', left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
  };
  const click = (e: MouseEvent) => {
    // Only the rep's own click teaches: a page script's el.click() or dispatchEvent() could
    // otherwise pick an element of its choosing while teach mode is on (issue 14, finding 9).
    if (!e.isTrusted) return;
    const el = target(e);
    if (!el) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    stop();
    opts.onPick(el);
  };
  const key = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    stop();
    opts.onCancel();
  };
  const stop = () => {
    box.style.display = 'none';
    document.removeEventListener('mouseover', over, true);
    document.removeEventListener('click', click, true);
    document.removeEventListener('keydown', key, true);
  };
  document.addEventListener('mouseover', over, true);
  document.addEventListener('click', click, true);
  document.addEventListener('keydown', key, true);
  return stop;
}
