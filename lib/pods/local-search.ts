/**
 * Local search over pod assignments. For each movable unit (a rep, or a keepTogether
 * group) it looks at other pods and takes the best of:
 *   - swapping with a unit of the same size there,
 *   - swapping a group with as many single reps there,
 *   - moving over, when the two pods' sizes simply trade places (a pod of 5 and a pod of 4
 *     stay a 5 and a 4, so the size rule keeps holding).
 * Pinned units never move. Small teams look at every other pod; large teams at a seeded
 * sample, which finds nearly the same improvements at a fraction of the cost.
 *
 * Everything counts "evaluations" (one pod re-scored) so the work is bounded and the
 * result depends only on input and seed, never on the clock.
 */
import { APART_PENALTY, type PodState } from './pod-state';
import { randomInt, shuffleInPlace, type Random } from './random';

export interface SearchLimits {
  /** Look at every other pod when there are at most this many; otherwise sample. */
  readonly fullNeighbourhoodPods: number;
  readonly samplePods: number;
  readonly maxRounds: number;
}

/** Improvements smaller than this are rounding noise and would let the search cycle. */
export const EPSILON = 1e-9;
const NO_REPS: readonly number[] = [];

export class LocalSearch {
  evaluations = 0;
  private readonly movable: number[];
  /** Rep → 1 when it is a unit of its own and not pinned: the fast path applies. */
  private readonly freeSingle: Uint8Array;

  constructor(
    private readonly state: PodState,
    private readonly random: Random,
    private readonly limits: SearchLimits,
  ) {
    const { units, unitPin } = state.problem;
    this.movable = units.map((_, u) => u).filter((u) => (unitPin[u] as number) === -1);
    this.freeSingle = new Uint8Array(state.problem.ids.length);
    for (const u of this.movable) {
      const members = units[u] as readonly number[];
      if (members.length === 1) this.freeSingle[members[0] as number] = 1;
    }
  }

  /** Runs rounds until one finds nothing, the round limit, or the evaluation budget. */
  run(budget: number): void {
    for (let round = 0; round < this.limits.maxRounds && this.evaluations < budget; round++) {
      let improved = false;
      for (const u of shuffleInPlace(this.random, this.movable)) {
        const members = this.state.problem.units[u] as readonly number[];
        if (members.length === 1 ? this.improveSingle(members[0] as number) : this.improveUnit(u)) improved = true;
        if (this.evaluations >= budget) break;
      }
      if (!improved) return;
    }
  }

  /** A random legal swap or move of a random unit, taken whether or not it helps (a "kick"). */
  kick(): void {
    const { state } = this;
    const pods = state.pods.length;
    if (this.movable.length === 0 || pods < 2) return;
    const u = this.movable[randomInt(this.random, this.movable.length)] as number;
    const p = state.unitPod[u] as number;
    let q = randomInt(this.random, pods - 1);
    if (q >= p) q++;
    const mine = state.problem.units[u] as readonly number[];
    const units = state.problem.units;
    const partners = this.unitsIn(q).filter((v) => (units[v] as readonly number[]).length === mine.length);
    const back =
      partners.length > 0 ? (units[partners[randomInt(this.random, partners.length)] as number] as readonly number[]) : NO_REPS;
    const canMove = (state.pods[p] as number[]).length - mine.length === (state.pods[q] as number[]).length;
    if (back === NO_REPS && !canMove) return;
    state.exchange(p, q, mine, back);
  }

  private unitsIn(q: number): number[] {
    const { state } = this;
    const { units, unitPin } = state.problem;
    const found: number[] = [];
    for (const i of state.pods[q] as number[]) {
      const v = state.unitOfRep[i] as number;
      if ((units[v] as readonly number[])[0] === i && (unitPin[v] as number) === -1) found.push(v);
    }
    return found;
  }

  private setLeaving(reps: readonly number[], flag: 0 | 1): void {
    for (const i of reps) this.state.leaving[i] = flag;
  }

