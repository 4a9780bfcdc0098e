import { t } from '@/lib/i18n';
import type { TimelineEntry } from '@/lib/tenure/timeline';
import { formatInstantDay } from './format';

/** Notes, problems and contacts, newest first. */
export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  return (
    <section aria-labelledby="tenure-timeline">
      <h3 id="tenure-timeline">{t('tenure_timeline')}</h3>
      {entries.length === 0 ? (
        <p class="muted small">{t('tenure_noTimeline')}</p>
      ) : (
        <ul class="timeline" data-testid="timeline">
          {entries.map((e, i) => (
            <li key={`${e.kind}-${i}`} data-kind={e.kind}>
              <time dateTime={e.at}>{formatInstantDay(e.at)}</time>
              {describe(e)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function describe(e: TimelineEntry): string {
  switch (e.kind) {
    case 'note':
      return `${t('tenure_tl_note')}: ${e.note.text.length > 120 ? `${e.note.text.slice(0, 119)}…` : e.note.text}`;
    case 'problem_received':
      return t('tenure_tl_problem_received', e.title);
    case 'problem_status':
      return t('tenure_tl_problem_status', e.title, t(`status_${e.to}`));
    case 'problem_confirmed':
      return t(e.satisfied ? 'tenure_tl_problem_confirmed' : 'tenure_tl_problem_unsatisfied', e.title, e.by);
    case 'contact':
      return t('tenure_tl_contact');
  }
}
