import css from './tab.css?inline';
import { t, type MessageKey } from '@/lib/i18n';
import type { DockPlacement } from '@/lib/prefs/display';

export interface DockDom {
  host: HTMLElement;
  root: ShadowRoot;
  /** The collapsed tab: a real button, so it is focusable and speaks its state. */
  tab: HTMLButtonElement;
  badge: HTMLElement;
  label: HTMLElement;
  /** Where the panels render once loaded. */
  panels: HTMLElement;
  /** The box inside the shadow root that holds tab and panels; `left` mirrors it. */
  dock: HTMLElement;
}

/**
 * The dock's home: a custom element on <html> with a closed shadow root, so the page cannot
 * read or restyle it and our styles never touch the page. The collapsed tab is plain DOM
 * (no UI library in the content script); text goes in through textContent only. (WXT's
 * createShadowRootUi fetches its CSS asynchronously; inlining keeps the first paint fast.)
 */
function hostStyle(placement: DockPlacement): string {
  const edge = placement === 'left' ? 'left: 0' : 'right: 0';
  // Hidden on this site: the element stays (the popup still asks it what the page is about).
  const display = placement === 'hidden' ? 'display: none' : 'display: block';
  return ['all: initial', display, 'visibility: visible', 'opacity: 1', 'position: fixed', edge, 'bottom: 96px', 'z-index: 2147483646', 'pointer-events: auto']
    .map((d) => `${d} !important`)
    .join('; ');
}

/** Put the dock where the user wants it on this site (Options → Sites). */
export function placeDock(dom: DockDom, placement: DockPlacement): void {
  // Inline !important outranks any page stylesheet, even one that restyles every element.
  dom.host.setAttribute('style', hostStyle(placement));
  dom.dock.classList.toggle('left', placement === 'left');
}

export function mountDock(placement: DockPlacement = 'right'): DockDom {
  const host = document.createElement('holdfast-dock');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  const dock = el('div', 'dock');
  const tab = el('button', 'tab') as HTMLButtonElement;
  tab.type = 'button';
  tab.setAttribute('aria-expanded', 'false');
  tab.setAttribute('aria-controls', 'holdfast-panels');
  const logo = el('span', 'logo');
  logo.textContent = 'H';
  logo.setAttribute('aria-hidden', 'true');
  const label = el('span', 'sr');
  const badge = el('span', 'badge');
  badge.hidden = true;
  badge.setAttribute('aria-label', t('panelOwner'));
  tab.append(logo, label, badge);
  const panels = el('div', 'panels-host');
  dock.append(tab, panels);
  root.append(style, dock);
  const dom = { host, root, tab, badge, label, panels, dock };
  placeDock(dom, placement);
  document.documentElement.append(host);
  return dom;
}

function el(tag: string, className: string): HTMLElement {
  const e = document.createElement(tag);
  e.className = className;
  return e;
}

/** Show the open/closed state and the count of open problems on the tab. */
export function paintTab(dom: DockDom, open: boolean, openProblems: number): void {
  const text = open ? t('dockClose') : t('dockOpen');
  dom.tab.setAttribute('aria-expanded', String(open));
  dom.tab.title = text;
  dom.label.textContent = text;
  dom.badge.hidden = openProblems === 0;
  dom.badge.textContent = openProblems ? String(openProblems) : '';
  dom.panels.hidden = !open;
}

/** What the collapsed tab says of the customer's risk: the level as a colour, the top reason in words. */
export interface TabRisk {
  level: string;
  prospect: boolean;
  signal?: { code: string; args: string[] } | undefined;
}

/**
 * The retention risk on the collapsed tab (issue 13): a coloured bar (data-risk, tab.css) and,
 * for screen readers and the tooltip, the level with its top reason. Nothing for no customer.
 * The words only while collapsed: open, the panels show the same chip.
 */
export function paintRisk(dom: DockDom, risk: TabRisk | undefined, say = true): void {
  const level = risk ? (risk.prospect ? 'prospect' : risk.level) : '';
  if (level) dom.tab.dataset.risk = level;
  else delete dom.tab.dataset.risk;
  if (!risk || !say) return;
  let text: string;
  if (risk.prospect) text = t('tenure_prospect');
  else {
    text = t('tenure_risk', t(`tenure_risk_${risk.level}` as MessageKey));
    // The code comes from the background's own list; an unknown one just has no words.
    const args = risk.signal?.args.map((a) => (/^\d{4}-\d{2}-\d{2}$/.test(a) ? new Date(a).toLocaleDateString(undefined, { dateStyle: 'medium', timeZone: 'UTC' }) : a));
    const reason = risk.signal ? t(`tenure_signal_${risk.signal.code}` as MessageKey, ...args!) : '';
    if (reason && !reason.startsWith('tenure_')) text += ` — ${reason}`;
  }
  dom.tab.title = dom.label.textContent = `${dom.label.textContent ?? ''} · ${text}`;
}
