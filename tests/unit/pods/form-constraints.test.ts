import { describe, expect, it } from 'vitest';
import type { Rep } from '../../../lib/model';
import { formPods, formPodsExact, PodFormationError, podSizes, type FormOptions } from '../../../lib/pods/form';
import { randomInt, seededRandom } from '../../../lib/pods/random';
import { randomTeam, rep } from './fixtures';

const sorted = (sizes: number[]) => [...sizes].sort((a, b) => b - a);

/** Every rep exactly once, and pod sizes exactly as the size rule says. */
function expectPartition(team: readonly Rep[], pods: string[][], podSize: number): void {
  const ids = pods.flat();
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual(team.filter((r) => !r.deleted).map((r) => r.id).sort());
  expect(sorted(pods.map((p) => p.length))).toEqual(podSizes(ids.length, podSize));
}

function expectConstraintsKept(pods: string[][], options: FormOptions): void {
  const podOf = new Map(pods.flatMap((pod, i) => pod.map((id) => [id, i] as const)));
  for (const [a, b] of options.keepTogether ?? []) expect(podOf.get(a), `${a} with ${b}`).toBe(podOf.get(b));
  for (const [a, b] of options.keepApart ?? []) expect(podOf.get(a), `${a} apart from ${b}`).not.toBe(podOf.get(b));
  for (const id of options.mustStay ?? []) {
    const today = (options.current ?? []).findIndex((pod) => pod.includes(id));
    expect(podOf.get(id), `${id} stays in pod ${today}`).toBe(today);
  }
}

describe('podSizes', () => {
  it.each([
    [8, 4, [4, 4]],
    [9, 4, [5, 4]],
    [10, 4, [4, 3, 3]],
    [11, 4, [4, 4, 3]],
    [6, 4, [3, 3]],
    [7, 3, [4, 3]],
    [8, 3, [3, 3, 2]],
    [7, 2, [3, 2, 2]],
    [3, 4, [3]],
    [2, 4, [2]],
    [1, 2, [1]],
    [0, 3, []],
  ])('splits %i reps with podSize %i into %j', (n, k, expected) => {
    expect(podSizes(n, k)).toEqual(expected);
    expect(podSizes(n, k).reduce((a, b) => a + b, 0)).toBe(n);
  });

  it('rejects pod sizes outside 2…4', () => {
    for (const k of [1, 5, 2.5]) expect(() => podSizes(10, k)).toThrow(/podSize must be a whole number from 2 to 4/);
  });
});

describe('formPods', () => {
  it('partitions the team with the sizes the rule gives, for every pod size', () => {
    for (const n of [0, 1, 2, 5, 9, 10, 23, 61]) {
      for (const podSize of [2, 3, 4]) {
        const team = randomTeam(n, n * 10 + podSize);
        expectPartition(team, formPods(team, { podSize }), podSize);
      }
    }
  });

  it('gives the same pods for the same seed', () => {
    const team = randomTeam(80, 3);
    expect(formPods(team, { podSize: 3, seed: 9 })).toEqual(formPods(team, { podSize: 3, seed: 9 }));
  });

  it('forms valid pods for 1,000 reps', () => {
    const team = randomTeam(1000, 1);
    expectPartition(team, formPods(team, { podSize: 4 }), 4);
  });

  it('leaves deleted reps out and places reps without traits', () => {
    const team = [...randomTeam(6, 2), { ...rep('gone', [1, 2, 3, 4]), deleted: true }, rep('new')];
    const pods = formPods(team, { podSize: 2 });
    expect(pods.flat()).not.toContain('gone');
    expect(pods.flat()).toContain('new');
    expectPartition(team, pods, 2);
  });

  it('keeps every constraint on random teams, fast and exact alike', () => {
    const random = seededRandom(77);
    let contradictions = 0;
    for (let trial = 0; trial < 80; trial++) {
      const n = 5 + randomInt(random, 8);
      const podSize = 2 + randomInt(random, 3);
      const team = randomTeam(n, 500 + trial);
      const ids = team.map((r) => r.id);
      const pick = () => ids[randomInt(random, n)]!;
      // Today's pods: the team in order, cut into pods of the wanted size.
      const current = podSizes(n, podSize).reduce<string[][]>((pods, size) => {
        const start = pods.flat().length;
        return [...pods, ids.slice(start, start + size)];
      }, []);
      const options: FormOptions = {
        podSize,
        current,
        mustStay: [ids[0]!],
        keepTogether: [[ids[1]!, ids[2]!]],
        keepApart: ([[ids[3]!, ids[4]!], [pick(), pick()], [pick(), pick()]] as [string, string][]).filter(
          ([a, b]) => a !== b,
        ),
      };
      let fast: string[][];
      try {
        fast = formPods(team, { ...options, seed: trial });
      } catch (error) {
        // Random constraints can contradict each other; then both methods must say so.
        expect(error).toBeInstanceOf(PodFormationError);
        expect(() => formPodsExact(team, options)).toThrow(PodFormationError);
        contradictions++;
        continue;
      }
      expectPartition(team, fast, podSize);
      expectConstraintsKept(fast, options);
      const exact = formPodsExact(team, options);
      expectPartition(team, exact, podSize);
      expectConstraintsKept(exact, options);
    }
    // Most random constraint sets are satisfiable; a few contradict and exercise the errors.
    expect(contradictions).toBeGreaterThan(0);
    expect(contradictions).toBeLessThan(40);
  });

  it('keeps a larger team\'s constraints: groups of three, many apart pairs, several staying put', () => {
    const team = randomTeam(200, 8);
    const ids = team.map((r) => r.id);
    const current = Array.from({ length: 50 }, (_, p) => ids.slice(p * 4, p * 4 + 4));
    const options: FormOptions = {
      podSize: 4,
      current,
      mustStay: ['r0', 'r1', 'r9', 'r40'],
      keepTogether: [['r100', 'r101'], ['r101', 'r102'], ['r150', 'r7']],
      keepApart: Array.from({ length: 40 }, (_, k) => [ids[k * 2 + 20]!, ids[k * 2 + 21]!] as [string, string]),
    };
    const pods = formPods(team, options);
    expectPartition(team, pods, 4);
    expectConstraintsKept(pods, options);
  });

  it('uses today\'s pods as the starting point and keeps their order', () => {
    const team = randomTeam(8, 4);
    const current = [['r0', 'r1', 'r2', 'r3'], ['r4', 'r5', 'r6', 'r7']];
    const pods = formPods(team, { podSize: 4, current, mustStay: ['r0', 'r5'] });
    expect(pods[0]).toContain('r0');
    expect(pods[1]).toContain('r5');
  });

  it('ignores people in today\'s pods who have left the team', () => {
    const team = randomTeam(4, 4);
    const pods = formPods(team, { podSize: 2, current: [['r0', 'left'], ['r1']], mustStay: ['r0'] });
    expect(pods[0]).toContain('r0');
    expect(pods.flat()).not.toContain('left');
  });
});

