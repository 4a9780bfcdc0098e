/**
 * The mutable assignment the formation search works on: which pod slot each rep sits in,
 * each pod's members, and each pod's cached score.
 *
 * A pod's *value* is its score minus a penalty per keepApart pair inside it, so the search
 * treats a broken keepApart as far worse than any score difference (a swap changes two
 * pods by at most 1 each) while still being able to walk out of one that the construction
 * could not avoid.
 *
 * For speed, each pod also caches its per-trait min/max/sum with each single member left
 * out, so trying "swap a for b" costs two small additions instead of two full re-scores.
 */
import type { Problem } from './problem';
import { scoreFromParts, scoreFromStats } from './score';

export const APART_PENALTY = 10;
/** Pods never exceed 5 (podSize 4 + 1); one spare slot for safety. */
const MAX_MEMBERS = 6;
const STATS = 12;

export class PodState {
  readonly pods: number[][];
  readonly podOf: Int32Array;
  readonly unitPod: Int32Array;
  /** Pod score (no penalty). */
  readonly score: Float64Array;
  /** Pod score minus APART_PENALTY per keepApart pair inside. */
  readonly value: Float64Array;
  /** Rep → its keepTogether unit. */
  readonly unitOfRep: Int32Array;
  /** Scratch: 1 for reps that leave the pod being evaluated. */
  readonly leaving: Uint8Array;

  /** Per pod and member position: stats of the pod without that member. */
  private readonly without: Float64Array;
  /** Per pod: stats of the whole pod. */
  private readonly full: Float64Array;
  private readonly stale: Uint8Array;
  private readonly buf = new Int32Array(16);
  private readonly scratch = new Float64Array(STATS);

  constructor(readonly problem: Problem) {
    const n = problem.ids.length;
    const slots = problem.sizes.length;
    this.pods = problem.sizes.map(() => []);
    this.podOf = new Int32Array(n).fill(-1);
    this.unitPod = new Int32Array(problem.units.length).fill(-1);
    this.score = new Float64Array(slots);
    this.value = new Float64Array(slots);
    this.leaving = new Uint8Array(n);
    this.unitOfRep = new Int32Array(n);
    problem.units.forEach((members, u) => members.forEach((i) => (this.unitOfRep[i] = u)));
    this.without = new Float64Array(slots * MAX_MEMBERS * STATS);
    this.full = new Float64Array(slots * STATS);
    this.stale = new Uint8Array(slots).fill(1);
  }

  placeUnit(u: number, slot: number): void {
    const members = this.problem.units[u] as readonly number[];
    const pod = this.pods[slot] as number[];
    for (const i of members) {
      pod.push(i);
      this.podOf[i] = slot;
    }
    this.unitPod[u] = slot;
    this.stale[slot] = 1;
  }

  refreshValues(): void {
    for (let p = 0; p < this.pods.length; p++) this.refresh(p);
  }

  private refresh(p: number): void {
    const value = this.valueOf(this.pods[p] as number[], EMPTY, 0);
    this.value[p] = value;
    this.score[p] = this.lastScore;
    this.stale[p] = 1;
  }

  /** Score part of the most recent valueOf call (value minus the penalty). */
  lastScore = 0;

  /**
   * Value of `members` minus those flagged in `leaving`, plus incoming[0 … inCount).
   * The general path (groups, kicks); single-rep swaps use scoreSwapIn/scoreMoveOut.
   */
  valueOf(members: readonly number[], incoming: ArrayLike<number>, inCount: number): number {
    const { buf, scratch, leaving } = this;
    let count = 0;
    for (let m = 0; m < members.length; m++) {
      const i = members[m] as number;
      if (leaving[i] === 0) buf[count++] = i;
    }
    for (let m = 0; m < inCount; m++) buf[count++] = incoming[m] as number;
    resetStats(scratch, 0);
    for (let m = 0; m < count; m++) addRep(scratch, 0, this.problem.traits, buf[m] as number);
    const score = scoreFromStats(scratch, count);
    this.lastScore = score;
    return this.problem.hasApart ? score - APART_PENALTY * this.apartPairsIn(count) : score;
  }

  private apartPairsIn(count: number): number {
    const { buf } = this;
    let pairs = 0;
    for (let a = 0; a < count; a++) {
      const partners = this.problem.apart[buf[a] as number] as readonly number[];
      if (partners.length === 0) continue;
      for (let b = a + 1; b < count; b++) if (partners.includes(buf[b] as number)) pairs++;
    }
    return pairs;
  }

