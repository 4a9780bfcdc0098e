import type { SubjectInfo } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n';

/** My pod, and — when the customer's record shows a need — which colleague to bring and why. */
export function PodPanel({ partners, suggestion }: { partners: SubjectInfo['partners']; suggestion?: SubjectInfo['suggestion'] }) {
  return (
    <div>
      {suggestion && (
        <p class="suggestion" data-testid="pod-suggestion">
          {suggestion.task === 'maintain' && suggestion.days < 0
            ? t('podsuggest_maintainNever', suggestion.repName)
            : t(`podsuggest_${suggestion.task === 'vet' ? 'contract' : suggestion.task}`, suggestion.repName, suggestion.days)}
          {!suggestion.inPod && <span class="muted"> {t('podsuggest_outside')}</span>}
        </p>
      )}
      {partners.length ? <p>{t('podPartners', partners.map((p) => p.name).join(', '))}</p> : <p class="muted">{t('noPod')}</p>}
    </div>
  );
}
