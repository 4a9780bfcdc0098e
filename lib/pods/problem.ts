/**
 * Turns reps and formation options into the indexed problem both solvers share, and
 * rejects contradictory input with a message that names the reps involved.
 *
 * Constraint model:
 *   - keepTogether pairs are merged (transitively) into units that always share a pod;
 *   - keepApart pairs may never share a pod;
 *   - mustStay reps keep their pod from `current`: pod i of the result continues pod i of
 *     `current`, and a unit holding a mustStay rep is pinned to that pod;
 *   - `current` is otherwise only a starting point; ids in it that are not on the team
 *     (people who left) are ignored.
 * Deleted reps (tombstones) are not on the team.
 */
import type { Rep } from '../model';
import { podSizes } from './pod-sizes';
import { TRAIT_KEYS, traitsOf } from './traits';

export interface FormOptions {
  /** Wanted pod size, 2…4; see podSizes for teams that do not divide evenly. */
  readonly podSize: number;
  readonly keepTogether?: readonly (readonly [string, string])[];
  readonly keepApart?: readonly (readonly [string, string])[];
  /** Reps who stay in their pod from `current`. */
  readonly mustStay?: readonly string[];
  /** The pods as they are today, as rep ids; the result keeps their order. */
  readonly current?: readonly (readonly string[])[];
}

export class PodFormationError extends Error {
  override readonly name = 'PodFormationError';
}

export interface Problem {
  /** Rep index → id, in input order (minus deleted reps). */
  readonly ids: readonly string[];
  /** Traits flattened, 4 per rep in TRAIT_KEYS order. */
  readonly traits: Float64Array;
  /** Pod size per pod slot. */
  readonly sizes: readonly number[];
  /** Unit → its rep indices (ascending). */
  readonly units: readonly (readonly number[])[];
  /** Unit → pinned slot, or −1. */
  readonly unitPin: Int32Array;
  /** Rep → slot it sits in within `current` (if that slot exists), or −1. */
  readonly startSlot: Int32Array;
  /** Rep → reps it must be kept apart from. */
  readonly apart: readonly (readonly number[])[];
  readonly hasApart: boolean;
}

