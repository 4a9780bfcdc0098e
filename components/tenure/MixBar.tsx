import { t } from '@/lib/i18n';
import { BENCHMARK } from '@/lib/tenure/split';
import { percent } from './format';

export const KIND_COLOURS = { existing: '#0f6b5c', cross_sell: '#3fa7d6', new: '#f5a623' } as const;
const KINDS = ['existing', 'cross_sell', 'new'] as const;
type Amounts = Record<(typeof KINDS)[number], number>;

/**
 * One currency's mix as a stacked bar, with the 75/15/10 benchmark as a thinner bar under
 * it: the gap between the two is the point. Shares below zero (refunds) draw as nothing;
 * a net refund draws no mix at all.
 */
export function MixBar({ amounts, label, width = 150 }: { amounts: Amounts; label: string; width?: number }) {
  const total = amounts.existing + amounts.cross_sell + amounts.new;
  const shares = total > 0 ? KINDS.map((k) => Math.max(0, amounts[k] / total)) : null;
  const scale = shares ? Math.max(1, shares.reduce((a, b) => a + b, 0)) : 1;
  const segments = (values: readonly number[], y: number, h: number, opacity: number) => {
    let x = 0;
    return values.map((v, i) => {
      const w = (v / scale) * width;
      const rect = <rect key={`${y}-${i}`} x={x} y={y} width={Math.max(0, w)} height={h} fill={KIND_COLOURS[KINDS[i]!]} fill-opacity={opacity} />;
      x += w;
      return rect;
    });
  };
  const aria = shares
    ? t('tenure_chartLabel', label, percent(amounts.existing / total), percent(amounts.cross_sell / total), percent(amounts.new / total))
    : label;
  return (
    <svg class="mixbar" data-chart="mix" role="img" aria-label={aria} width={width} height={20} viewBox={`0 0 ${width} 20`}>
      <rect x={0} y={0} width={width} height={12} fill="#8884" />
      {shares && segments(shares, 0, 12, 1)}
      {segments([BENCHMARK.existing, BENCHMARK.cross_sell, BENCHMARK.new], 15, 5, 0.55)}
    </svg>
  );
}

export function MixLegend() {
  return (
    <p class="mixlegend small muted">
      {KINDS.map((k) => (
        <span key={k}>
          <svg data-chart="swatch" width="8" height="8" aria-hidden="true">
            <rect width="8" height="8" fill={KIND_COLOURS[k]} />
          </svg>{' '}
          {t(`tenure_kind_${k}`)}{' '}
        </span>
      ))}
      · {t('tenure_benchmarkNote')}
    </p>
  );
}