describe('contradictory input', () => {
  const team = randomTeam(8, 1);
  const cases: [string, FormOptions, RegExp][] = [
    ['the same pair together and apart', { podSize: 2, keepTogether: [['r0', 'r1']], keepApart: [['r1', 'r0']] }, /r1 and r0 must be kept apart, but keepTogether puts them in one pod/],
    ['a pair apart but joined through a third', { podSize: 4, keepTogether: [['r0', 'r1'], ['r1', 'r2']], keepApart: [['r0', 'r2']] }, /r0 and r2 must be kept apart/],
    ['a rep paired with themselves', { podSize: 2, keepApart: [['r3', 'r3']] }, /pairs r3 with themselves/],
    ['a stranger', { podSize: 2, keepTogether: [['r0', 'zz']] }, /keepTogether names zz, who is not on the team/],
    ['a group bigger than any pod', { podSize: 2, keepTogether: [['r0', 'r1'], ['r1', 'r2'], ['r2', 'r3']] }, /joins 4 reps \(r0, r1, r2, r3\) but the largest pod holds 2/],
    ['mustStay without current pods', { podSize: 2, mustStay: ['r0'] }, /mustStay names r0, who is in no current pod/],
    ['mustStay pulling a group two ways', { podSize: 4, current: [['r0'], ['r1']], mustStay: ['r0', 'r1'], keepTogether: [['r0', 'r1']] }, /mustStay keeps them in different pods/],
    ['apart reps who must both stay in one pod', { podSize: 4, current: [['r0', 'r1']], mustStay: ['r0', 'r1'], keepApart: [['r0', 'r1']] }, /mustStay keeps both in pod 1/],
    ['too many reps staying in one pod', { podSize: 2, current: [['r0', 'r1', 'r2']], mustStay: ['r0', 'r1', 'r2'] }, /keep 3 reps \(r0, r1, r2\) in pod 1, which holds 2/],
    ['a rep in two current pods', { podSize: 2, current: [['r0'], ['r0']] }, /r0 is in two current pods/],
    ['groups that cannot fill the pods exactly', { podSize: 3, keepTogether: [['r0', 'r1'], ['r2', 'r3'], ['r4', 'r5'], ['r6', 'r7']] }, /pods of sizes 3, 3, 2\b/],
    ['a pod size of 5', { podSize: 5 }, /podSize must be a whole number from 2 to 4/],
  ];
  it.each(cases)('rejects %s', (_, options, message) => {
    expect(() => formPods(team, options)).toThrow(message);
    expect(() => formPodsExact(team, options)).toThrow(message);
  });

  it('rejects a team listing the same rep twice', () => {
    expect(() => formPods([rep('a'), rep('a')], { podSize: 2 })).toThrow(/Rep a appears twice/);
  });

  it('says so when keepApart cannot be met (three mutually apart reps, two pods)', () => {
    const five = randomTeam(5, 2);
    const options: FormOptions = { podSize: 2, keepApart: [['r0', 'r1'], ['r1', 'r2'], ['r0', 'r2'], ['r3', 'r4'], ['r0', 'r3']] };
    expect(() => formPods(five, options)).toThrow(PodFormationError);
    expect(() => formPodsExact(five, options)).toThrow(/No way to form pods/);
  });

  it('refuses exact search on a team too large for it', () => {
    expect(() => formPodsExact(randomTeam(40, 1), { podSize: 4 })).toThrow(/at most 14 reps/);
  });
});
