import type { Traits } from '@/lib/model';
import { TRAIT_KEYS } from '@/lib/pods';
import { traitLabel } from './lang';

export interface Series {
  readonly label: string;
  readonly traits: Traits | undefined;
}

const LABEL_W = 132;
const BAR_W = 150;
const BAR_H = 9;
const GAP = 3;
const ROW_PAD = 8;

/**
 * Trait scores as horizontal bars, one group per trait and one bar per series (me, a
 * partner). Built from Preact elements, never from markup strings. The numbers are also
 * in the aria-label, so a screen reader gets the chart as one sentence.
 */
export function TraitBars({ series, testId }: { series: readonly Series[]; testId?: string }) {
  const rowH = series.length * (BAR_H + GAP) + ROW_PAD;
  const height = TRAIT_KEYS.length * rowH;
  const summary = series
    .map((s) => `${s.label}: ${TRAIT_KEYS.map((k) => `${traitLabel(k)} ${s.traits ? s.traits[k] : '—'}`).join(', ')}`)
    .join('; ');
  return (
    <figure class="pods-bars" data-testid={testId}>
      <svg viewBox={`0 0 ${LABEL_W + BAR_W + 34} ${height}`} role="img" aria-label={summary}>
        {TRAIT_KEYS.map((key, row) => {
          const top = row * rowH;
          return (
            <g key={key}>
              <text x={0} y={top + rowH / 2} dominant-baseline="middle" class="pods-bars-label">
                {traitLabel(key)}
              </text>
              <rect x={LABEL_W} y={top + 2} width={BAR_W} height={rowH - ROW_PAD + 2} class="pods-bars-track" />
              {series.map((s, i) => {
                const value = s.traits?.[key];
                const y = top + 3 + i * (BAR_H + GAP);
                return (
                  <g key={i}>
                    <rect x={LABEL_W} y={y} width={((value ?? 0) / 100) * BAR_W} height={BAR_H} class={`pods-bars-s${i}`} />
                    <text x={LABEL_W + BAR_W + 4} y={y + BAR_H / 2} dominant-baseline="middle" class="pods-bars-value">
                      {value ?? '—'}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      {series.length > 1 && (
        <figcaption class="pods-legend">
          {series.map((s, i) => (
            <span key={i}>
              <span class={`pods-swatch pods-bars-s${i}`} aria-hidden="true" /> {s.label}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
