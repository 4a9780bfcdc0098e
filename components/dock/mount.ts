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
  // The count of open problems on a disc in the risk's colour (tab.css); the label says both.
  const badge = el('span', 'badge');
  badge.hidden = true;
  badge.setAttribute('aria-hidden', 'true');
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

/** What the collapsed tab shows of the customer's retention risk (a TenureSummary's part). */
export interface TabRisk {
  prospect: boolean;
  risk: { level: string; signals: Array<{ code: string; args: string[] }> };
}

/**
 * The tab: open or closed and, for a known customer (`openProblems` not null), the count of open
 * problems on a disc in the retention risk's colour (data-risk, tab.css; issue 13's levels).
 * Its label and tooltip say the same in words, after any `news` (a coach's move): the count,
 * and the risk with its top reason only while collapsed (open, the panels' header shows it).
 */
export function paintTab(dom: DockDom, open: boolean, openProblems: number | null, tenure?: TabRisk, news?: string): void {
  const level = tenure ? (tenure.prospect ? 'prospect' : tenure.risk.level) : '';
  // News first: it is why the rep should look now.
  const words = [t(open ? 'dockClose' : 'dockOpen')];
  if (news) words.push(news);
  if (openProblems !== null) words.push(t('dockProblems', openProblems));
  if (level) dom.tab.dataset.risk = level;
  else delete dom.tab.dataset.risk;
  if (tenure && !open) words.push(riskText(tenure));
  dom.tab.title = dom.label.textContent = words.join(' · ');
  dom.tab.setAttribute('aria-expanded', String(open));
  dom.badge.hidden = openProblems === null;
  dom.badge.textContent = String(openProblems ?? '');
  dom.panels.hidden = !open;
}

/** "Retention risk: medium — No revenue in the last 12 months", or "Prospect". */
function riskText({ prospect, risk }: TabRisk): string {
  if (prospect) return t('tenure_prospect');
  const text = t('tenure_risk', t(`tenure_risk_${risk.level}` as MessageKey));
  const signal = risk.signals[0];
  // The code comes from the background's own list; an unknown one just has no words.
  const args = signal?.args.map((a) => (/^\d{4}-\d{2}-\d{2}$/.test(a) ? new Date(a).toLocaleDateString(undefined, { dateStyle: 'medium', timeZone: 'UTC' }) : a));
  const reason = signal ? t(`tenure_signal_${signal.code}` as MessageKey, ...args!) : '';
  return reason && !reason.startsWith('tenure_') ? `${text} — ${reason}` : text;
}
