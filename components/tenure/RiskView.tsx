import { t, type MessageKey } from '@/lib/i18n';
import type { TenureSummary } from '@/lib/messaging/tenure-schema';
import { signalText, stepText } from './format';

/**
 * The risk level as a chip: colour and words, so it reads without colour too. The dock shows it
 * in its header beside the top reason (RiskTop), the side panel at the top of the figures.
 */
export function RiskChip({ tenure }: { tenure: TenureSummary }) {
  if (tenure.prospect) return <span class="t-chip risk-prospect" data-testid="risk-chip" data-level="prospect">{t('tenure_prospect')}</span>;
  const { level } = tenure.risk;
  return (
    <span class={`t-chip risk-${level}`} data-testid="risk-chip" data-level={level}>
      {t('tenure_risk', t(`tenure_risk_${level}` as MessageKey))}
    </span>
  );
}

/** The signal that raised the risk most, in words (null: none the UI knows). */
function topSignal(risk: TenureSummary['risk']): { code: string; text: string } | null {
  for (const s of risk.signals) {
    const text = signalText(s);
    if (text) return { code: s.code, text };
  }
  return null;
}

/** The risk's top reason on one line, or "no warning signs". */
export function RiskTop({ risk }: { risk: TenureSummary['risk'] }) {
  const top = topSignal(risk);
  return top ? (
    <span class="t-top small" data-signal={top.code} data-testid="risk-top" title={top.text}>
      {top.text}
    </span>
  ) : (
    <span class="muted small">{t('tenure_noSignals')}</span>
  );
}

/**
 * The risk that explains itself: the level as a colour chip with its top reason (unless the
 * surface shows both elsewhere, `chip={false}`: the dock's header), the other signals that
 * raised it, one next step. "Not enough data" is a level of its own, never "low".
 */
export function RiskView({ risk, chip = true }: { risk: TenureSummary['risk']; chip?: boolean }) {
  // The signals after the top one (RiskTop says that one).
  const rest = risk.signals
    .flatMap((s) => {
      const text = signalText(s);
      return text ? [{ code: s.code, text }] : [];
    })
    .slice(1);
  return (
    <div class={`t-risk risk-${risk.level}${chip ? '' : ' t-risk-rest'}`} data-testid="tenure-risk" data-level={risk.level}>
      {chip && (
        <h3>
          <span class={`t-chip risk-${risk.level}`} data-testid="risk-chip">
            {t('tenure_risk', t(`tenure_risk_${risk.level}` as MessageKey))}
          </span>
        </h3>
      )}
      {chip && (
        <p>
          <RiskTop risk={risk} />
        </p>
      )}
      {!chip && rest.length > 0 && <p class="muted small">{t('tenure_alsoSignals')}</p>}
      {rest.length > 0 && (
        <ul class="t-signals small">
          {rest.map((l) => (
            <li key={l.code} data-signal={l.code}>
              {l.text}
            </li>
          ))}
        </ul>
      )}
      <p class="t-step" data-step={risk.nextStep}>
        {t('tenure_nextStep', stepText(risk.nextStep))}
      </p>
    </div>
  );
}
