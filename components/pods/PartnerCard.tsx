import { t } from '@/lib/i18n';
import type { Rep } from '@/lib/model';
import { explainPair } from '@/lib/pods';
import { TraitBars } from './TraitBars';
import { styleLabel, uiLang } from './lang';

/** A colleague's traits beside mine, and how we complement each other. */
export function PartnerCard({ me, other, testId }: { me: Rep; other: Rep; testId?: string }) {
  return (
    <div class="pods-card" data-testid={testId}>
      <h4>
        {other.name} <span class="status">{styleLabel(other.style)}</span>
      </h4>
      <TraitBars series={[{ label: t('pods_you'), traits: me.traits }, { label: other.name, traits: other.traits }]} />
      <ul class="pods-why">
        {explainPair(me, other, uiLang()).map((sentence, i) => (
          <li key={i}>{sentence}</li>
        ))}
      </ul>
    </div>
  );
}
