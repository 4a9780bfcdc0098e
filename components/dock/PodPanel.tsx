import * as z from 'zod/mini';
import type { SubjectInfo } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n';
import { styleLabel, uiLang } from '../pods/lang';
import { PartnerPair, podReason } from './pod-reason';

type Partner = SubjectInfo['partners'][number];

/** Why this colleague, from the traits the answer carries (read loosely; none: no reason shown). */
function reasonFor(p: Partner): string {
  const pair = z.safeParse(PartnerPair, p);
  return pair.success ? podReason(pair.data.me, { name: p.name, traits: pair.data.traits }, uiLang()) : '';
}

/** My pod, each partner with why we complement each other, and — when the customer's record shows a need — which colleague to bring and why. */
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
      {partners.length ? (
        <ul class="partners">
          {partners.map((p) => {
            const why = reasonFor(p);
            return (
              <li key={p.id} data-testid="pod-partner">
                <strong>{p.name}</strong>
                {p.style && <span class="muted small"> · {styleLabel(p.style)}</span>}
                {why && (
                  <span class="why small" data-testid="pod-why">
                    {why}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="muted">{t('noPod')}</p>
      )}
    </div>
  );
}
