import { t, type MessageKey } from '@/lib/i18n';
import type { TenureSummary } from '@/lib/messaging/tenure-schema';
import { signalText, stepText } from './format';

/**
 * The risk that explains itself: the level as a colour chip with its top reason, the other
 * signals that raised it, one next step. "Not enough data" is a level of its own, never "low".
 */
export function RiskView({ risk }: { risk: TenureSummary['risk'] }) {
  const lines = risk.signals.flatMap((s) => {
    const text = signalText(s);
    return text ? [{ code: s.code, text }] : [];
  });
  const [top, ...rest] = lines;
  return (
    <div class={`t-risk risk-${risk.level}`} data-testid="tenure-risk" data-level={risk.level}>
      <h3>
        <span class={`t-chip risk-${risk.level}`} data-testid="risk-chip">
          {t('tenure_risk', t(`tenure_risk_${risk.level}` as MessageKey))}
        </span>
      </h3>
      {top ? (
        <p class="t-top small" data-signal={top.code} data-testid="risk-top">
          {top.text}
        </p>
      ) : (
        <p class="muted small">{t('tenure_noSignals')}</p>
      )}
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
