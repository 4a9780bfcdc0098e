/**
 * Automatic pod formation (DESIGN §1 "Pods", §7 budget: 1,000 reps ≤ 200 ms, within 2% of
 * the exact optimum where that can be computed).
 *
 * formPods maximises the sum of pod scores (score.ts) over the team. The pod count is
 * fixed by the size rule (pod-sizes.ts), so this is the same as maximising the mean.
 * Method: a seeded greedy construction (construct.ts), then local search with swaps and
 * size-preserving moves (local-search.ts). Small teams also get "kicks" — a random swap
 * followed by more local search, keeping the best assignment seen (iterated local
 * search) — which is what brings them to, or within a hair of, the exact optimum.
 *
 * Everything is bounded by counts, not time, so the same input and seed always give the
 * same pods. Output: one array of rep ids per pod, in input order within a pod; pod i
 * continues pod i of options.current.
 */
import type { Rep } from '../model';
import { construct } from './construct';
import { LocalSearch, EPSILON, type SearchLimits } from './local-search';
import { PodState } from './pod-state';
import { PodFormationError, prepareProblem, type FormOptions, type Problem } from './problem';
import { seededRandom } from './random';

export { PodFormationError, type FormOptions } from './problem';
export { formPodsExact, EXACT_MAX_REPS } from './form-exact';
export { podSizes } from './pod-sizes';

export interface FastFormOptions extends FormOptions {
  /** Seed for the construction order, neighbourhood samples and kicks. Default 1. */
  readonly seed?: number;
}

/**
 * Up to 24 pods (~100 reps) every other pod is tried for every rep; above that, 4 sampled
 * pods per rep per round, which on 1,000 reps reaches about the same total in far fewer
 * evaluations.
 */
const LIMITS: SearchLimits = { fullNeighbourhoodPods: 24, samplePods: 4, maxRounds: 100 };
/**
 * Work budget in pod evaluations. For 1,000 reps 800 k takes ~60 ms (median, busy 2-core
 * VM, Node 20) and ends within ~0.3% of what an unbounded search reaches; small teams
 * converge long before it.
 */
const EVALUATION_BUDGET = 800_000;
/** Kicks for teams small enough to search the whole neighbourhood. */
const KICKS = 150;

export function formPods(reps: readonly Rep[], options: FastFormOptions): string[][] {
  const problem = prepareProblem(reps, options);
  const random = seededRandom(options.seed ?? 1);
  const state = new PodState(problem);
  construct(state, random);

  const search = new LocalSearch(state, random, LIMITS);
  search.run(EVALUATION_BUDGET);

  if (state.pods.length <= LIMITS.fullNeighbourhoodPods) {
    let best = state.snapshot();
    let bestTotal = state.total();
    for (let k = 0; k < KICKS && search.evaluations < EVALUATION_BUDGET; k++) {
      search.kick();
      search.kick();
      search.run(EVALUATION_BUDGET);
      const total = state.total();
      if (total > bestTotal + EPSILON) {
        best = state.snapshot();
        bestTotal = total;
      } else if (total < bestTotal - EPSILON) {
        state.restore(best);
      }
    }
    state.restore(best);
  }

  assertApartKept(problem, state.podOf);
  return state.pods.map((pod) => [...pod].sort((x, y) => x - y).map((i) => problem.ids[i] as string));
}

/**
 * keepApart is enforced by penalty during the search; if one is still broken, the input
 * is (all but certainly) impossible, e.g. five reps who must all be apart in four pods.
 */
function assertApartKept(problem: Problem, podOf: Int32Array): void {
  problem.apart.forEach((partners, i) => {
    for (const j of partners) {
      if (i < j && podOf[i] === podOf[j]) {
        throw new PodFormationError(
          `Could not keep ${problem.ids[i]} and ${problem.ids[j]} apart together with the other constraints.`,
        );
      }
    }
  });
}
