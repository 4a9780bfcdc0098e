/**
 * "Who should I bring for …?" (DESIGN §1 Pods, side panel): each task needs one trait, and
 * the answer is the colleague strongest on it. Pod partners come first because the pod is
 * who the rep already works with; someone outside the pod is suggested only when they are
 * clearly stronger, i.e. when no partner is strong on the trait and the outsider is.
 */
import type { Rep } from '../model';
import { HIGH_FROM } from './trait-words';
import type { TraitKey } from './traits';

export const BRING_TASKS = ['maintain', 'vet', 'close', 'contract'] as const;
export type BringTask = (typeof BRING_TASKS)[number];

/** The trait each task calls for. */
export const TASK_TRAIT: Readonly<Record<BringTask, TraitKey>> = {
  maintain: 'relationship',
  vet: 'skepticism',
  close: 'goalOrientation',
  contract: 'detailAttention',
};

export interface BringChoice {
  readonly rep: Rep;
  readonly trait: TraitKey;
  readonly score: number;
  /** The colleague is in my pod. */
  readonly inPod: boolean;
  /** The score is high (≥ HIGH_FROM), not merely the best there is. */
  readonly strong: boolean;
}

/**
 * The best colleague for a task, or undefined when no colleague has trait scores (an
 * unassessed rep is not suggested: we would only be guessing). Ties go to the earlier rep
 * in `reps`, so the answer is stable.
 */
export function whoToBring(
  task: BringTask,
  meId: string,
  reps: readonly Rep[],
  podMemberIds: readonly string[],
): BringChoice | undefined {
  const trait = TASK_TRAIT[task];
  const inPod = new Set(podMemberIds);
  const best = (pool: readonly Rep[]) =>
    pool.reduce<Rep | undefined>((top, rep) => (top === undefined || score(rep) > score(top) ? rep : top), undefined);
  const score = (rep: Rep) => rep.traits?.[trait] ?? -1;

  const colleagues = reps.filter((rep) => rep.id !== meId && rep.deleted !== true && rep.traits !== undefined);
  const partner = best(colleagues.filter((rep) => inPod.has(rep.id)));
  const outsider = best(colleagues.filter((rep) => !inPod.has(rep.id)));
  const choose = (rep: Rep): BringChoice => ({
    rep,
    trait,
    score: score(rep),
    inPod: inPod.has(rep.id),
    strong: score(rep) >= HIGH_FROM,
  });

  if (partner !== undefined && score(partner) >= HIGH_FROM) return choose(partner);
  if (outsider !== undefined && (partner === undefined || score(outsider) > score(partner))) return choose(outsider);
  return partner === undefined ? undefined : choose(partner);
}