  private improveUnit(u: number): boolean {
    const { state, limits, random } = this;
    const { units } = state.problem;
    const podCount = state.pods.length;
    const p = state.unitPod[u] as number;
    const podP = state.pods[p] as number[];
    const mine = units[u] as readonly number[];
    const size = mine.length;
    const oldP = state.value[p] as number;

    this.setLeaving(mine, 1);
    const pWithout = state.valueOf(podP, NO_REPS, 0);
    this.evaluations++;

    let bestDelta = EPSILON;
    let bestQ = -1;
    let bestBack: readonly number[] = NO_REPS;

    const tryPod = (q: number) => {
      const podQ = state.pods[q] as number[];
      const oldPQ = oldP + (state.value[q] as number);
      // What may come back from q: the same number of reps (sizes unchanged), or the number
      // that makes the two pods trade sizes (so the size rule still holds).
      const sameSizes = size;
      const tradeSizes = size + podQ.length - podP.length;
      const free = this.unitsIn(q);
      // Every subset of q's movable units (a pod has at most five members).
      for (let subset = 0; subset < 1 << free.length; subset++) {
        const back: number[] = [];
        for (let k = 0; k < free.length; k++) {
          if ((subset & (1 << k)) !== 0) back.push(...(units[free[k] as number] as readonly number[]));
        }
        if (back.length !== sameSizes && back.length !== tradeSizes) continue;
        this.setLeaving(back, 1);
        const newP = back.length === 0 ? pWithout : state.valueOf(podP, back, back.length);
        const newQ = state.valueOf(podQ, mine, size);
        this.setLeaving(back, 0);
        this.evaluations += 2;
        const delta = newP + newQ - oldPQ;
        if (delta > bestDelta) {
          bestDelta = delta;
          bestQ = q;
          bestBack = back;
        }
      }
    };

    if (podCount <= limits.fullNeighbourhoodPods) {
      for (let q = 0; q < podCount; q++) if (q !== p) tryPod(q);
    } else {
      for (let k = 0; k < limits.samplePods; k++) {
        const q = randomInt(random, podCount);
        if (q !== p) tryPod(q);
      }
    }
    this.setLeaving(mine, 0);
    if (bestQ === -1) return false;
    state.exchange(p, bestQ, mine, bestBack);
    return true;
  }

  /**
   * The fast path for a single rep a: swaps with other single reps and moves, scored from
   * the pods' cached leave-one-out statistics. keepApart enters as a change in the count
   * of partners sharing a pod, so no pod is rebuilt to try a swap.
   */
  private improveSingle(a: number): boolean {
    const { state, limits, random } = this;
    const podCount = state.pods.length;
    const p = state.podOf[a] as number;
    state.ensureCache(p);
    this.bestDelta = EPSILON;
    this.bestQ = -1;
    this.bestB = -1;
    this.pWithout = NaN;
    this.homeClash = state.problem.hasApart ? state.partnersIn(a, p, -1) : 0;
    const ja = (state.pods[p] as number[]).indexOf(a);
    if (podCount <= limits.fullNeighbourhoodPods) {
      for (let q = 0; q < podCount; q++) if (q !== p) this.trySingleInto(a, p, ja, q);
    } else {
      for (let k = 0; k < limits.samplePods; k++) {
        const q = randomInt(random, podCount);
        if (q !== p) this.trySingleInto(a, p, ja, q);
      }
    }
    if (this.bestQ === -1) return false;
    state.exchange(p, this.bestQ, [a], this.bestB === -1 ? NO_REPS : [this.bestB]);
    return true;
  }

  // Best move found so far by improveSingle; fields rather than closures because this is
  // the innermost loop and closures cost an allocation per call.
  private bestDelta = 0;
  private bestQ = -1;
  private bestB = -1;
  private pWithout = NaN;
  private homeClash = 0;

  /** Tries moving rep a (position ja of pod p) into pod q, and swapping it with each single there. */
  private trySingleInto(a: number, p: number, ja: number, q: number): void {
    const { state, freeSingle } = this;
    const apart = state.problem.hasApart;
    state.ensureCache(q);
    const podQ = state.pods[q] as number[];
    const base = (state.score[p] as number) + (state.score[q] as number);
    if ((state.pods[p] as number[]).length - 1 === podQ.length) {
      if (Number.isNaN(this.pWithout)) this.pWithout = state.scoreReplacing(p, ja, -1);
      let delta = this.pWithout + state.scoreAdding(q, a) - base;
      if (apart) delta -= APART_PENALTY * (state.partnersIn(a, q, -1) - this.homeClash);
      this.evaluations++;
      if (delta > this.bestDelta) {
        this.bestDelta = delta;
        this.bestQ = q;
        this.bestB = -1;
      }
    }
    for (let jb = 0; jb < podQ.length; jb++) {
      const b = podQ[jb] as number;
      if (freeSingle[b] === 0) continue;
      let delta = state.scoreReplacing(p, ja, b) + state.scoreReplacing(q, jb, a) - base;
      if (apart) {
        const clashes = state.partnersIn(a, q, b) + state.partnersIn(b, p, a);
        delta -= APART_PENALTY * (clashes - this.homeClash - state.partnersIn(b, q, -1));
      }
      this.evaluations += 2;
      if (delta > this.bestDelta) {
        this.bestDelta = delta;
        this.bestQ = q;
        this.bestB = b;
      }
    }
  }
}
