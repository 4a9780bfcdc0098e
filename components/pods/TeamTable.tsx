import { t } from '@/lib/i18n';
import type { Rep } from '@/lib/model';
import { TRAIT_KEYS } from '@/lib/pods';
import { styleLabel, traitLabel } from './lang';
import { repName } from '../ui/rep-name';

/** The team's traits at a glance; reps who have no scores yet show dashes, not zeros. */
export function TeamTable({ team, meId }: { team: readonly Rep[]; meId: string | null }) {
  if (team.length === 0) return <p class="muted">{t('pods_teamEmpty')}</p>;
  return (
    <table class="pods-table" data-testid="pods-team">
      <caption>{t('pods_teamCaption', team.length)}</caption>
      <thead>
        <tr>
          <th scope="col">{t('pods_repName')}</th>
          <th scope="col">{t('pods_repEmail')}</th>
          {TRAIT_KEYS.map((key) => (
            <th key={key} scope="col" class="num">
              {traitLabel(key)}
            </th>
          ))}
          <th scope="col">{t('pods_style')}</th>
        </tr>
      </thead>
      <tbody>
        {team.map((rep) => (
          <tr key={rep.id} class={rep.id === meId ? 'mine' : undefined}>
            <th scope="row">{rep.id === meId ? t('pods_nameYou', repName(rep.name)) : rep.name}</th>
            <td>{rep.email ?? ''}</td>
            {TRAIT_KEYS.map((key) => (
              <td key={key} class="num">
                {rep.traits ? rep.traits[key] : '—'}
              </td>
            ))}
            <td>{styleLabel(rep.style)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
