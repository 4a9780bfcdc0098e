import { useMemo, useState } from 'preact/hooks';
import * as z from 'zod/mini';
import { t, type MessageKey } from '@/lib/i18n';
import { tenureLineSchema, type TenureLine } from '@/lib/messaging/tenure-schema';
import { formatDay, formatMoney } from './format';

type Line = TenureLine;
const LineSchema = tenureLineSchema();
type Kind = Line['kind'];
const KINDS: readonly Kind[] = ['existing', 'cross_sell', 'new'];
/** The select's value that takes a correction back. */
const UNDO = 'undo';
const REASONS = new Set([
  'corrected', 'crm_new', 'crm_existing', 'crm_cross_sell', 'first_purchase', 'won_back', 'before_data', 'repeat_product', 'new_product', 'refund',
]);

/** Why a line has its kind, in words ("CRM: existing business", "won back after 26 months"). */
export function reasonText(l: Line): string {
  if (!REASONS.has(l.reason)) return '';
  const arg = l.reason === 'won_back' ? String(l.gap ?? '') : l.product;
  return t(`tenure_reason_${l.reason}` as MessageKey, arg);
}

export interface LineReasonsProps {
  /** TenureSummary.recent: parsed here, each line on its own (a bad one is left out). */
  lines: readonly unknown[];
  /** Save the rep's correction (null: back to what the CRM or history says); absent: read-only. */
  onCorrect?: ((lineId: string, kind: Kind | null) => Promise<boolean>) | undefined;
}

/**
 * The latest deals with the kind each was given and why; the rep corrects a kind in one
 * choice. A corrected line says so, and "Undo my correction" takes it back.
 */
export function LineReasons({ lines: raw, onCorrect }: LineReasonsProps) {
  const [failed, setFailed] = useState(false);
  const lines = useMemo(() => raw.flatMap((l) => {
    const parsed = z.safeParse(LineSchema, l);
    return parsed.success ? [parsed.data] : [];
  }), [raw]);
  if (lines.length === 0) return null;
  return (
    <details class="t-lines" data-testid="tenure-lines">
      <summary class="small">{t('tenure_lines', lines.length)}</summary>
      <ul class="small">
        {lines.map((l) => (
          <li key={l.id} data-line={l.id} data-kind={l.kind} data-reason={l.reason}>
            <span class="t-line-what">
              {formatDay(l.date)} · {l.product} · {formatMoney(l.amount, l.currency)}
            </span>
            <span class="t-line-why muted">{reasonText(l)}</span>
            {onCorrect ? (
              <select
                aria-label={t('tenure_lineKind', l.product, formatDay(l.date))}
                value={l.kind}
                onChange={async (e) => {
                  const v = e.currentTarget.value;
                  setFailed(!(await onCorrect(l.id, v === UNDO ? null : (v as Kind))));
                }}
              >
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`tenure_kind_${k}`)}
                  </option>
                ))}
                {l.reason === 'corrected' && <option value={UNDO}>{t('tenure_kindUndo')}</option>}
              </select>
            ) : (
              <span class={`t-kind kind-${l.kind}`}>{t(`tenure_kind_${l.kind}`)}</span>
            )}
          </li>
        ))}
      </ul>
      {failed && (
        <p class="error small" role="alert">
          {t('tenure_kindSaveFailed')}
        </p>
      )}
    </details>
  );
}
