import { t, type MessageKey } from '@/lib/i18n';
import type { TenureSummary } from '@/lib/messaging/tenure-schema';
import { LINE_LIMIT_TEXT, formatDay, formatInstantDay, formatTenure } from './format';
import { LineReasons, type LineReasonsProps } from './LineReasons';
import { MixBasis } from './MixBasis';
import { MixLegend } from './MixBar';
import { RevenueMix } from './RevenueMix';
import { RiskView } from './RiskView';

export interface TenureViewProps {
  tenure: TenureSummary;
  renewalDate?: string | undefined;
  lastContactAt?: string | undefined;
  /** Save the rep's correction of a line's kind; absent: the lines are read-only. */
  onCorrect?: LineReasonsProps['onCorrect'];
}

/** "(from the CRM)" after customer since: where the date came from, when that is known. */
function sinceSourceText(basis: string | null): string {
  return basis === 'crm' || basis === 'crm_created' || basis === 'rep' ? ` (${t(`tenure_sinceSource_${basis}` as MessageKey)})` : '';
}

/** The tenure figures of one customer: shared by the dock's panel and the side panel. */
export function TenureView({ tenure, renewalDate, lastContactAt, onCorrect }: TenureViewProps) {
  const d = tenure;
  return (
    <div class="tenure-view" data-testid="tenure" data-prospect={d.prospect ? 'true' : undefined}>
      {d.prospect && (
        <div class="t-prospect" data-testid="tenure-prospect">
          <p class="t-chip risk-prospect">{t('tenure_prospect')}</p>
          <p class="muted small">{t('tenure_prospectHint')}</p>
        </div>
      )}
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
      <RevenueMix title={t('tenure_revenue12')} rows={d.last12} testId="tenure-last12" />
      <RevenueMix title={t('tenure_revenueAll')} rows={d.allTime} testId="tenure-alltime" />
      {(d.last12.length > 0 || d.allTime.length > 0) && <MixLegend />}
      <MixBasis tenure={d} />
      {d.partial && <p class="muted small">{t('tenure_partial', LINE_LIMIT_TEXT)}</p>}
      <LineReasons lines={d.recent} onCorrect={onCorrect} />
      {!d.prospect && <RiskView risk={d.risk} />}
    </div>
  );
}
