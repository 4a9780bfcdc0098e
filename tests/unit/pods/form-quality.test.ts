import { describe, expect, it } from 'vitest';
import { formPods, formPodsExact, type FormOptions } from '../../../lib/pods/form';
import { randomInt, seededRandom } from '../../../lib/pods/random';
import { teamScore } from '../../../lib/pods/score';
import { randomTeam } from './fixtures';

/** Relative shortfall of the fast method against the exact optimum (0 = optimal). */
function gap(n: number, options: FormOptions, seed: number): number {
  const team = randomTeam(n, seed);
  const exact = teamScore(team, formPodsExact(team, options));
  const fast = teamScore(team, formPods(team, { ...options, seed }));
  // The exact search is the yardstick: it must never lose to the heuristic.
  expect(fast).toBeLessThanOrEqual(exact + 1e-9);
  return (exact - fast) / exact;
}

describe('fast formation against the exact optimum (DESIGN §7: within 2%)', () => {
  it('is within 2% on average over random small teams', () => {
    const random = seededRandom(2026);
    const gaps: number[] = [];
    for (let k = 0; k < 120; k++) {
      const n = 4 + randomInt(random, 9); // 4…12 reps
      const podSize = 2 + randomInt(random, 3);
      gaps.push(gap(n, { podSize }, 10_000 + k));
    }
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    expect(mean).toBeLessThanOrEqual(0.02);
  });

  it('stays within 2% on average with keepTogether and keepApart in play', () => {
    const gaps: number[] = [];
    for (let k = 0; k < 40; k++) {
      gaps.push(
        gap(
          10,
          { podSize: 2 + (k % 3), keepTogether: [['r0', 'r1']], keepApart: [['r2', 'r3'], ['r0', 'r4']] },
          20_000 + k,
        ),
      );
    }
    expect(gaps.reduce((a, b) => a + b, 0) / gaps.length).toBeLessThanOrEqual(0.02);
  });

  it('beats a naive split of the team in input order', () => {
    const team = randomTeam(12, 99);
    const naive = [0, 1, 2].map((p) => team.slice(p * 4, p * 4 + 4).map((r) => r.id));
    expect(teamScore(team, formPods(team, { podSize: 4 }))).toBeGreaterThan(teamScore(team, naive));
  });
});
