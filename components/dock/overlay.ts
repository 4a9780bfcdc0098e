import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Dock, type DockState } from './Dock';
import type { PageSubject } from '@/lib/model/page-subject';
import { handle, send } from '@/lib/messaging';
import { detectSubject } from '@/lib/sites/detect';
import type { SiteAdapter } from '@/lib/sites/types';
import { mark, timed } from '@/lib/util/perf';
import { mountShadowHost } from './mount';
import { watchNavigation } from './navigation';

/**
 * The overlay's life on one page: detect the subject, ask the background what it knows,
 * render the dock, and do it again when the page navigates in place or data changes.
 */
export function startOverlay(ctx: ContentScriptContext, adapters: readonly SiteAdapter[]): void {
  const { host, container } = timed('mount', mountShadowHost);
  let state: DockState = { kind: 'none' };
  let lastKey = '';
  let generation = 0;

  const paint = () =>
    timed('render', () => render(h(Dock, { state, onAddCustomer: (s: PageSubject) => void lookup(s, 'addCustomerFromSubject') }), container));

  async function lookup(subject: PageSubject, type: 'lookupSubject' | 'addCustomerFromSubject' = 'lookupSubject') {
    const mine = ++generation;
    if (state.kind !== 'ready') {
      state = { kind: 'loading', subject };
      paint();
    }
    try {
      const info = await send(type, subject);
      if (mine !== generation || ctx.isInvalid) return; // a newer page state won
      state = { kind: 'ready', subject, info };
    } catch (err) {
      if (mine !== generation || ctx.isInvalid) return;
      state = { kind: 'error', subject, message: err instanceof Error ? err.message : String(err) };
    }
    paint();
  }

  /** Re-read the page; ask the background only when the subject really changed (or `force`). */
  function refresh(force = false) {
    if (ctx.isInvalid) return;
    const subject = timed('detect', () => detectSubject(new URL(location.href), document, adapters));
    const key = JSON.stringify(subject);
    if (!force && key === lastKey) return;
    lastKey = key;
    if (subject) void lookup(subject);
    else {
      generation++;
      state = { kind: 'none' };
      paint();
    }
  }

  paint();
  mark('holdfast:dock-visible');
  refresh(true);

  watchNavigation(ctx, () => refresh());
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'visible') refresh(true);
  });
  const stopData = handle('dataChanged', () => {
    refresh(true);
    return null;
  });
  const stopSubject = handle('getPageSubject', () => (state.kind === 'none' ? null : state.subject));

  ctx.onInvalidated(() => {
    stopData();
    stopSubject();
    render(null, container);
    host.remove();
  });
}
