import { db } from '@/lib/db';
import { listPods, listTeam } from '@/lib/db/pods';
import { t } from '@/lib/i18n';
import type { Pod, Rep } from '@/lib/model';
import { useLive } from '../ui/useLive';
import { AddRepForm } from './AddRepForm';
import { Assessment } from './Assessment';
import { PodFormation } from './PodFormation';
import { TeamTable } from './TeamTable';
import { TraitImport } from './TraitImport';
import './pods.css';
import { useMe } from '../tenure/useMe';

/** The team as stored, and which of it is me. */
function useTeam(): { meId: string | null; team: Rep[] } {
  const meId = useMe()?.id ?? null;
  const team = useLive<Rep[]>(() => listTeam(db()), [], []);
  return { meId, team };
}

/** Options → Me: my own self-assessment (issue 6). */
export function SelfAssessment() {
  const { meId, team } = useTeam();
  return <Assessment me={team.find((rep) => rep.id === meId) ?? null} />;
}

/** Options → Team lead: the team's traits and pod formation (issue 6). */
export function TeamPods() {
  const { meId, team } = useTeam();
  const pods = useLive<Pod[]>(() => listPods(db()), [], []);
  return (
    <section aria-labelledby="pods-team-h">
      <h2 id="pods-team-h">{t('pods_teamTitle')}</h2>
      <TeamTable team={team} meId={meId} />
      <AddRepForm team={team} />
      <TraitImport team={team} />
      <PodFormation team={team} saved={pods} meId={meId} />
    </section>
  );
}
