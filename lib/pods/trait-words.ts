/**
 * Plain words for each end of each trait, shared by the profile text and the pair
 * explanations so a rep reads the same phrase about themselves and about a partner.
 * Phrases are third person and fit after a name: "Li pushes to close".
 */
import type { Lang, TraitKey } from './traits';

type Text = Readonly<Record<Lang, string>>;

export interface TraitWords {
  /** What someone high on the trait does. */
  readonly high: Text;
  /** What someone low on the trait does. */
  readonly low: Text;
  /** What a high/low pair achieves together, after "together they …". */
  readonly together: Text;
}

export const TRAIT_WORDS: Readonly<Record<TraitKey, TraitWords>> = {
  goalOrientation: {
    high: { en: 'pushes to close', zh: '推动成交' },
    low: { en: 'checks before committing', zh: '先核实再承诺' },
    together: { en: 'keep the pace', zh: '把握好节奏' },
  },
  skepticism: {
    high: { en: 'questions every claim', zh: '对每个说法都要求证' },
    low: { en: 'takes people at their word', zh: '愿意相信对方' },
    together: { en: 'catch weak claims without stalling the deal', zh: '既能识破不实的说法，又不拖慢交易' },
  },
  detailAttention: {
    high: { en: 'minds the details', zh: '注重细节' },
    low: { en: 'keeps the big picture', zh: '把握大局' },
    together: { en: 'get both the plan and the paperwork right', zh: '方案和细节都能做好' },
  },
  relationship: {
    high: { en: 'looks after existing customers', zh: '用心维护老客户' },
    low: { en: 'goes after new accounts', zh: '擅长开拓新客户' },
    together: { en: 'win new business and keep it', zh: '既能赢得新客户，也能留住他们' },
  },
};

/** Trait levels used by all the texts: low < 40 ≤ middle < 60 ≤ high. */
export const LOW_BELOW = 40;
export const HIGH_FROM = 60;

export type Level = 'low' | 'middle' | 'high';

export function levelOf(score: number): Level {
  if (score >= HIGH_FROM) return 'high';
  if (score < LOW_BELOW) return 'low';
  return 'middle';
}
