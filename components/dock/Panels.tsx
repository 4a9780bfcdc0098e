import { isListPage } from '@/lib/model/subject-kind';
import { t } from '@/lib/i18n';
import type { PanelsProps } from './state';
import { TenurePanel } from './TenurePanel';
import { NewCustomer } from './NewCustomer';
import { OwnerPanel } from './OwnerPanel';
import { PodPanel } from './PodPanel';
import { PanelBoundary } from './PanelBoundary';
import { ManualPick } from './ManualPick';
import { TeachBar } from './TeachBar';
import { CoachPanel, coachOf } from './CoachPanel';

/** The expanded dock: the customer, the three panels, or what to do when nothing is known. */
export function Panels({ state, onAddCustomer, search, onPick, teach, onOwnerAction, onLogProblem, onCoachAction, request, onChanged }: PanelsProps) {
  const name = state.kind === 'ready' ? (state.info.customer?.name ?? state.subject.name) : undefined;
  const coach = state.kind === 'ready' ? coachOf(state.info) : undefined;
  return (
    <section id="holdfast-panels" class="panels" aria-label={t('extName')}>
      <header class="head">
        <strong class="customer">{name ?? t('nothingDetected')}</strong>
      </header>
      {state.kind === 'loading' && <p class="muted" role="status">…</p>}
      {coach && (
        // First: a coach who moved is news on any page, known customer or not.
        <PanelBoundary title={t('coachPanelTitle')}>
          <CoachPanel coach={coach} onAction={onCoachAction} />
        </PanelBoundary>
      )}
      {state.kind === 'none' && (
        <>
          <p class="muted">{t('nothingDetected')}</p>
          <ManualPick search={search} onPick={onPick} />
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
          {!isListPage(state.subject) && request && <NewCustomer subject={state.subject} request={request} onChanged={onChanged} />}
          <ManualPick search={search} onPick={onPick} />
        </div>
      )}
      {state.kind === 'ready' && state.info.customer && (
        <>
          <PanelBoundary title={t('panelTenure')}>
            <TenurePanel customer={state.info.customer} tenure={state.info.tenure} fields={state.subject.fields} request={request} onChanged={onChanged} />
          </PanelBoundary>
          <PanelBoundary title={t('panelOwner')}>
            <OwnerPanel problems={state.info.openProblems} onAction={onOwnerAction} onLogProblem={onLogProblem} />
          </PanelBoundary>
          <PanelBoundary title={t('panelPods')}>
            <PodPanel partners={state.info.partners} suggestion={state.info.suggestion} />
          </PanelBoundary>
        </>
      )}
      {teach && <TeachBar teach={teach} />}
    </section>
  );
}
