import { useRef, useState } from 'preact/hooks';
import { db } from '@/lib/db';
import { removeCoach, touchCoach } from '@/lib/db/coaches';
import type { CoachView } from '@/lib/db/coach-list';
import { t, type MessageKey } from '@/lib/i18n';
import type { Employment } from '@/lib/model';
import { formatDay } from '../tenure/format';
import { GiftForm } from './GiftForm';
import { ReferralForm } from './ReferralForm';
import { SpendPlot } from './SpendPlot';
import { moneyList, spendText, touchText } from './text';

function employmentText(e: Employment): string {
  if (e.from && e.to) return t('coachEmployedFromTo', e.company, formatDay(e.from), formatDay(e.to));
  if (e.to) return t('coachEmployedUntil', e.company, formatDay(e.to));
  if (e.from) return t('coachEmployedSince', e.company, formatDay(e.from));
  return e.company;
}

/** One coach in the side panel: who, where, last touch, referrals and their revenue, spend against budget. */
export function CoachCard({ view, today }: { view: CoachView; today: string }) {
  const [open, setOpen] = useState<'gift' | 'referral' | null>(null);
  const [status, setStatus] = useState('');
  // Removing asks once more in place: a stray click must not drop a relationship's history.
  const [confirmRemove, setConfirmRemove] = useState(false);
  const giftButton = useRef<HTMLButtonElement>(null);
  const referralButton = useRef<HTMLButtonElement>(null);
  const headingId = `coach-${view.id}-h`;
  const { budget, neglect } = view;

  const done = (which: 'gift' | 'referral') => (saved: boolean) => {
    setOpen(null);
    if (saved) setStatus(t('coachSaved'));
    // Keyboard users land back on the button that opened the form.
    (which === 'gift' ? giftButton : referralButton).current?.focus();
  };

  async function touch() {
    await touchCoach(db(), view.id, today);
    setStatus(t('coachSaved'));
  }

  return (
    <article class="coach-card card" aria-labelledby={headingId} data-testid="coach-card" data-coach={view.name}>
      <h3 id={headingId}>{view.name}</h3>
      <p class="status">
        {view.employer ? t('coachEmployer', view.employer.company) : t('coachNoEmployer')}
        {view.title ? ` · ${view.title}` : ''}
      </p>
      <p data-testid="coach-touch" data-days={neglect.days ?? -1}>
        {touchText(neglect.days)}
        {view.coach.lastTouchAt && <span class="status"> ({formatDay(view.coach.lastTouchAt)})</span>}
      </p>
      <p data-testid="coach-referrals">
        {t('coachReferrals', view.referrals.length)}
        {' · '}
        {view.revenue.length ? t('coachReferralRevenue', moneyList(view.revenue)) : t('coachNoRevenue')}
      </p>
      {view.referrals.length > 0 && (
        <ul class="plain coach-referrals">
          {view.referrals.map((r) => (
            <li key={r.customerId} data-outcome={r.outcome}>
              {t('coachReferralLine', r.customerName, formatDay(r.date), t(`coachOutcome_${r.outcome}` as MessageKey))}
              {r.revenue.length > 0 && <span class="status"> · {moneyList(r.revenue)}</span>}
            </li>
          ))}
        </ul>
      )}
      <div class="coach-budget" data-testid="coach-budget">
        {budget ? (
          <>
            <p class={budget.over ? 'error' : undefined}>
              {spendText(budget.period, budget.spent, budget.budget, budget.currency)}
              {budget.over && ` · ${t('coachOver')}`}
              {budget.otherSpend.length > 0 && ` · ${t('coachSpendOther', moneyList(budget.otherSpend))}`}
            </p>
            <SpendPlot series={view.series} period={budget.period} budget={budget.budget} currency={budget.currency} />
          </>
        ) : (
          <p class="status">
            {t('coachNoBudget')}
            {view.quarterSpend.length > 0 && ` · ${t('coachQuarterSpend', moneyList(view.quarterSpend))}`}
          </p>
        )}
      </div>
      {view.coach.employers.length > 1 && (
        <details>
          <summary>{t('coachHistory')}</summary>
          <ol class="coach-history">
            {view.coach.employers.map((e, i) => (
              <li key={i}>{employmentText(e)}</li>
            ))}
          </ol>
        </details>
      )}
      <p class="choices">
        <button type="button" onClick={() => void touch()} disabled={neglect.days === 0}>
          {t('coachTouch')}
        </button>
        <button type="button" ref={giftButton} aria-expanded={open === 'gift'} onClick={() => setOpen(open === 'gift' ? null : 'gift')}>
          {t('coachAddGift')}
        </button>
        <button type="button" ref={referralButton} aria-expanded={open === 'referral'} onClick={() => setOpen(open === 'referral' ? null : 'referral')}>
          {t('coachAddReferral')}
        </button>
      </p>
      <p class="choices">
        {confirmRemove ? (
          <>
            <span role="alert">{t('coachRemoveAsk', view.name)}</span>{' '}
            <button type="button" class="danger" onClick={() => void removeCoach(db(), view.id)}>
              {t('coachRemoveYes')}
            </button>
            <button type="button" onClick={() => setConfirmRemove(false)}>
              {t('coachRemoveNo')}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmRemove(true)}>
            {t('coachRemove')}
          </button>
        )}
      </p>
      {open === 'gift' && <GiftForm coachId={view.id} currency={budget?.currency ?? view.quarterSpend[0]?.currency ?? 'USD'} today={today} onDone={done('gift')} />}
      {open === 'referral' && <ReferralForm coachId={view.id} today={today} onDone={done('referral')} />}
      <p role="status" class="status">
        {status}
      </p>
    </article>
  );
}
