import { db } from '@/lib/db';
import { listCoachViews } from '@/lib/db/coach-list';
import { t } from '@/lib/i18n';
import { localIsoDate } from '@/lib/tenure/summary';
import { useLive } from '../ui/useLive';
import { CoachCard } from './CoachCard';
import './coaches.css';

/** The side panel's coaches, most neglected first (lib/coaches/neglect.ts), live as data changes. */
export function CoachList() {
  const today = localIsoDate();
  const views = useLive(() => listCoachViews(db(), today), [today], null);
  return (
    <section aria-labelledby="coaches-h" data-testid="coach-list">
      <h2 id="coaches-h">{t('coachListTitle')}</h2>
      <p class="status">{t('coachListHint')}</p>
      {views === null ? (
        <p class="muted" role="status">
          …
        </p>
      ) : views.length ? (
        views.map((v) => <CoachCard key={v.id} view={v} today={today} />)
      ) : (
        <p class="muted">{t('coachListEmpty')}</p>
      )}
    </section>
  );
}
