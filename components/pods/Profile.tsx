import { t } from '@/lib/i18n';
import type { Rep } from '@/lib/model';
import { describeProfile, styleFromTraits } from '@/lib/pods';
import { TraitBars } from './TraitBars';
import { styleLabel, uiLang } from './lang';
import { repName } from '../ui/rep-name';

/** A rep's result: bars, style and the plain-words profile in the UI language. */
export function Profile({ rep }: { rep: Rep }) {
  if (!rep.traits) return null;
  // Style is stored with the traits; derive it for records written before it was.
  const style = rep.style ?? styleFromTraits(rep.traits);
  return (
    <div class="card" data-testid="pods-profile">
      <TraitBars series={[{ label: repName(rep.name), traits: rep.traits }]} />
      <p>
        <strong>{t('pods_yourStyle', styleLabel(style))}</strong>
      </p>
      {describeProfile(rep.traits, style, uiLang()).map((sentence, i) => (
        <p key={i}>{sentence}</p>
      ))}
    </div>
  );
}
