import { t, type MessageKey } from '@/lib/i18n';
import type { TenureSummary } from '@/lib/messaging/tenure-schema';
import { LINE_LIMIT_TEXT, formatDay, formatInstantDay, formatMoney, formatTenure } from './format';
import { LineReasons, type LineReasonsProps } from './LineReasons';
import { MixBasis } from './MixBasis';
import { RevenueMix } from './RevenueMix';
import { RiskView } from './RiskView';

export interface TenureViewProps {
  tenure: TenureSummary;
  renewalDate?: string | undefined;
  lastContactAt?: string | undefined;
  /** Save the rep's correction of a line's kind; absent: the lines are read-only. */
  onCorrect?: LineReasonsProps['onCorrect'];
  /** Lead with the risk chip and its top reason; false where a header shows them (the dock). */
  chip?: boolean;
}

/** "(from the CRM)" after customer since: where the date came from, when that is known. */
function sinceSourceText(basis: string | null): string {
  // The brackets are the language's own: " (from the CRM)" / "（来自 CRM）".
  return basis === 'crm' || basis === 'crm_created' || basis === 'rep' ? t('tenure_parenthetical', t(`tenure_sinceSource_${basis}` as MessageKey)) : '';
}

/**
 * The tenure figures of one customer, shared by the dock's panel and the side panel: the risk
 * with its reasons and next step, how long we have kept them, the last 12 months' revenue
 * against the benchmark and where its kinds come from; all-time revenue and the deals folded.
 */
export function TenureView({ tenure, renewalDate, lastContactAt, onCorrect, chip = true }: TenureViewProps) {
  const d = tenure;
  const revenue = (
    <>
      <RevenueMix title={t('tenure_revenue12')} rows={d.last12} testId="tenure-last12" />
      <MixBasis tenure={d} />
    </>
  );
  // The dock's header already shows the risk's level and top reason: there, the revenue comes
  // first and the rest of the risk (other signals, next step) after the dates.
  return (
    <div class="tenure-view" data-testid="tenure" data-prospect={d.prospect ? 'true' : undefined}>
      {d.prospect && (
        <div class="t-prospect" data-testid="tenure-prospect">
          {chip && <p class="t-chip risk-prospect">{t('tenure_prospect')}</p>}
          <p class="muted small">{t('tenure_prospectHint')}</p>
        </div>
      )}
      {!d.prospect && chip && <RiskView risk={d.risk} />}
      {!chip && revenue}
      {d.prospect ? null : d.since !== null && d.years !== null && d.months !== null ? (
        <p data-testid="tenure-since" data-source={d.sinceBasis ?? undefined}>
          {d.sinceFromRevenue ? t('tenure_sinceFirstPurchase', formatDay(d.since)) : t('customerSince', formatDay(d.since)) + sinceSourceText(d.sinceBasis)} ·{' '}
          <strong>{formatTenure(d.years, d.months)}</strong>
        </p>
      ) : (
        <p class="muted">{t('sinceUnknown')}</p>
      )}
      <p data-testid="tenure-renewal">
        {renewalDate === undefined || d.daysToRenewal === null
          ? t('tenure_renewalUnknown')
          : d.daysToRenewal > 0
            ? t('tenure_renews', formatDay(renewalDate), d.daysToRenewal)
            : d.daysToRenewal === 0
              ? t('tenure_renewsToday', formatDay(renewalDate))
              : t('tenure_renewalPassed', formatDay(renewalDate), -d.daysToRenewal)}
      </p>
      <p data-testid="tenure-contact">
        {lastContactAt === undefined || d.daysSinceContact === null
          ? t('tenure_neverContacted')
          : d.daysSinceContact === 0
            ? t('tenure_lastContactToday')
            : t('tenure_lastContact', formatInstantDay(lastContactAt), d.daysSinceContact)}
      </p>
      {!d.prospect && !chip && <RiskView risk={d.risk} chip={false} />}
      {chip && revenue}
      {/* All time and the deals behind the figures: there when asked for, folded so the dock's
          first screen keeps the daily job in view. The summary already gives the totals. */}
      {d.allTime.length > 0 && (
        <details class="t-fold" data-testid="tenure-alltime-fold">
          <summary class="small">
            {t('tenure_revenueAll')} · {d.allTime.map((r) => formatMoney(r.total, r.currency)).join(' · ')}
          </summary>
          <RevenueMix rows={d.allTime} testId="tenure-alltime" />
          {d.partial && <p class="muted small">{t('tenure_partial', LINE_LIMIT_TEXT)}</p>}
        </details>
      )}
      <LineReasons lines={d.recent} onCorrect={onCorrect} />
    </div>
  );
}
