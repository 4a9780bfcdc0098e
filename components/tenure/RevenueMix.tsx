import { t } from '@/lib/i18n';
import type { MoneySplit } from '@/lib/messaging/tenure-schema';
import { formatMoney, percent } from './format';
import { MixBar } from './MixBar';

const KINDS = ['existing', 'cross_sell', 'new'] as const;

/** Revenue for one window, one block per currency (never summed across currencies). */
export function RevenueMix({ title, rows, testId }: { title: string; rows: readonly MoneySplit[]; testId: string }) {
  return (
    <div class="t-revenue" data-testid={testId}>
      <h3>{title}</h3>
      {rows.length === 0 && <p class="muted small">{t('tenure_noRevenue')}</p>}
      {rows.map((r) => (
        <div class="t-cur" key={r.currency} data-currency={r.currency}>
          <p class="t-total">
            <strong>{t('tenure_total', formatMoney(r.total, r.currency))}</strong>
          </p>
          <MixBar amounts={r} label={r.currency} />
          <ul class="t-kinds small">
            {KINDS.map((k) => (
              <li key={k} data-kind={k}>
                {t(`tenure_kind_${k}`)} {formatMoney(r[k], r.currency)}
                {r.total > 0 ? ` · ${percent(r[k] / r.total)}%` : ''}
              </li>
            ))}
          </ul>
          {r.total <= 0 && <p class="muted small">{t('tenure_netRefund')}</p>}
        </div>
      ))}
    </div>
  );
}
