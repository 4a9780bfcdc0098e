import { t } from '@/lib/i18n';
import { BENCHMARK } from '@/lib/tenure/split';
import { percent } from './format';

export const KIND_COLOURS = { existing: '#0f6b5c', cross_sell: '#3fa7d6', new: '#f5a623' } as const;
const KINDS = ['existing', 'cross_sell', 'new'] as const;
type Amounts = Record<(typeof KINDS)[number], number>;

/** Where the 75/15/10 benchmark's shares end on the bar, in percent: 75 and 90. */
const TICKS = [BENCHMARK.existing, BENCHMARK.existing + BENCHMARK.cross_sell].map((s) => Math.round(s * 100));

/**
 * One currency's mix as a stacked bar, with the 75/15/10 benchmark drawn on the same bar: a
 * tick where each benchmark share ends, and under the bar the benchmark's shares between the
 * ticks ("benchmark 75% | 15% | 10%"), so the gap between the rep's mix and the benchmark is read
 * in one place. Without `width` the bar fills its box; a narrow one (a table cell) keeps the
 * ticks but drops the words. Shares below zero (refunds) draw as nothing; a net refund draws
 * no mix at all.
 */
export function MixBar({ amounts, label, width }: { amounts: Amounts; label: string; width?: number }) {
  const total = amounts.existing + amounts.cross_sell + amounts.new;
  const shares = total > 0 ? KINDS.map((k) => Math.max(0, amounts[k] / total)) : null;
  const scale = shares ? Math.max(1, shares.reduce((a, b) => a + b, 0)) : 1;
  let x = 0;
  const aria = shares
    ? t('tenure_chartLabel', label, percent(amounts.existing / total), percent(amounts.cross_sell / total), percent(amounts.new / total))
    : label;
  const words = width === undefined || width >= 160;
  return (
    <div class="t-mix" data-testid="mix" style={width === undefined ? undefined : { width: `${width}px` }}>
      <div class="t-mix-bar">
        {/* The fill scales to the box (no aspect kept); the ticks are boxes of their own, so they stay crisp. */}
        <svg data-chart="mix" role="img" aria-label={aria} width="100%" height="100%" viewBox="0 0 100 10" preserveAspectRatio="none">
          <rect x={0} y={0} width={100} height={10} class="t-mix-empty" />
          {shares?.map((v, i) => {
            const w = (v / scale) * 100;
            const rect = <rect key={i} x={x} y={0} width={Math.max(0, w)} height={10} fill={KIND_COLOURS[KINDS[i]!]} />;
            x += w;
            return rect;
          })}
        </svg>
        {TICKS.map((at) => (
          <span key={at} class="t-tick" data-at={at} style={{ left: `${at}%` }} aria-hidden="true" />
        ))}
      </div>
      {words && (
        // The figures are in the chart's label for screen readers; this row is for the eye.
        <div class="t-bench" data-testid="mix-benchmark" aria-hidden="true">
          {KINDS.map((k, i) => (
            <span key={k} data-share={k} data-from={i === 0 ? 0 : TICKS[i - 1]} style={{ width: `${Math.round(BENCHMARK[k] * 100)}%` }}>
              {i === 0 ? t('tenure_benchmarkTick', percent(BENCHMARK[k])) : `${percent(BENCHMARK[k])}%`}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}

/** A kind's colour as a small square, for legends and the per-kind figures. */
export function Swatch({ kind }: { kind: (typeof KINDS)[number] }) {
  return (
    <svg class="t-swatch" data-chart="swatch" width="8" height="8" aria-hidden="true">
      <rect width="8" height="8" fill={KIND_COLOURS[kind]} />
    </svg>
  );
}

export function MixLegend() {
  return (
    <p class="mixlegend small muted">
      {KINDS.map((k) => (
        <span key={k}>
          <Swatch kind={k} /> {t(`tenure_kind_${k}`)}{' '}
        </span>
      ))}
      · {t('tenure_benchmarkNote')}
    </p>
  );
}
