import * as z from 'zod/mini';
import { Traits } from '@/lib/model/rep';
import { COMPLEMENT_GAP, explainPair } from '@/lib/pods/pair-text';
import { NEUTRAL_TRAITS, TRAIT_KEYS, type Lang, type TraitKey } from '@/lib/pods/traits';

/** What the background adds to a pod partner (lib/db/subject-info.ts) so the dock can say why them. */
export const PartnerPair = z.object({
  traits: z.optional(Traits),
  me: z.object({ name: z.string(), traits: z.optional(Traits) }),
});
type Named = { name: string; traits?: Traits | undefined };

/** The trait on which the two differ most, when they differ enough to complement each other. */
export function strongestComplement(a: Traits, b: Traits): TraitKey | null {
  let best: TraitKey | null = null;
  let gap = COMPLEMENT_GAP - 1;
  for (const k of TRAIT_KEYS) {
    const d = Math.abs(a[k] - b[k]);
    if (d > gap) [best, gap] = [k, d];
  }
  return best;
}

/**
 * One sentence on why this colleague is my partner: the trait on which we complement each other
 * most ("Wang Fang minds the details, Li keeps the big picture: together they get both the plan
 * and the paperwork right."). The wording is the pods' own (lib/pods/pair-text.ts): the pair is
 * explained with every other trait set level, so that trait's sentence is the only one. Without
 * a complement, the pair's first remark (a shared blind spot, or who has not assessed themselves).
 */
export function podReason(me: Named, partner: Named, lang: Lang): string {
  const key = me.traits && partner.traits ? strongestComplement(me.traits, partner.traits) : null;
  if (!key) return explainPair(me, partner, lang)[0] ?? '';
  const only = (r: Named) => ({ name: r.name, traits: { ...NEUTRAL_TRAITS, [key]: r.traits![key] } });
  return explainPair(only(partner), only(me), lang)[0] ?? '';
}
