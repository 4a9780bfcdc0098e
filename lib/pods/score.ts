/**
 * How good a pod is (DESIGN §1: complementary people, balanced on goal orientation,
 * skepticism and detail attention). Every part is in [0, 1]:
 *
 *   - coverage: for each of the four traits, the spread max − min over 100, averaged.
 *     A pod whose members sit at both ends of a trait covers both kinds of work
 *     (deal-making and upkeep, fast and careful).
 *   - balance: for each core trait, the mean of "centred" (1 − |pod mean − 50| / 50: the
 *     pod as a whole neither rushes nor stalls) and its spread; averaged over the three.
 *   - relationship: 1 when some member has relationship ≥ 60 (someone who naturally
 *     maintains accounts); otherwise partial credit 0.5 × (highest relationship / 60), so
 *     a pod of hunters still prefers its most maintenance-minded member.
 *
 *   score = 0.5 × balance + 0.3 × coverage + 0.2 × relationship.
 *
 * Balance carries the most weight because the article calls it the core criterion.
 * A pod of one has no spread, so a clone pod and a lone rep score alike: low.
 *
 * The scorer works on per-trait min/max/sum so the formation search can evaluate a swap
 * from a few numbers without building objects; podScore() is the readable entry point.
 */
import type { Rep, Traits } from '../model';
import { TRAIT_KEYS, traitsOf } from './traits';

export { explainPair } from './pair-text';

export const SCORE_WEIGHTS = Object.freeze({ balance: 0.5, coverage: 0.3, relationship: 0.2 });
/** A member at or above this relationship score counts as the pod's maintainer. */
export const RELATIONSHIP_PRESENT = 60;

export interface PodScore {
  readonly coverage: number;
  readonly balance: number;
  readonly relationship: number;
  /** The weighted total in [0, 1]. */
  readonly total: number;
}

const CORE = 3; // the first three TRAIT_KEYS
const REL = 3; // index of relationship in TRAIT_KEYS

/**
 * The score from per-trait statistics of a pod of `count` members: minimum, maximum and
 * sum of each trait in TRAIT_KEYS order. Thirteen plain numbers rather than an object so
 * the formation search can call it in its innermost loop without allocating.
 */
export function scoreFromParts(
  min0: number, min1: number, min2: number, min3: number,
  max0: number, max1: number, max2: number, max3: number,
  sum0: number, sum1: number, sum2: number,
  count: number,
): number {
  if (count === 0) return 0;
  const spread0 = (max0 - min0) / 100;
  const spread1 = (max1 - min1) / 100;
  const spread2 = (max2 - min2) / 100;
  const coverage = (spread0 + spread1 + spread2 + (max3 - min3) / 100) / 4;
  const balance =
    (1 - Math.abs(sum0 / count - 50) / 50 + spread0 +
      (1 - Math.abs(sum1 / count - 50) / 50 + spread1) +
      (1 - Math.abs(sum2 / count - 50) / 50 + spread2)) /
    (2 * CORE);
  const relationship = max3 >= RELATIONSHIP_PRESENT ? 1 : (0.5 * max3) / RELATIONSHIP_PRESENT;
  return SCORE_WEIGHTS.balance * balance + SCORE_WEIGHTS.coverage * coverage + SCORE_WEIGHTS.relationship * relationship;
}

/** scoreFromParts over stats laid out as [min×4, max×4, sum×4]. */
export function scoreFromStats(stats: ArrayLike<number>, count: number): number {
  return scoreFromParts(
    stats[0] as number, stats[1] as number, stats[2] as number, stats[3] as number,
    stats[4] as number, stats[5] as number, stats[6] as number, stats[7] as number,
    stats[8] as number, stats[9] as number, stats[10] as number,
    count,
  );
}

function statsOf(members: readonly Traits[]): number[] {
  const stats = [101, 101, 101, 101, -1, -1, -1, -1, 0, 0, 0, 0];
  for (const traits of members) {
    TRAIT_KEYS.forEach((key, t) => {
      const v = traits[key];
      stats[t] = Math.min(stats[t] as number, v);
      stats[4 + t] = Math.max(stats[4 + t] as number, v);
      stats[8 + t] = (stats[8 + t] as number) + v;
    });
  }
  return stats;
}

export function podScoreParts(members: readonly Traits[]): PodScore {
  if (members.length === 0) return { coverage: 0, balance: 0, relationship: 0, total: 0 };
  const stats = statsOf(members);
  const spread = (t: number) => ((stats[4 + t] as number) - (stats[t] as number)) / 100;
  const centred = (t: number) => 1 - Math.abs((stats[8 + t] as number) / members.length - 50) / 50;
  const coverage = (spread(0) + spread(1) + spread(2) + spread(3)) / 4;
  const balance = [0, 1, 2].reduce((acc, t) => acc + (centred(t) + spread(t)) / 2, 0) / CORE;
  const maxRel = stats[4 + REL] as number;
  const relationship = maxRel >= RELATIONSHIP_PRESENT ? 1 : (0.5 * maxRel) / RELATIONSHIP_PRESENT;
  return { coverage, balance, relationship, total: scoreFromStats(stats, members.length) };
}

/** The pod's total score; reps without a self-assessment count as neutral (see traitsOf). */
export function podScore(members: readonly (Traits | Pick<Rep, 'traits'>)[]): number {
  return podScoreParts(members.map(asTraits)).total;
}

/**
 * Sum of pod scores for a whole partition of the team (what formation maximises; with the
 * pod count fixed by the size rule this ranks partitions exactly as the mean does).
 */
export function teamScore(reps: readonly Rep[], pods: readonly (readonly string[])[]): number {
  const byId = new Map(reps.map((rep) => [rep.id, traitsOf(rep)]));
  let total = 0;
  for (const pod of pods) {
    total += podScoreParts(
      pod.map((id) => {
        const traits = byId.get(id);
        if (traits === undefined) throw new Error(`Pod member ${id} is not on the team.`);
        return traits;
      }),
    ).total;
  }
  return total;
}

function asTraits(member: Traits | Pick<Rep, 'traits'>): Traits {
  return 'goalOrientation' in member ? member : traitsOf(member);
}
