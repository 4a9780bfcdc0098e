import type { CustomerSummary } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n';
import { shortDate, yearsMonths } from '@/lib/util/dates';

export function TenurePanel({ customer }: { customer: CustomerSummary }) {
  const since = customer.customerSince;
  const ym = since ? yearsMonths(since, new Date()) : undefined;
  return (
    <div class="tenure">
      {since && ym ? (
        <p>
          {t('customerSince', shortDate(since))} · <strong>{t('tenureYm', ym.years, ym.months)}</strong>
        </p>
      ) : (
        <p class="muted">{t('sinceUnknown')}</p>
      )}
      <p class="muted small">{t('matchedBy', t(`match_${customer.matchedBy}`))}</p>
    </div>
  );
}
