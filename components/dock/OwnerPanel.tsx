import { useEffect, useRef } from 'preact/hooks';
import type { OwnerAction, OwnerActionReply, ProblemSummary } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n';
import { repName } from '../ui/rep-name';
import css from '../owners/owners.css?inline';
import { ProblemActions } from '../owners/ProblemActions';
import { ageText, dateTimeText, isPast } from '../owners/text';

export interface OwnerPanelProps {
  problems: ProblemSummary[];
  /** Absent in tests of the plain list; the dock always passes both. */
  onAction?: (problemId: string, action: OwnerAction) => Promise<OwnerActionReply>;
  onLogProblem?: () => void;
  /** Who at the customer the page shows (lib/owners/page-contact.ts): prefills "Customer confirmed on this call". */
  contactName?: string;
}

/** The customer's open problems: owner, age, due time, status, mine highlighted; one click to act. */
export function OwnerPanel({ problems, onAction, onLogProblem, contactName }: OwnerPanelProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The styles go once into the dock's shadow root, beside panels.css (not into the text).
    const root = ref.current?.getRootNode();
    if (!(root instanceof ShadowRoot) || root.querySelector('style[data-owner]')) return;
    const style = document.createElement('style');
    style.dataset.owner = '';
    style.textContent = css;
    root.prepend(style);
  }, []);
  return (
    <div class="owner-panel" ref={ref}>
      {!problems.length && <p class="muted">{t('noOpenProblems')}</p>}
      {problems.length > 0 && (
        <ul class="problems">
          {problems.map((p) => {
            const overdue = p.dueAt !== undefined && p.status !== 'resolved_awaiting_confirmation' && isPast(p.dueAt);
            return (
              <li key={p.id} class={p.mine ? 'mine' : undefined} data-status={p.status}>
                <span class={`sev sev-${p.severity}`} title={t(`severity_${p.severity}`)} />
                <span class="title">{p.title}</span>
                <span class="meta">
                  <span class="status-text">{t(`status_${p.status}`)}</span> · {t('ownerIs', repName(p.ownerName))}
                  {p.mine && <em> · {t('mine')}</em>}
                  {p.iCover && <em> · {t('owner_iCover')}</em>}
                  {' · '}
                  {t('owner_age', ageText(p.receivedAt))}
                  {p.dueAt && (
                    <span class={overdue ? 'overdue' : undefined}>
                      {' · '}
                      {overdue ? t('owner_overdueSince', dateTimeText(p.dueAt)) : t('owner_dueAt', dateTimeText(p.dueAt))}
                    </span>
                  )}
                  {(p.reopenCount ?? 0) > 0 && <> · {t('owner_reopened', p.reopenCount ?? 0)}</>}
                </span>
                {p.transferNote && <span class="meta transfer-note">{t('owner_transferNote', p.transferNote)}</span>}
                {onAction && (
                  <ProblemActions
                    problemId={p.id}
                    status={p.status}
                    participant={p.mine || p.iCover === true}
                    idPrefix="dock"
                    contactName={contactName}
                    act={(a) => onAction(p.id, a)}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {onLogProblem && (
        <button type="button" class="link log-problem" data-act="logProblem" onClick={onLogProblem}>
          {t('owner_logProblem')}
        </button>
      )}
    </div>
  );
}
