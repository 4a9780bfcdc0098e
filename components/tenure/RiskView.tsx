import { t } from '@/lib/i18n';
import type { TenureSummary } from '@/lib/messaging/tenure-schema';
import { signalText, stepText } from './format';

/** The risk that explains itself: level, the signals that raised it, one next step. */
export function RiskView({ risk }: { risk: TenureSummary['risk'] }) {
  const lines = risk.signals.flatMap((s) => {
    const text = signalText(s);
    return text ? [{ code: s.code, text }] : [];
  });
  return (
    <div class={`t-risk risk-${risk.level}`} data-testid="tenure-risk" data-level={risk.level}>
      <h3>{t('tenure_risk', t(`tenure_risk_${risk.level}`))}</h3>
      {lines.length ? (
        <ul class="t-signals small">
          {lines.map((l) => (
            <li key={l.code} data-signal={l.code}>
              {l.text}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted small">{t('tenure_noSignals')}</p>
      )}
      <p class="t-step" data-step={risk.nextStep}>
        {t('tenure_nextStep', stepText(risk.nextStep))}
      </p>
    </div>
  );
}
