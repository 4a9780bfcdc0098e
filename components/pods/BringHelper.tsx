import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { Rep } from '@/lib/model';
import { BRING_TASKS, whoToBring, type BringTask } from '@/lib/pods/bring';
import { TRAIT_WORDS } from '@/lib/pods/trait-words';
import { traitLabel, uiLang } from './lang';

/** "Who should I bring for …?": pick a task, get one colleague and the reason. */
export function BringHelper({ meId, team, podMemberIds }: { meId: string; team: readonly Rep[]; podMemberIds: readonly string[] }) {
  const [task, setTask] = useState<BringTask>('maintain');
  const choice = whoToBring(task, meId, team, podMemberIds);
  let answer = t('pods_bringNobody');
  if (choice) {
    const does = TRAIT_WORDS[choice.trait].high[uiLang()];
    const args = [choice.rep.name, does, traitLabel(choice.trait), choice.score] as const;
    answer = choice.inPod ? t('pods_bringPartner', ...args) : t('pods_bringColleague', ...args);
    if (!choice.strong) answer += ` ${t('pods_bringWeak')}`;
  }
  return (
    <div>
      <label for="pods-task">{t('pods_bringLabel')}</label>
      <select id="pods-task" value={task} onChange={(e) => setTask(e.currentTarget.value as BringTask)}>
        {BRING_TASKS.map((key) => (
          <option key={key} value={key}>
            {t(`pods_task_${key}`)}
          </option>
        ))}
      </select>
      <p role="status" data-testid="pods-bring">
        {answer}
      </p>
    </div>
  );
}
