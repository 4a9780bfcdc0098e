import type { PeriodSpend } from '@/lib/coaches/budget';
import type { BudgetPeriod } from '@/lib/coaches/period';
import { t, type MessageKey } from '@/lib/i18n';
import { money } from './text';

const W = 240;
const H = 64;
const LABEL = 14;

/** "Nov 2026", "Q4 2026", "2026": one period as the plot labels it, in the reader's language. */
export function periodLabel(period: BudgetPeriod, from: string): string {
  const y = Number(from.slice(0, 4));
  const m = Number(from.slice(5, 7));
  if (period === 'year') return String(y);
  if (period === 'quarter') return t('coachQuarterLabel', Math.floor((m - 1) / 3) + 1, y);
  try {
    return new Intl.DateTimeFormat(undefined, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
  } catch {
    return from.slice(0, 7);
  }
}

/**
 * Gift spend per period against the budget: one bar per period (the current one last), the
 * budget as a dashed line, bars over it marked. The same figures are the image's label, so a
 * screen reader hears them.
 */
export function SpendPlot({ series, period, budget, currency }: { series: PeriodSpend[]; period: BudgetPeriod; budget: number; currency: string }) {
  const top = Math.max(budget, ...series.map((s) => s.spent), 1);
  const y = (v: number) => H - LABEL - Math.round((v / top) * (H - LABEL - 4));
  const step = W / Math.max(series.length, 1);
  const described = series.map((s) => `${periodLabel(period, s.from)}: ${money(s.spent, currency)}`).join(', ');
  return (
    <svg
      class="spend-plot"
      width={W}
      height={H}
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={t(`coachPlot_${period}` as MessageKey, money(budget, currency), described)}
      data-testid="spend-plot"
    >
      {series.map((s, i) => {
        const x = i * step + step * 0.2;
        const top = y(s.spent);
        return (
          <g key={s.from} data-period={s.from} data-spent={s.spent}>
            <rect class={s.spent > budget ? 'bar over' : 'bar'} x={x} y={top} width={step * 0.6} height={H - LABEL - top} />
            <text x={x + step * 0.3} y={H - 2} text-anchor="middle">
              {periodLabel(period, s.from)}
            </text>
          </g>
        );
      })}
      <line class="budget-line" x1={0} x2={W} y1={y(budget)} y2={y(budget)} />
    </svg>
  );
}
