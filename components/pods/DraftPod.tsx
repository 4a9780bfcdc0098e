import { t } from '@/lib/i18n';
import type { Rep } from '@/lib/model';
import { explainPair, podScoreParts, traitsOf } from '@/lib/pods';
import { pairsOf } from '@/lib/pods/adjust';
import { uiLang } from './lang';
import { repName } from '../ui/rep-name';

const pct = (x: number) => Math.round(x * 100);

/**
 * One pod of the draft with its score, why its members fit, and a "move to" select per
 * member for adjustments by hand. index −1 is the group of reps not yet in any pod.
 */
export function DraftPod(props: { index: number; count: number; members: readonly Rep[]; meId: string | null; onMove: (repId: string, to: number) => void }) {
  const { index, count, members, meId, onMove } = props;
  const lang = uiLang();
  const unplaced = index < 0;
  const title = unplaced ? t('pods_unplaced') : t('pods_podName', index + 1);
  const score = podScoreParts(members.map(traitsOf));
  return (
    <div class="pods-card" data-testid={unplaced ? 'pods-unplaced' : 'pods-draft-pod'}>
      <h4>
        {title}{' '}
        {!unplaced && (
          <span class="status" title={t('pods_podScoreHelp')} data-testid="pods-fit">
            {t('pods_podScore', pct(score.total), pct(score.balance), pct(score.coverage))}
          </span>
        )}
      </h4>
      <ul class="plain">
        {members.map((rep) => {
          const id = `pods-move-${rep.id}`;
          return (
            <li key={rep.id} class="pods-member">
              <span>{rep.id === meId ? t('pods_nameYou', repName(rep.name)) : rep.name}</span>
              <span>
                <label for={id}>{t('pods_moveTo', repName(rep.name))}</label>{' '}
                <select id={id} value={unplaced ? '' : index} onChange={(e) => e.currentTarget.value !== '' && onMove(rep.id, Number(e.currentTarget.value))}>
                  {unplaced && <option value="">{t('pods_choose')}</option>}
                  {Array.from({ length: count }, (_, j) => (
                    <option key={j} value={j}>
                      {t('pods_podName', j + 1)}
                    </option>
                  ))}
                  <option value={count}>{t('pods_newPod')}</option>
                </select>
              </span>
            </li>
          );
        })}
      </ul>
      {!unplaced && members.length === 1 && <p class="error">{t('pods_podOfOne')}</p>}
      {!unplaced && members.length > 1 && (
        <ul class="pods-why">
          {pairsOf(members).flatMap(([a, b]) => explainPair(a, b, lang)).map((sentence, i) => (
            <li key={i}>{sentence}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
