import { t } from '@/lib/i18n';
import type { MoneySplit } from '@/lib/messaging/tenure-schema';
import { formatMoney, percent } from './format';
import { MixBar, Swatch } from './MixBar';

const KINDS = ['existing', 'cross_sell', 'new'] as const;

/**
 * Revenue for one window, one block per currency (never summed across currencies): the total,
 * one bar with the benchmark on it, and each kind's amount and share beside its colour.
 * Without a title where a fold's summary names the window.
 */
export function RevenueMix({ title, rows, testId }: { title?: string; rows: readonly MoneySplit[]; testId: string }) {
  return (
    <div class="t-revenue" data-testid={testId}>
      {title && <h3>{title}</h3>}
      {rows.length === 0 && <p class="muted small">{t('tenure_noRevenue')}</p>}
      {rows.map((r) => (
        <div class="t-cur" key={r.currency} data-currency={r.currency}>
          <p class="t-total">
            <strong>{t('tenure_total', formatMoney(r.total, r.currency))}</strong>
          </p>
          <MixBar amounts={r} label={r.currency} />
          <ul class="t-kinds small">
            {KINDS.map((k) => (
              // A row of a small table: colour, kind, amount, share (the "·" is for the text alone).
              <li key={k} data-kind={k}>
                <Swatch kind={k} />
                <span class="t-kind-name">{t(`tenure_kind_${k}`)}</span> <span class="t-amount">{formatMoney(r[k], r.currency)}</span>
                {r.total > 0 && (
                  <span class="t-share">
                    <span class="t-sep"> · </span>
                    {percent(r[k] / r.total)}%
                  </span>
                )}
              </li>
            ))}
          </ul>
          {r.total <= 0 && <p class="muted small">{t('tenure_netRefund')}</p>}
        </div>
      ))}
    </div>
  );
}
