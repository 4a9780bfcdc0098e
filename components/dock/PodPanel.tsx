import type { SubjectInfo } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n';

export function PodPanel({ partners }: { partners: SubjectInfo['partners'] }) {
  if (!partners.length) return <p class="muted">{t('noPod')}</p>;
  return <p>{t('podPartners', partners.map((p) => p.name).join(', '))}</p>;
}
