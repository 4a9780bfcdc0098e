import type { ProblemSummary } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n';

export function OwnerPanel({ problems }: { problems: ProblemSummary[] }) {
  if (!problems.length) return <p class="muted">{t('noOpenProblems')}</p>;
  return (
    <ul class="problems">
      {problems.map((p) => (
        <li key={p.id} class={p.mine ? 'mine' : undefined}>
          <span class={`sev sev-${p.severity}`} title={t(`severity_${p.severity}`)} />
          <span class="title">{p.title}</span>
          <span class="meta">
            {t(`status_${p.status}`)} · {t('ownerIs', p.ownerName)}
            {p.mine && <em> · {t('mine')}</em>}
          </span>
        </li>
      ))}
    </ul>
  );
}
