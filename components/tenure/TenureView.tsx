import { t } from '@/lib/i18n';
import type { TenureSummary } from '@/lib/messaging/tenure-schema';
import { LINE_LIMIT_TEXT, formatDay, formatInstantDay, formatTenure } from './format';
import { MixLegend } from './MixBar';
import { RevenueMix } from './RevenueMix';
import { RiskView } from './RiskView';

export interface TenureViewProps {
  tenure: TenureSummary;
  renewalDate?: string;
  lastContactAt?: string;
}

/** The tenure figures of one customer: shared by the dock's panel and the side panel. */
export function TenureView({ tenure, renewalDate, lastContactAt }: TenureViewProps) {
  const d = tenure;
  return (
    <div class="tenure-view" data-testid="tenure">
      {d.since !== null && d.years !== null && d.months !== null ? (
        <p data-testid="tenure-since">
          {d.sinceFromRevenue ? t('tenure_sinceFirstPurchase', formatDay(d.since)) : t('customerSince', formatDay(d.since))} ·{' '}
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
      {d.partial && <p class="muted small">{t('tenure_partial', LINE_LIMIT_TEXT)}</p>}
      <RiskView risk={d.risk} />
    </div>
  );
}
