import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Dock, type DockState } from './Dock';
import type { PageSubject } from '@/lib/model/page-subject';
import type { SubjectInfo } from '@/lib/messaging/protocol';
import { handle, send } from '@/lib/messaging';
import * as msg from '@/lib/messaging/protocol';
import { detectSubject } from '@/lib/sites/detect';
import type { SiteAdapter } from '@/lib/sites/types';
import { mark, timed } from '@/lib/util/perf';
import { mountShadowHost } from './mount';
import { watchNavigation } from './navigation';
import type { Teach, TeachFactory } from './teach';

export interface OverlayOptions {
  /** Offer teach mode (in-house CRM pages): its rules become an adapter tried first. */
  teach?: TeachFactory;
}

const EMPTY_SUBJECT: PageSubject = { site: 'generic', emails: [], domains: [] };

/**
 * The overlay's life on one page: detect the subject, ask the background what it knows,
 * render the dock, and do it again when the page navigates in place or data changes.
 */
export function startOverlay(ctx: ContentScriptContext, productAdapters: readonly SiteAdapter[], opts: OverlayOptions = {}): void {
  const { host, root, container } = timed('mount', mountShadowHost);
  let state: DockState = { kind: 'none' };
  let lastKey = '';
  let generation = 0;
  /** A customer the rep picked by hand for this page; forgotten when the page changes. */
  let picked: string | null = null;
  // Assigned once the dock exists (teach mode draws into it); product pages have none.
  let teach: Teach | null = null;
  const adapters = () => (teach ? [...teach.adapters(), ...productAdapters] : productAdapters);

  const paint = () =>
    timed('render', () =>
      render(
        h(Dock, {
          state,
          onAddCustomer: (s: PageSubject) => void ask(s, () => send(msg.addCustomerFromSubject, s)),
          pick: {
            search: (query: string) => send(msg.searchCustomers, { query }),
            onPick: (customerId: string) => {
              picked = customerId;
              const s = currentSubject();
              void ask(s, () => send(msg.pickCustomer, { customerId, subject: s }));
            },
          },
          extra: teach?.view(),
        }),
        container,
      ),
    );

  const currentSubject = () => (state.kind === 'none' || !state.subject ? EMPTY_SUBJECT : state.subject);

  /** Ask the background; only the newest question's answer is shown. */
  async function ask(subject: PageSubject, question: () => Promise<SubjectInfo>) {
    const mine = ++generation;
    if (state.kind !== 'ready') {
      state = { kind: 'loading', subject };
      paint();
    }
    try {
      const info = await question();
      if (mine !== generation || ctx.isInvalid) return;
      state = { kind: 'ready', subject, info };
    } catch (err) {
      if (mine !== generation || ctx.isInvalid) return;
      state = { kind: 'error', subject, message: err instanceof Error ? err.message : String(err) };
    }
    paint();
    mark('holdfast:dock-updated');
  }

  /** Re-read the page; ask the background only when the subject really changed (or `force`). */
  function refresh(force = false) {
    if (ctx.isInvalid) return;
    const subject = timed('detect', () => detectSubject(new URL(location.href), document, adapters()));
    const key = location.pathname + JSON.stringify(subject);
    if (!force && key === lastKey) return;
    if (key !== lastKey) picked = null;
    lastKey = key;
    const s = subject ?? EMPTY_SUBJECT;
    if (picked) {
      const id = picked;
      void ask(s, () => send(msg.pickCustomer, { customerId: id, subject: s }));
    } else if (subject) void ask(subject, () => send(msg.lookupSubject, subject));
    else {
      generation++;
      state = { kind: 'none' };
      paint();
    }
  }

  const fail = (message: string) => {
    state = { kind: 'error', subject: currentSubject(), message };
    paint();
  };

  // Start ----------------------------------------------------------------------------------
  if (opts.teach) teach = opts.teach({ root, host, paint, refresh: () => refresh(true), fail });
  paint();
  mark('holdfast:dock-visible');
  refresh(true);

  watchNavigation(ctx, () => refresh());
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'visible') refresh(true);
  });
  const stopData = handle(msg.dataChanged, () => {
    refresh(true);
    return null;
  });
  const stopSubject = handle(msg.getPageSubject, () => (state.kind === 'none' ? null : state.subject));

  ctx.onInvalidated(() => {
    teach?.stop();
    stopData();
    stopSubject();
    render(null, container);
    host.remove();
  });
}
