/**
 * Exact pod formation by exhaustive search, the yardstick for formPods on small teams.
 *
 * Dynamic programming over subsets: best(remaining reps, pods of each size still to form)
 * = max over the pod that holds the lowest remaining rep. Every pod's score and
 * feasibility (keepTogether not split, keepApart not joined, at most one mustStay pod
 * inside, and then all of its mustStay reps) is computed once per subset and memoised. 12 reps give at most 4,096 × 7 states.
 */
import type { Rep } from '../model';
import { PodFormationError, prepareProblem, type FormOptions, type Problem } from './problem';
import { scoreFromStats } from './score';

export const EXACT_MAX_REPS = 14;

export function formPodsExact(reps: readonly Rep[], options: FormOptions): string[][] {
  const problem = prepareProblem(reps, options);
  const n = problem.ids.length;
  if (n > EXACT_MAX_REPS) {
    throw new PodFormationError(`Exact formation handles at most ${EXACT_MAX_REPS} reps; this team has ${n}.`);
  }
  if (n === 0) return [];

  const distinct = [...new Set(problem.sizes)].sort((x, y) => y - x);
  const bigSize = distinct[0] as number;
  const smallSize = distinct[1] ?? bigSize;
  const bigCount = problem.sizes.filter((s) => s === bigSize).length;
  const block = blockScorer(problem);

  // memo key: mask × (bigCount + 1) + big pods still to form
  const memo = new Map<number, { value: number; pod: number }>();
  const best = (mask: number, bigLeft: number): number => {
    if (mask === 0) return bigLeft === 0 ? 0 : -Infinity;
    const key = mask * (bigCount + 1) + bigLeft;
    const seen = memo.get(key);
    if (seen !== undefined) return seen.value;
    let value = -Infinity;
    let pod = 0;
    const low = mask & -mask;
    const rest = mask ^ low;
    const remaining = popcount(mask);
    const smallLeftNeeded = bigSize === smallSize ? 0 : remaining - bigLeft * bigSize;
    const tryPod = (size: number, nextBig: number) => {
      forEachSubset(rest, size - 1, (others) => {
        const members = others | low;
        const score = block(members);
        if (score === -Infinity) return;
        const total = score + best(mask ^ members, nextBig);
        if (total > value) {
          value = total;
          pod = members;
        }
      });
    };
    if (bigLeft > 0) tryPod(bigSize, bigLeft - 1);
    if (bigSize !== smallSize && smallLeftNeeded > 0 && smallLeftNeeded % smallSize === 0) tryPod(smallSize, bigLeft);
    memo.set(key, { value, pod });
    return value;
  };

  const full = 2 ** n - 1;
  if (best(full, bigCount) === -Infinity) {
    throw new PodFormationError(
      `No way to form pods of sizes ${problem.sizes.join(', ')} meets every keepTogether, keepApart and mustStay constraint.`,
    );
  }
  const chosen: number[] = [];
  for (let mask = full, bigLeft = bigCount; mask !== 0; ) {
    const { pod } = memo.get(mask * (bigCount + 1) + bigLeft) as { pod: number };
    chosen.push(pod);
    if (popcount(pod) === bigSize && bigLeft > 0) bigLeft--;
    mask ^= pod;
  }
  return labelPods(problem, chosen);
}

/** Score of the pod holding exactly the reps in `members`, or −Infinity if not allowed. */
function blockScorer(problem: Problem): (members: number) => number {
  const { units, unitPin, apart, traits } = problem;
  const unitMask = units.map((reps) => reps.reduce((m, i) => m | (1 << i), 0));
  const unitOfRep = new Int32Array(problem.ids.length);
  const pinOfRep = new Int32Array(problem.ids.length).fill(-1);
  const pinMask = new Map<number, number>();
  units.forEach((reps, u) =>
    reps.forEach((i) => {
      unitOfRep[i] = u;
      const pin = unitPin[u] as number;
      pinOfRep[i] = pin;
      if (pin !== -1) pinMask.set(pin, (pinMask.get(pin) ?? 0) | (1 << i));
    }),
  );
  const apartMask = apart.map((partners) => partners.reduce((m, j) => m | (1 << j), 0));
  const cache = new Map<number, number>();
  const stats = new Float64Array(12);
  return (members) => {
    const seen = cache.get(members);
    if (seen !== undefined) return seen;
    let score = -Infinity;
    let ok = true;
    let pin = -1;
    stats.fill(0);
    for (let t = 0; t < 4; t++) {
      stats[t] = 101;
      stats[4 + t] = -1;
    }
    let count = 0;
    for (let i = 0; ok && i < problem.ids.length; i++) {
      if ((members & (1 << i)) === 0) continue;
      const whole = unitMask[unitOfRep[i] as number] as number;
      if ((members & whole) !== whole) ok = false;
      if (((apartMask[i] as number) & members) !== 0) ok = false;
      const p = pinOfRep[i] as number;
      if (p !== -1) {
        // Everyone pinned to a pod must be in this block: they all stay in that pod.
        const together = pinMask.get(p) as number;
        if ((pin !== -1 && pin !== p) || (members & together) !== together) ok = false;
        pin = p;
      }
      for (let t = 0; t < 4; t++) {
        const v = traits[i * 4 + t] as number;
        stats[t] = Math.min(stats[t] as number, v);
        stats[4 + t] = Math.max(stats[4 + t] as number, v);
        stats[8 + t] = (stats[8 + t] as number) + v;
      }
      count++;
    }
    if (ok) score = scoreFromStats(stats, count);
    cache.set(members, score);
    return score;
  };
}

/** Pinned pods go to their slot; the others to the free slot holding most of their members today. */
function labelPods(problem: Problem, chosen: readonly number[]): string[][] {
  const slots = problem.sizes.length;
  const result: (number[] | undefined)[] = new Array<number[] | undefined>(slots).fill(undefined);
  const membersOf = (mask: number) => problem.ids.map((_, i) => i).filter((i) => (mask & (1 << i)) !== 0);
  const pinOf = (members: readonly number[]) => {
    for (const i of members) {
      const u = problem.units.findIndex((reps) => reps.includes(i));
      if ((problem.unitPin[u] as number) !== -1) return problem.unitPin[u] as number;
    }
    return -1;
  };
  const pending: number[][] = [];
  for (const mask of chosen) {
    const members = membersOf(mask);
    const pin = pinOf(members);
    if (pin !== -1) result[pin] = members;
    else pending.push(members);
  }
  for (const members of pending) {
    let bestSlot = -1;
    let bestOverlap = -1;
    for (let s = 0; s < slots; s++) {
      if (result[s] !== undefined) continue;
      const overlap = members.filter((i) => problem.startSlot[i] === s).length;
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        bestSlot = s;
      }
    }
    result[bestSlot] = members;
  }
  return result.map((members) => (members ?? []).map((i) => problem.ids[i] as string));
}

function popcount(x: number): number {
  let count = 0;
  for (; x !== 0; x &= x - 1) count++;
  return count;
}

/** Calls visit with every subset of `mask` that has exactly k bits. */
function forEachSubset(mask: number, k: number, visit: (subset: number) => void): void {
  const bits: number[] = [];
  for (let m = mask; m !== 0; m &= m - 1) bits.push(m & -m);
  const walk = (start: number, left: number, acc: number) => {
    if (left === 0) {
      visit(acc);
      return;
    }
    for (let i = start; i <= bits.length - left; i++) walk(i + 1, left - 1, acc | (bits[i] as number));
  };
  walk(0, k, 0);
}
