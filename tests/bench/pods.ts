/**
 * Pod formation benchmarks (DESIGN §7: balanced pods for 1,000 reps ≤ 200 ms, within 2% of
 * the exact optimum where the optimum can be computed). Everything is seeded, so the
 * quality rows are the same on every machine; only the timings move.
 *
 * Run alone with `node --import tsx tests/bench/pods.ts`.
 */
import { pathToFileURL } from 'node:url';
import { formPods, formPodsExact } from '../../lib/pods/form';
import { randomInt, seededRandom } from '../../lib/pods/random';
import { teamScore } from '../../lib/pods/score';
import { randomTeam } from '../unit/pods/fixtures';
import { atMost, median, type BenchRow } from './rows';

const TIMING_RUNS = 7;
const SMALL_TEAMS = 240;

const round = (value: number, digits: number) => Number(value.toFixed(digits));

export async function benchPods(): Promise<BenchRow[]> {
  // Timing: 1,000 reps, podSize 4, a different team and seed each run.
  const times: number[] = [];
  for (let run = 0; run < TIMING_RUNS; run++) {
    const team = randomTeam(1000, 1 + run);
    const start = performance.now();
    formPods(team, { podSize: 4, seed: run + 1 });
    times.push(performance.now() - start);
  }

  // Quality: fast against exact on random teams of 4…12 reps and pod sizes 2…4.
  const random = seededRandom(42);
  const gaps: number[] = [];
  for (let k = 0; k < SMALL_TEAMS; k++) {
    const n = 4 + randomInt(random, 9);
    const podSize = 2 + randomInt(random, 3);
    const team = randomTeam(n, 90_000 + k);
    const exact = teamScore(team, formPodsExact(team, { podSize }));
    const fast = teamScore(team, formPods(team, { podSize, seed: k }));
    gaps.push(((exact - fast) / exact) * 100);
  }
  const meanGap = gaps.reduce((a, b) => a + b, 0) / gaps.length;

  return [
    atMost(`pods: form 1,000 reps, podSize 4 (median of ${TIMING_RUNS})`, round(median(times), 1), 'ms', 200),
    { name: 'pods: form 1,000 reps, first (cold) run', value: round(times[0] ?? 0, 1), unit: 'ms', budget: 'report' },
    atMost(`pods: mean gap fast vs exact (${SMALL_TEAMS} teams of 4–12)`, round(meanGap, 4), '%', 2),
    { name: 'pods: worst gap fast vs exact', value: round(Math.max(...gaps), 4), unit: '%', budget: 'report' },
    {
      name: 'pods: small teams where fast found the optimum',
      value: round((gaps.filter((g) => g < 1e-6).length / gaps.length) * 100, 1),
      unit: '%',
      budget: 'report',
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchPods());
}