export function prepareProblem(reps: readonly Rep[], options: FormOptions): Problem {
  const team = reps.filter((rep) => rep.deleted !== true);
  const index = new Map<string, number>();
  team.forEach((rep, i) => {
    if (index.has(rep.id)) throw new PodFormationError(`Rep ${rep.id} appears twice in the team.`);
    index.set(rep.id, i);
  });
  const n = team.length;
  const sizes = podSizes(n, options.podSize);
  const slotCount = sizes.length;

  const indexOf = (id: string, where: string): number => {
    const i = index.get(id);
    if (i === undefined) throw new PodFormationError(`${where} names ${id}, who is not on the team.`);
    return i;
  };
  const pairs = (list: FormOptions['keepTogether'], where: string) =>
    (list ?? []).map(([x, y]) => {
      if (x === y) throw new PodFormationError(`${where} pairs ${x} with themselves.`);
      return [indexOf(x, where), indexOf(y, where)] as const;
    });
  const together = pairs(options.keepTogether, 'keepTogether');
  const apartPairs = pairs(options.keepApart, 'keepApart');

  // Units: union–find over keepTogether.
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[i] !== root) {
      const next = parent[i] as number;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  for (const [x, y] of together) parent[find(x)] = find(y);
  const unitIdOfRoot = new Map<number, number>();
  const units: number[][] = [];
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let u = unitIdOfRoot.get(root);
    if (u === undefined) {
      u = units.length;
      unitIdOfRoot.set(root, u);
      units.push([]);
    }
    (units[u] as number[]).push(i);
  }
  const unitOf = (i: number) => unitIdOfRoot.get(find(i)) as number;
  const names = (members: readonly number[]) => members.map((i) => team[i]?.id).join(', ');
  const largest = Math.max(0, ...sizes);
  for (const members of units) {
    if (members.length > largest) {
      throw new PodFormationError(
        `keepTogether joins ${members.length} reps (${names(members)}) but the largest pod holds ${largest}.`,
      );
    }
  }

  const apart: number[][] = Array.from({ length: n }, () => []);
  for (const [x, y] of apartPairs) {
    if (unitOf(x) === unitOf(y)) {
      throw new PodFormationError(
        `${team[x]?.id} and ${team[y]?.id} must be kept apart, but keepTogether puts them in one pod.`,
      );
    }
    (apart[x] as number[]).push(y);
    (apart[y] as number[]).push(x);
  }

  // Where everyone sits today.
  const startSlot = new Int32Array(n).fill(-1);
  const currentPodOf = new Map<number, number>();
  (options.current ?? []).forEach((pod, p) => {
    for (const id of pod) {
      const i = index.get(id);
      if (i === undefined) continue; // left the team since
      if (currentPodOf.has(i)) throw new PodFormationError(`Rep ${id} is in two current pods.`);
      currentPodOf.set(i, p);
      if (p < slotCount) startSlot[i] = p;
    }
  });

  const unitPin = new Int32Array(units.length).fill(-1);
  for (const id of options.mustStay ?? []) {
    const i = indexOf(id, 'mustStay');
    const p = currentPodOf.get(i);
    if (p === undefined) throw new PodFormationError(`mustStay names ${id}, who is in no current pod.`);
    if (p >= slotCount) {
      throw new PodFormationError(
        `mustStay keeps ${id} in current pod ${p + 1}, but a team of ${n} forms only ${slotCount} pods.`,
      );
    }
    const u = unitOf(i);
    const pinned = unitPin[u] as number;
    if (pinned !== -1 && pinned !== p) {
      throw new PodFormationError(
        `keepTogether joins ${names(units[u] ?? [])}, but mustStay keeps them in different pods.`,
      );
    }
    unitPin[u] = p;
  }
  for (const [x, y] of apartPairs) {
    const px = unitPin[unitOf(x)] as number;
    if (px !== -1 && px === unitPin[unitOf(y)]) {
      throw new PodFormationError(
        `${team[x]?.id} and ${team[y]?.id} must be kept apart, but mustStay keeps both in pod ${px + 1}.`,
      );
    }
  }

  const traits = new Float64Array(n * 4);
  team.forEach((rep, i) => {
    const t = traitsOf(rep);
    TRAIT_KEYS.forEach((key, k) => (traits[i * 4 + k] = t[key]));
  });

  return {
    ids: team.map((rep) => rep.id),
    traits,
    sizes: assignSlotSizes(sizes, units, unitPin, startSlot, names),
    units,
    unitPin,
    startSlot,
    apart,
    hasApart: apartPairs.length > 0,
  };
}

/**
 * Which slot gets which size: slots with more pinned members get the bigger sizes first,
 * then slots with more of today's members (so current pods stay as whole as possible).
 */
function assignSlotSizes(
  sizes: readonly number[],
  units: readonly (readonly number[])[],
  unitPin: Int32Array,
  startSlot: Int32Array,
  names: (members: readonly number[]) => string,
): number[] {
  const pinned = new Array<number>(sizes.length).fill(0);
  const pinnedReps: number[][] = sizes.map(() => []);
  units.forEach((members, u) => {
    const p = unitPin[u] as number;
    if (p === -1) return;
    pinned[p] = (pinned[p] as number) + members.length;
    (pinnedReps[p] as number[]).push(...members);
  });
  const today = new Array<number>(sizes.length).fill(0);
  for (const p of startSlot) if (p !== -1) today[p] = (today[p] as number) + 1;
  const order = sizes
    .map((_, p) => p)
    .sort((x, y) => (pinned[y] as number) - (pinned[x] as number) || (today[y] as number) - (today[x] as number) || x - y);
  const descending = [...sizes].sort((x, y) => y - x);
  const result = new Array<number>(sizes.length).fill(0);
  order.forEach((p, rank) => (result[p] = descending[rank] as number));
  result.forEach((size, p) => {
    if ((pinned[p] as number) > size) {
      throw new PodFormationError(
        `mustStay and keepTogether keep ${pinned[p]} reps (${names(pinnedReps[p] ?? [])}) in pod ${p + 1}, which holds ${size}.`,
      );
    }
  });
  return result;
}
