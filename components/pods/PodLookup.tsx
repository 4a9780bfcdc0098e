import { useState } from 'preact/hooks';
import { db } from '@/lib/db';
import { listTeam, podOf } from '@/lib/db/pods';
import { t } from '@/lib/i18n';
import type { Pod, Rep } from '@/lib/model';
import { useLive } from '../ui/useLive';
import { BringHelper } from './BringHelper';
import { PartnerCard } from './PartnerCard';
import './pods.css';
import { useMe } from '../tenure/useMe';

const MAX_RESULTS = 8;

/** Side panel: my pod partners, any colleague by name, and "who should I bring for…" (issue 6). */
export function PodLookup() {
  const meId = useMe()?.id ?? null;
  const team = useLive<Rep[]>(() => listTeam(db()), [], []);
  const pod = useLive<Pod | undefined>(async () => (meId ? podOf(db(), meId) : undefined), [meId], undefined);
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<string | null>(null);

  const me = team.find((rep) => rep.id === meId);
  if (!me) return null;
  const partners = (pod?.memberIds ?? []).filter((id) => id !== me.id).flatMap((id) => team.find((rep) => rep.id === id) ?? []);
  const needle = query.trim().toLowerCase();
  const results = needle
    ? team.filter((rep) => rep.id !== me.id && `${rep.name} ${rep.email ?? ''}`.toLowerCase().includes(needle)).slice(0, MAX_RESULTS)
    : [];
  const shown = results.find((rep) => rep.id === picked);

  return (
    <section aria-labelledby="pods-lookup-h">
      <h2 id="pods-lookup-h">{t('pods_lookupTitle')}</h2>
      {!me.traits && <p class="muted">{t('pods_takeAssessmentHint')}</p>}
      {pod && partners.length > 0 ? (
        <div data-testid="pods-my-pod">
          <p>{t('pods_myPod', pod.name)}</p>
          {partners.map((partner) => (
            <PartnerCard key={partner.id} me={me} other={partner} testId="pods-partner" />
          ))}
        </div>
      ) : (
        <p class="muted" data-testid="pods-no-pod">{t('pods_noPod')}</p>
      )}

      <BringHelper meId={me.id} team={team} podMemberIds={pod?.memberIds ?? []} />

      <label for="pods-search">{t('pods_search')}</label>
      <input id="pods-search" type="search" value={query} autocomplete="off" onInput={(e) => setQuery(e.currentTarget.value)} />
      {needle && results.length === 0 && <p class="muted">{t('pods_searchNone', query.trim())}</p>}
      {results.length > 0 && (
        <ul class="plain pods-results" aria-label={t('pods_searchResults')}>
          {results.map((rep) => (
            <li key={rep.id}>
              <button type="button" aria-pressed={rep.id === picked} onClick={() => setPicked(rep.id === picked ? null : rep.id)}>
                {rep.name} {rep.email && <span class="status">{rep.email}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      {shown && <PartnerCard me={me} other={shown} testId="pods-search-card" />}
    </section>
  );
}
