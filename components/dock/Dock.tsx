import { Component, createRef, type ComponentChild } from 'preact';
import { isListPage, type PageSubject } from '@/lib/model/page-subject';
import type { SubjectInfo } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n';
import { TenurePanel } from './TenurePanel';
import { OwnerPanel } from './OwnerPanel';
import { PodPanel } from './PodPanel';
import { PanelBoundary } from './PanelBoundary';
import { ManualPick, type PickProps } from './ManualPick';

export type DockState =
  | { kind: 'none' }
  | { kind: 'loading'; subject: PageSubject }
  | { kind: 'ready'; subject: PageSubject; info: SubjectInfo }
  | { kind: 'error'; subject: PageSubject | null; message: string };

export interface DockProps {
  state: DockState;
  onAddCustomer: (subject: PageSubject) => void;
  pick: PickProps;
  /** More dock content from optional features (teach mode on in-house CRM pages). */
  extra?: ComponentChild;
}

/**
 * The overlay: a small tab at the page edge that expands into the three panels. Collapsed by
 * default so it never covers the host page's own controls; Escape collapses it again.
 * (A class rather than hooks: preact/hooks would add 1.3 KB gzip to the content script.)
 */
export class Dock extends Component<DockProps, { open: boolean }> {
  override state = { open: false };
  private toggle = createRef<HTMLButtonElement>();

  /** keydown is composed, so it reaches the dock's root only while focus is inside it. */
  private onKey = (e: Event) => {
    if ((e as KeyboardEvent).key === 'Escape' && this.state.open) {
      this.setState({ open: false });
      this.toggle.current?.focus();
    }
  };

  override componentDidMount() {
    this.toggle.current?.getRootNode().addEventListener('keydown', this.onKey);
  }

  override componentWillUnmount() {
    this.toggle.current?.getRootNode().removeEventListener('keydown', this.onKey);
  }

  override render({ state, onAddCustomer, pick, extra }: DockProps, { open }: { open: boolean }) {
    const name = state.kind === 'ready' ? (state.info.customer?.name ?? state.subject.name) : undefined;
    return (
      <div class={`dock ${open ? 'open' : ''}`} data-state={state.kind}>
        <button
          ref={this.toggle}
          class="tab"
          type="button"
          aria-expanded={open}
          aria-controls="holdfast-panels"
          title={open ? t('dockClose') : t('dockOpen')}
          onClick={() => this.setState({ open: !open })}
        >
          <span class="logo" aria-hidden="true">H</span>
          <span class="sr">{open ? t('dockClose') : t('dockOpen')}</span>
          {state.kind === 'ready' && state.info.openProblems.length > 0 && (
            <span class="badge" aria-label={t('panelOwner')}>{state.info.openProblems.length}</span>
          )}
        </button>
        {open && (
          <section id="holdfast-panels" class="panels" aria-label={t('extName')}>
            <header class="head">
              <strong class="customer">{name ?? t('nothingDetected')}</strong>
            </header>
            {state.kind === 'loading' && <p class="muted" role="status">…</p>}
            {state.kind === 'none' && (
              <>
                <p class="muted">{t('nothingDetected')}</p>
                <ManualPick {...pick} />
              </>
            )}
            {state.kind === 'error' && <p class="error" role="alert">{t('loadFailed')} {state.message}</p>}
            {state.kind === 'ready' && !state.info.customer && (
              <div class="unknown">
                <p>{t('unknownCustomer')}</p>
                {!isListPage(state.subject) && (state.subject.name || state.subject.domains[0]) && (
                  <button type="button" class="primary" onClick={() => onAddCustomer(state.subject)}>
                    {t('addCustomer', state.subject.name ?? state.subject.domains[0] ?? '?')}
                  </button>
                )}
                <ManualPick {...pick} />
              </div>
            )}
            {state.kind === 'ready' && state.info.customer && (
              <>
                <PanelBoundary title={t('panelTenure')}>
                  <TenurePanel customer={state.info.customer} />
                </PanelBoundary>
                <PanelBoundary title={t('panelOwner')}>
                  <OwnerPanel problems={state.info.openProblems} />
                </PanelBoundary>
                <PanelBoundary title={t('panelPods')}>
                  <PodPanel partners={state.info.partners} />
                </PanelBoundary>
              </>
            )}
            {extra}
          </section>
        )}
      </div>
    );
  }
}
