import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageSubject } from '@/lib/model/page-subject';
import type { SubjectInfo } from '@/lib/messaging/protocol';
import { handle, send } from '@/lib/messaging';
import { t } from '@/lib/i18n';
import * as msg from '@/lib/messaging/protocol';
import { detectSubject } from '@/lib/sites/detect';
import type { SiteAdapter, SiteWatch } from '@/lib/sites/types';
import { mark, measure, timed } from '@/lib/util/perf';
import type { DockPlacement } from '@/lib/prefs/display';
import { hostLooksDark } from './host-theme';
import { mountDock, paintTab, placeDock } from './mount';
import { watchNavigation } from './navigation';
import { PANELS_GLOBAL, type DockState, type PanelsApi, type PanelsProps } from './state';
import type { Teach, TeachFactory } from './teach';

export interface OverlayOptions {
  /** Offer teach mode (in-house CRM pages): its rules become an adapter tried first. */
  teach?: TeachFactory;
  /** Where the dock sits on this site (Options → Sites); hidden still answers the popup. */
  placement?: DockPlacement;
}

/** What the running overlay lets its starter change. */
export interface Overlay {
  place(placement: DockPlacement): void;
}

const EMPTY_SUBJECT: PageSubject = { site: 'generic', emails: [], domains: [] };

/** What the product adapters ask the navigation watch to follow besides the address (frames, input). */
function watchOf(adapters: readonly SiteAdapter[]): SiteWatch {
  const frames = adapters.map((a) => a.watch?.frames).filter(Boolean).join(', ');
  return { ...(frames ? { frames } : {}), input: adapters.some((a) => a.watch?.input) };
}

/**
 * The overlay's life on one page: detect the subject, ask the background what it knows,
 * show it on the collapsed tab, and in the panels once the user opens them; do it again when
 * the page navigates in place or data changes.
 */
export function startOverlay(ctx: ContentScriptContext, productAdapters: readonly SiteAdapter[], opts: OverlayOptions = {}): Overlay {
  const dom = timed('mount', () => mountDock(opts.placement));
  let state: DockState = { kind: 'none' };
  let open = false;
  let panels: PanelsApi | null = null;
  let lastKey = '';
  let generation = 0;
  /** A customer the rep picked by hand for this page; forgotten when the page changes. */
  let picked: string | null = null;
  let teach: Teach | null = null;
  const adapters = () => (teach ? [...teach.adapters(), ...productAdapters] : productAdapters);

  const currentSubject = () => (state.kind === 'none' || !state.subject ? EMPTY_SUBJECT : state.subject);

  const props = (): PanelsProps => ({
    state,
    onAddCustomer: (s) => void ask(s, () => send(msg.addCustomerFromSubject, s)),
    search: (query) => send(msg.searchCustomers, { query }),
    onPick: (customerId) => {
      picked = customerId;
      const s = currentSubject();
      void ask(s, () => send(msg.pickCustomer, { customerId, subject: s }));
    },
    teach: teach?.ui(),
    onOwnerAction: async (problemId, action) => {
      const reply = await send(msg.ownerAct, { problemId, action });
      if (reply.ok) refresh(true);
      return reply;
    },
    onLogProblem: () => void send(msg.openQuickLog, null).catch(() => undefined),
    request: send,
    onChanged: () => refresh(true),
    onClose: collapse,
    onCoachAction: async (action) => {
      const reply = await send(msg.coachAct, { subject: currentSubject(), action });
      if (reply.ok) refresh(true);
      return reply;
    },
  });

  function paint() {
    timed('render', () => {
      const info = state.kind === 'ready' ? state.info : undefined;
      // A coach writing from a new company is news even while the dock is collapsed.
      const moved = !!info?.coach?.moves.length;
      dom.tab.classList.toggle('coach-move', moved);
      paintTab(dom, open, info?.customer ? info.openProblems.length : null, info?.tenure, moved ? t('coachMoveTab') : '');
      if (open && panels) panels.render(dom.root, dom.panels, props());
    });
  }

  /** The panels load on first open: the background injects them into this isolated world. */
  async function setOpen(next: boolean) {
    open = next;
    // The host may have switched theme since load (Gmail's dark mode); one style read per open.
    if (open) dom.dock.classList.toggle('host-dark', hostLooksDark());
    if (open && !panels) {
      const start = performance.now();
      try {
        await send(msg.loadPanels, null);
        panels = ((globalThis as Record<string, unknown>)[PANELS_GLOBAL] as PanelsApi | undefined) ?? null;
        if (!panels) throw new Error('panels did not load');
        paint();
        measure('holdfast:panels-first-open', start);
        return;
      } catch (err) {
        open = false;
        state = { kind: 'error', subject: currentSubject(), message: err instanceof Error ? err.message : String(err) };
        console.debug('[holdfast] could not load the dock panels', err);
      }
    }
    paint();
  }

  /** Escape or the panels' close button: collapse, and the keyboard goes back to the tab. */
  function collapse() {
    void setOpen(false);
    dom.tab.focus();
  }

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
  if (opts.teach) teach = opts.teach({ root: dom.root, host: dom.host, paint, refresh: () => refresh(true), fail });
  paint();
  mark('holdfast:dock-visible');
  // After the first paint: reading the page's computed background must not delay the tab.
  requestAnimationFrame(() => dom.dock.classList.toggle('host-dark', hostLooksDark()));
  refresh(true);

  ctx.addEventListener(dom.tab, 'click', () => void setOpen(!open));
  // keydown is composed: it reaches the shadow root only while focus is inside the dock.
  ctx.addEventListener(dom.root as unknown as HTMLElement, 'keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Escape' && open) collapse();
  });
  watchNavigation(ctx, () => refresh(), watchOf(productAdapters));
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
    panels?.unmount(dom.panels);
    dom.host.remove();
  });
  return { place: (placement) => placeDock(dom, placement) };
}
