import { t } from '@/lib/i18n';
import { isMailPage } from '@/lib/model/subject-kind';
import type { PanelsProps } from './state';
import { TenurePanel } from './TenurePanel';
import { UnknownCustomer } from './UnknownCustomer';
import { OwnerPanel } from './OwnerPanel';
import { pageContactName } from '@/lib/owners/page-contact';
import { PodPanel } from './PodPanel';
import { PanelBoundary } from './PanelBoundary';
import { ManualPick } from './ManualPick';
import { TeachBar } from './TeachBar';
import { CoachPanel, coachOf } from './CoachPanel';
import { RiskChip, RiskTop } from '../tenure/RiskView';

/**
 * The expanded dock: a header that never scrolls away (the customer, the risk chip, close), and
 * under it the daily job first — the customer's open problems with their next step and "log a
 * problem" — then the tenure figures and the pod partner; or what to do when nothing is known.
 */
export function Panels({ state, onAddCustomer, search, onPick, teach, onOwnerAction, onLogProblem, onCoachAction, onClose, request, onChanged }: PanelsProps) {
  // An unknown mail thread is headed by the sender's company domain, not by the person writing:
  // the dock's question there is which customer the thread belongs to.
  const name =
    state.kind === 'ready'
      ? (state.info.customer?.name ?? (isMailPage(state.subject) ? (state.subject.domains[0] ?? state.subject.name) : state.subject.name))
      : undefined;
  const coach = state.kind === 'ready' ? coachOf(state.info) : undefined;
  const known = state.kind === 'ready' ? state.info.customer : null;
  const tenure = state.kind === 'ready' ? state.info.tenure : undefined;
  // A coach who moved is news on any page; the coaches of a known customer come after the daily job.
  const coachFirst = !!coach && (!known || coach.moves.length > 0);
  const coachPanel = coach && (
    <PanelBoundary title={t('coachPanelTitle')}>
      <CoachPanel coach={coach} onAction={onCoachAction} />
    </PanelBoundary>
  );
  return (
    <section id="holdfast-panels" class="panels" aria-label={t('extName')}>
      <header class="head">
        <div class="head-text">
          <h1 class="customer" title={name}>
            {/* Nothing on the page yet: the body says so; the header names the tool. */}
            {name ?? t('extName')}
          </h1>
          {known && tenure && (
            // The risk at a glance, with its top reason: the tab's colour, explained.
            <p class="head-risk">
              <RiskChip tenure={tenure} /> {!tenure.prospect && <RiskTop risk={tenure.risk} />}
            </p>
          )}
        </div>
        {onClose && (
          <button type="button" class="close" aria-label={t('dockClose')} title={t('dockClose')} onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        )}
      </header>
      <div class="body" data-testid="dock-body">
        {state.kind === 'loading' && <p class="muted" role="status">…</p>}
        {coachFirst && coachPanel}
        {state.kind === 'none' && (
          <>
            <p class="muted">{t('nothingDetected')}</p>
            <ManualPick search={search} onPick={onPick} />
          </>
        )}
        {state.kind === 'error' && <p class="error" role="alert">{t('loadFailed')} {state.message}</p>}
        {state.kind === 'ready' && !state.info.customer && (
          <UnknownCustomer subject={state.subject} info={state.info} onAddCustomer={onAddCustomer} search={search} onPick={onPick} request={request} onChanged={onChanged} />
        )}
        {state.kind === 'ready' && state.info.customer && (
          <>
            <PanelBoundary title={t('panelOwner')} count={state.info.openProblems.length}>
              <OwnerPanel
                problems={state.info.openProblems}
                onAction={onOwnerAction}
                onLogProblem={onLogProblem}
                contactName={pageContactName(state.subject, state.info.customer.domains, state.info.customer.contactName)}
              />
            </PanelBoundary>
            <PanelBoundary title={t('panelTenure')}>
              <TenurePanel customer={state.info.customer} tenure={state.info.tenure} fields={state.subject.fields} request={request} onChanged={onChanged} />
            </PanelBoundary>
            <PanelBoundary title={t('panelPods')}>
              <PodPanel partners={state.info.partners} suggestion={state.info.suggestion} />
            </PanelBoundary>
            {!coachFirst && coachPanel}
          </>
        )}
        {teach && <TeachBar teach={teach} />}
      </div>
    </section>
  );
}
