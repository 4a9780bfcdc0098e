import { t } from '@/lib/i18n';
import type { TenureBucket } from '@/lib/tenure/book';

/** The book's tenure distribution as a small bar plot, one bar per bucket (plus unknown). */
export function TenureHistogram({ buckets, unknown }: { buckets: ReadonlyArray<{ bucket: TenureBucket; count: number }>; unknown: number }) {
  const bars = [...buckets.map((b) => ({ key: b.bucket, label: t(`tenure_bucket_${b.bucket}`), count: b.count })), { key: 'unknown', label: t('tenure_bucket_unknown'), count: unknown }];
  const max = Math.max(1, ...bars.map((b) => b.count));
  const w = 46;
  const h = 60;
  const summary = bars.map((b) => `${b.label} ${b.count}`).join(', ');
  return (
    <svg class="histogram" data-chart="tenure" role="img" aria-label={t('tenure_bookDistributionLabel', summary)} width={bars.length * w} height={h + 28} viewBox={`0 0 ${bars.length * w} ${h + 28}`} data-testid="tenure-histogram">
      {bars.map((b, i) => {
        const bh = Math.round((b.count / max) * h);
        return (
          <g key={b.key} data-bucket={b.key} data-count={b.count}>
            <rect x={i * w + 6} y={h - bh + 12} width={w - 12} height={bh} fill={b.key === 'unknown' ? '#8888' : '#0f6b5c'} />
            <text x={i * w + w / 2} y={h - bh + 9} text-anchor="middle" font-size="10" fill="currentColor">
              {b.count}
            </text>
            <text x={i * w + w / 2} y={h + 24} text-anchor="middle" font-size="9" fill="currentColor">
              {b.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
