import { useState } from 'preact/hooks';
import { db } from '@/lib/db';
import { replacePods } from '@/lib/db/pods';
import { t } from '@/lib/i18n';
import type { Pod, Rep } from '@/lib/model';
import { formPods } from '@/lib/pods';
import { moveMember, withNames } from '@/lib/pods/adjust';
import { MAX_POD_SIZE, MIN_POD_SIZE } from '@/lib/pods/pod-sizes';
import { DraftPod } from './DraftPod';
import { MustStay } from './MustStay';
import { PodRules, type PodRule } from './PodRules';

const SIZES = Array.from({ length: MAX_POD_SIZE - MIN_POD_SIZE + 1 }, (_, i) => MIN_POD_SIZE + i);

/**
 * The team lead's pods: the saved ones, or a draft from "Form pods" or from moving people
 * by hand. Nothing is written until Save, which replaces the saved pods as a whole.
 */
export function PodFormation({ team, saved, meId }: { team: readonly Rep[]; saved: readonly Pod[]; meId: string | null }) {
  const [size, setSize] = useState(2);
  const [rules, setRules] = useState<PodRule[]>([]);
  const [stay, setStay] = useState<Set<string>>(new Set());
  const [draft, setDraft] = useState<string[][] | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const byId = new Map(team.map((rep) => [rep.id, rep]));
  // Saved pods may name reps who have since left (tombstoned): they are not shown.
  const savedGroups = saved.map((pod) => pod.memberIds.filter((id) => byId.has(id))).filter((g) => g.length > 0);
  const groups = draft ?? savedGroups;
  const placed = new Set(groups.flat());
  const inSavedPods = team.filter((rep) => savedGroups.some((g) => g.includes(rep.id)));
  const unplaced = team.filter((rep) => !placed.has(rep.id));

  function form() {
    if (team.length < 2) return setMessage({ kind: 'error', text: t('pods_needTwo') });
    const pairs = (kind: PodRule['kind']) => rules.filter((r) => r.kind === kind).map((r) => [r.a, r.b] as const);
    try {
      const mustStay = [...stay].filter((id) => inSavedPods.some((rep) => rep.id === id));
      const pods = formPods(team, { podSize: size, keepTogether: pairs('together'), keepApart: pairs('apart'), current: savedGroups, mustStay });
      setDraft(pods);
      setMessage({ kind: 'ok', text: t('pods_formed', pods.length) });
    } catch (err) {
      setMessage({ kind: 'error', text: t('pods_formFailed', withNames(err instanceof Error ? err.message : String(err), team)) });
    }
  }

  async function save() {
    if (groups.length === 0) return setMessage({ kind: 'error', text: t('pods_nothingToSave') });
    try {
      await replacePods(db(), groups.map((memberIds, i) => ({ name: t('pods_podName', i + 1), memberIds })));
      setDraft(null);
      setMessage({ kind: 'ok', text: unplaced.length ? t('pods_savedUnplaced', unplaced.length) : t('pods_saved', groups.length) });
    } catch (err) {
      setMessage({ kind: 'error', text: t('pods_saveFailed', String(err)) });
    }
  }

  const move = (repId: string, to: number) => setDraft(moveMember(groups, repId, to));

  return (
    <section aria-labelledby="pods-form-h">
      <h3 id="pods-form-h">{t('pods_formTitle')}</h3>
      <PodRules team={team} rules={rules} onChange={setRules} />
      <MustStay reps={inSavedPods} value={stay} onChange={setStay} />
      <div class="pods-actions">
        <label for="pods-size">{t('pods_podSize')}</label>
        <select id="pods-size" value={size} onChange={(e) => setSize(Number(e.currentTarget.value))}>
          {SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <button type="button" onClick={form}>
          {t('pods_form')}
        </button>
        <button type="button" class="primary" onClick={save} disabled={draft === null}>
          {t('pods_save')}
        </button>
        {draft !== null && <span class="status">{t('pods_unsaved')}</span>}
      </div>
      <p role="status" class={message?.kind === 'error' ? 'error' : 'muted'}>
        {message?.text}
      </p>
      {groups.length === 0 && <p class="muted">{t('pods_noPods')}</p>}
      {groups.map((ids, i) => (
        <DraftPod key={ids.join()} index={i} count={groups.length} members={ids.flatMap((id) => byId.get(id) ?? [])} meId={meId} onMove={move} />
      ))}
      {unplaced.length > 0 && groups.length > 0 && (
        <DraftPod index={-1} count={groups.length} members={unplaced} meId={meId} onMove={move} />
      )}
    </section>
  );
}
