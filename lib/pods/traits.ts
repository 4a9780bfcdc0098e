import type { Rep, Traits } from '../model';

/** The four traits in one fixed order; flat arrays in the pod code use this order. */
export const TRAIT_KEYS = ['goalOrientation', 'skepticism', 'detailAttention', 'relationship'] as const;
export type TraitKey = (typeof TRAIT_KEYS)[number];

/** The article's balance criterion names three traits; relationship is judged separately. */
export const CORE_TRAIT_KEYS = ['goalOrientation', 'skepticism', 'detailAttention'] as const;

export type Lang = 'en' | 'zh';

/**
 * Stand-in for a rep who has not taken the self-assessment: the middle of every scale.
 * It adds no spread to a pod and does not count as relationship-oriented, so formation
 * still places the rep without pretending to know them.
 */
export const NEUTRAL_TRAITS: Traits = Object.freeze({
  goalOrientation: 50,
  skepticism: 50,
  detailAttention: 50,
  relationship: 50,
});

export function traitsOf(rep: Pick<Rep, 'traits'>): Traits {
  return rep.traits ?? NEUTRAL_TRAITS;
}
