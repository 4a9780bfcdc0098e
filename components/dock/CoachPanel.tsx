import { useState } from 'preact/hooks';
import * as z from 'zod/mini';
import { CoachInfo, type CoachAction, type CoachBadge, type OwnerActionReply, type SubjectInfo } from '@/lib/messaging/protocol';
import { t, type MessageKey } from '@/lib/i18n';
import { moneyList, spendText, touchText } from '../coaches/text';

export interface CoachPanelProps {
  coach: CoachInfo;
  /** Absent in tests of the plain view; the dock always passes it. */
  onAction?: (action: CoachAction) => Promise<OwnerActionReply>;
}

const WHY = new Set(['introduced', 'works', 'page']);

/** The coach part of an answer, parsed here where it is shown (SubjectInfo carries it loosely). */
export function coachOf(info: SubjectInfo): CoachInfo | undefined {
  if (!info.coach) return undefined;
  const parsed = z.safeParse(CoachInfo, info.coach);
  if (!parsed.success) console.debug('[holdfast] coach part refused', parsed.error.issues);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Sales coaches on this page (issue 7): a known coach writing from a new company (record the
 * move in one click), the coaches tied to the customer (who introduced it, last touch, spend
 * against budget), and the offer to make the person on the page a coach.
 */
export function CoachPanel({ coach, onAction }: CoachPanelProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  /** Moves whose unknown address the rep confirmed is the coach's (coachId + from). */
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());
  const toggleConfirmed = (key: string, on: boolean) =>
    setConfirmed((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  async function act(action: CoachAction) {
    if (!onAction || busy) return;
    setBusy(true);
    setError('');
    try {
      const reply = await onAction(action);
      if (!reply.ok) setError(t('coachActionFailed', reply.reason));
    } catch (err) {
      setError(t('coachActionFailed', err instanceof Error ? err.message : String(err)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="coach-panel">
      {coach.moves.map((m) => {
        const key = `${m.coachId} ${m.from}`;
        // Recognised by name only: the rep says it is the same person before anything is recorded.
        const sure = !m.unverified || confirmed.has(key);
        return (
        <div key={key} class="coach-move" role="status" data-testid="coach-move">
          <p>
            <strong>{m.back ? t('coachMoveBack', m.name, m.domain, m.customerName ?? m.domain) : t('coachMoveNotice', m.name, m.domain)}</strong>
          </p>
          {onAction && m.unverified && (
            <label class="coach-same-person">
              <input type="checkbox" data-act="samePerson" checked={confirmed.has(key)} onClick={(e) => toggleConfirmed(key, e.currentTarget.checked)} />{' '}
              {t('coachSamePerson', m.from, m.name)}
            </label>
          )}
          {onAction && (
            <div class="choices">
              <button
                type="button"
                class="primary"
                data-act="recordMove"
                disabled={busy || !sure}
                onClick={() => void act({ type: 'move', coachId: m.coachId, from: m.from, ...(m.unverified ? { samePerson: true as const } : {}) })}
              >
                {m.customerName ? t('coachRecordKnown', m.customerName) : t('coachRecordProspect', m.domain)}
              </button>
              <button type="button" data-act="notMove" disabled={busy} onClick={() => void act({ type: 'notMove', coachId: m.coachId, from: m.from })}>
                {t('coachNotMove')}
              </button>
            </div>
          )}
        </div>
        );
      })}
      {coach.coaches.length > 0 && (
        <ul class="coach-badges" data-testid="coach-badges">
          {coach.coaches.map((b) => (
            <li key={b.coachId} class="coach-badge" data-why={b.why}>
              <span class="coach-mark" aria-hidden="true">★</span>
              <span class="coach-who">{t(`coachWhy_${WHY.has(b.why) ? b.why : 'page'}` as MessageKey, b.name)}</span>
              <span class="meta coach-touch">{touchText(b.days)}</span>
              <span class="meta coach-spend">{budgetLine(b)}</span>
              {onAction && (
                <button type="button" class="link" data-act="touch" disabled={busy || b.days === 0} onClick={() => void act({ type: 'touch', coachId: b.coachId })}>
                  {t('coachTouch')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {coach.candidate && onAction && (
        <button type="button" class="link" data-act="makeCoach" disabled={busy} onClick={() => void act({ type: 'make', email: coach.candidate!.email })}>
          {t('coachMake', coach.candidate.name ?? coach.candidate.email)}
        </button>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function budgetLine(b: CoachBadge): string {
  const parts = [b.budget ? spendText(b.budget.period, b.budget.spent, b.budget.amount, b.budget.currency) : t('coachNoBudget')];
  if (b.other?.length) parts.push(t('coachSpendOther', moneyList(b.other)));
  return parts.join(' · ');
}
