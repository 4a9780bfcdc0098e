import type { TaughtField, TeachRule } from '@/lib/model/teach';
import { send } from '@/lib/messaging';
import * as msg from '@/lib/messaging/protocol';
import { selectorFor } from '@/lib/sites/selector';
import { generalisePath, taughtAdapter } from '@/lib/sites/taught';
import type { SiteAdapter } from '@/lib/sites/types';
import type { TeachPhase, TeachUi } from './state';
import { startPicking } from './teach-picker';
import css from './teach.css?inline';

/** What the overlay lends teach mode. */
export interface TeachHost {
  root: ShadowRoot;
  host: HTMLElement;
  /** Re-render the dock. */
  paint(): void;
  /** Re-detect the page with the (new) adapters. */
  refresh(): void;
  fail(message: string): void;
}

/** Teach mode as the overlay sees it: its adapters, its state for the panels, its cleanup. */
export interface Teach {
  adapters(): SiteAdapter[];
  ui(): TeachUi;
  stop(): void;
}

export type TeachFactory = (host: TeachHost) => Teach;

/**
 * Teach mode (in-house CRM pages only, so product scripts do not carry it): the user points
 * at the element holding the customer's name, email or website; the rule (host, path
 * pattern, selector) is stored in settings by the background and read on every later visit.
 */
export const createTeach: TeachFactory = (env) => {
  let rules: TeachRule[] = [];
  let phase: TeachPhase = { kind: 'idle' };
  let picked: Element | null = null;
  let stopPicking: (() => void) | null = null;
  const style = document.createElement('style');
  style.textContent = css;
  const box = document.createElement('div');
  box.className = 'pickbox';
  env.root.append(style, box);

  const set = (p: TeachPhase) => {
    phase = p;
    env.paint();
  };
  const cancel = () => {
    stopPicking?.();
    stopPicking = null;
    picked = null;
    set({ kind: 'idle' });
  };
  const start = () => {
    set({ kind: 'picking' });
    stopPicking = startPicking({
      box,
      isOurs: (el) => el === env.host,
      onPick: (el) => {
        picked = el;
        const preview = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80) || el.getAttribute('href') || '';
        set({ kind: 'choosing', preview });
      },
      onCancel: cancel,
    });
  };
  const choose = async (field: TaughtField) => {
    if (!picked) return;
    const rule: TeachRule = {
      id: crypto.randomUUID(),
      host: location.host,
      pathPattern: generalisePath(location.pathname),
      field,
      selector: selectorFor(picked),
      createdAt: new Date().toISOString(),
    };
    picked = null;
    try {
      rules = await send(msg.saveTeachRule, rule);
      set({ kind: 'saved', host: location.host });
    } catch (err) {
      env.fail(err instanceof Error ? err.message : String(err));
      set({ kind: 'idle' });
    }
    env.refresh();
  };

  void send(msg.getTeachRules, { host: location.host })
    .then((r) => {
      rules = r;
      env.refresh();
    })
    .catch((err) => console.debug('[holdfast] could not load taught rules', err));

  return {
    adapters: () => (rules.length ? [taughtAdapter(rules)] : []),
    ui: () => ({ phase, start, choose: (f: TaughtField) => void choose(f), cancel }),
    stop: () => stopPicking?.(),
  };
};