  /** Rebuilds pod p's leave-one-out stats if it changed since last use. */
  ensureCache(p: number): void {
    if (this.stale[p] === 0) return;
    const members = this.pods[p] as number[];
    const traits = this.problem.traits;
    const fullOffset = p * STATS;
    resetStats(this.full, fullOffset);
    for (const i of members) addRep(this.full, fullOffset, traits, i);
    for (let j = 0; j < members.length; j++) {
      const offset = (p * MAX_MEMBERS + j) * STATS;
      resetStats(this.without, offset);
      for (let m = 0; m < members.length; m++) if (m !== j) addRep(this.without, offset, traits, members[m] as number);
    }
    this.stale[p] = 0;
  }

  /** Score of pod p with the member at position j replaced by rep `incoming` (−1: just removed). */
  scoreReplacing(p: number, j: number, incoming: number): number {
    const count = (this.pods[p] as number[]).length;
    const offset = (p * MAX_MEMBERS + j) * STATS;
    return incoming === -1
      ? scoreFromStats(this.without.subarray(offset, offset + STATS), count - 1)
      : this.scoreWith(this.without, offset, incoming, count);
  }

  /** Score of pod p with rep `incoming` added. */
  scoreAdding(p: number, incoming: number): number {
    return this.scoreWith(this.full, p * STATS, incoming, (this.pods[p] as number[]).length + 1);
  }

  /** Stats at stats[offset…] plus rep i, scored; all in locals — the innermost loop. */
  private scoreWith(stats: Float64Array, offset: number, i: number, count: number): number {
    const traits = this.problem.traits;
    const o = i * 4;
    const v0 = traits[o] as number, v1 = traits[o + 1] as number;
    const v2 = traits[o + 2] as number, v3 = traits[o + 3] as number;
    return scoreFromParts(
      Math.min(stats[offset] as number, v0), Math.min(stats[offset + 1] as number, v1),
      Math.min(stats[offset + 2] as number, v2), Math.min(stats[offset + 3] as number, v3),
      Math.max(stats[offset + 4] as number, v0), Math.max(stats[offset + 5] as number, v1),
      Math.max(stats[offset + 6] as number, v2), Math.max(stats[offset + 7] as number, v3),
      (stats[offset + 8] as number) + v0, (stats[offset + 9] as number) + v1, (stats[offset + 10] as number) + v2,
      count,
    );
  }

  /** How many of rep i's keepApart partners sit in pod p, not counting `except`. */
  partnersIn(i: number, p: number, except: number): number {
    const partners = this.problem.apart[i] as readonly number[];
    let count = 0;
    for (let k = 0; k < partners.length; k++) {
      const j = partners[k] as number;
      if (j !== except && this.podOf[j] === p) count++;
    }
    return count;
  }

  /** Moves reps between two pods: `out` leaves p for q, `back` leaves q for p. */
  exchange(p: number, q: number, out: readonly number[], back: readonly number[]): void {
    this.pods[p] = (this.pods[p] as number[]).filter((i) => !out.includes(i)).concat(back);
    this.pods[q] = (this.pods[q] as number[]).filter((i) => !back.includes(i)).concat(out);
    for (const i of out) {
      this.podOf[i] = q;
      this.unitPod[this.unitOfRep[i] as number] = q;
    }
    for (const i of back) {
      this.podOf[i] = p;
      this.unitPod[this.unitOfRep[i] as number] = p;
    }
    this.refresh(p);
    this.refresh(q);
  }

  total(): number {
    let sum = 0;
    for (const v of this.value) sum += v;
    return sum;
  }

  /** Rep → slot, to restore later. */
  snapshot(): Int32Array {
    return this.podOf.slice();
  }

  restore(podOf: Int32Array): void {
    for (const pod of this.pods) pod.length = 0;
    podOf.forEach((slot, i) => {
      (this.pods[slot] as number[]).push(i);
      this.podOf[i] = slot;
    });
    this.problem.units.forEach((members, u) => (this.unitPod[u] = podOf[members[0] as number] as number));
    this.refreshValues();
  }
}

const EMPTY = new Int32Array(0);

export function resetStats(stats: Float64Array, offset: number): void {
  for (let t = 0; t < 4; t++) {
    stats[offset + t] = 101;
    stats[offset + 4 + t] = -1;
    stats[offset + 8 + t] = 0;
  }
}

export function addRep(stats: Float64Array, offset: number, traits: Float64Array, i: number): void {
  const o = i * 4;
  for (let t = 0; t < 4; t++) {
    const v = traits[o + t] as number;
    if (v < (stats[offset + t] as number)) stats[offset + t] = v;
    if (v > (stats[offset + 4 + t] as number)) stats[offset + 4 + t] = v;
    stats[offset + 8 + t] = (stats[offset + 8 + t] as number) + v;
  }
}
