/**
 * The starting assignment for the formation search:
 *   1. pinned units (mustStay) go to their pod;
 *   2. keepTogether groups are packed so every pod's size comes out exactly right — a
 *      small search, since groups are few and slots with equal room are interchangeable;
 *   3. everyone else stays where `current` had them while there is room;
 *   4. the rest join, one by one in seeded order, the pod their joining improves most.
 * The local search then improves on this; a good start mainly saves search time on
 * large teams.
 */
import { PodFormationError } from './problem';
import type { PodState } from './pod-state';
import { addRep, APART_PENALTY, resetStats } from './pod-state';
import { randomInt, shuffleInPlace, type Random } from './random';
import { scoreFromStats } from './score';

const PACK_NODE_LIMIT = 200_000;
/** Pods tried per rep in the greedy step of large teams. */
const GREEDY_SAMPLE = 32;

export function construct(state: PodState, random: Random): void {
  const { problem } = state;
  const { units, unitPin, startSlot, sizes, apart } = problem;
  const slotCount = sizes.length;
  const room = [...sizes];
  const slotOfUnit = new Int32Array(units.length).fill(-1);
  const unitOfRep = state.unitOfRep;

  const conflicts = (u: number, slot: number): number => {
    let count = 0;
    for (const i of units[u] as readonly number[]) {
      for (const j of apart[i] as readonly number[]) if (slotOfUnit[unitOfRep[j] as number] === slot) count++;
    }
    return count;
  };
  const put = (u: number, slot: number) => {
    slotOfUnit[u] = slot;
    room[slot] = (room[slot] as number) - (units[u] as readonly number[]).length;
  };
  const take = (u: number) => {
    const slot = slotOfUnit[u] as number;
    slotOfUnit[u] = -1;
    room[slot] = (room[slot] as number) + (units[u] as readonly number[]).length;
  };
  const todaySlot = (u: number): number => {
    for (const i of units[u] as readonly number[]) if ((startSlot[i] as number) !== -1) return startSlot[i] as number;
    return -1;
  };

  units.forEach((_, u) => {
    if ((unitPin[u] as number) !== -1) put(u, unitPin[u] as number);
  });

  // 2. Groups: try to keep them where they are today, and fall back to packing from scratch.
  const groups = units
    .map((members, u) => ({ u, size: members.length }))
    .filter(({ u, size }) => size > 1 && (unitPin[u] as number) === -1)
    .sort((x, y) => y.size - x.size || x.u - y.u)
    .map(({ u }) => u);
  const keptToday: number[] = [];
  for (const u of groups) {
    const slot = todaySlot(u);
    if (slot !== -1 && (room[slot] as number) >= (units[u] as readonly number[]).length && conflicts(u, slot) === 0) {
      put(u, slot);
      keptToday.push(u);
    }
  }
  let nodes = 0;
  const pack = (rest: readonly number[], k: number): boolean => {
    if (k === rest.length) return true;
    if (++nodes > PACK_NODE_LIMIT) return false;
    const u = rest[k] as number;
    const size = (units[u] as readonly number[]).length;
    // One candidate per distinct amount of room (slots with equal room are
    // interchangeable for packing); among those, the one with fewest keepApart clashes.
    const byRoom = new Map<number, { slot: number; clashes: number }>();
    for (let slot = 0; slot < slotCount; slot++) {
      const left = room[slot] as number;
      if (left < size) continue;
      const clashes = conflicts(u, slot);
      const seen = byRoom.get(left);
      if (seen === undefined || clashes < seen.clashes) byRoom.set(left, { slot, clashes });
    }
    const candidates = [...byRoom.entries()].sort((x, y) => x[1].clashes - y[1].clashes || y[0] - x[0]);
    for (const [, { slot }] of candidates) {
      put(u, slot);
      if (pack(rest, k + 1)) return true;
      take(u);
    }
    return false;
  };
  const unplaced = groups.filter((u) => (slotOfUnit[u] as number) === -1);
  if (!pack(unplaced, 0)) {
    for (const u of keptToday) take(u);
    nodes = 0;
    if (!pack(groups, 0)) {
      throw new PodFormationError(
        `The keepTogether groups cannot be fitted into pods of sizes ${sizes.join(', ')}.`,
      );
    }
  }

  // 3. Singles stay where they are today while there is room.
  const singles: number[] = [];
  units.forEach((members, u) => {
    if (members.length !== 1 || (slotOfUnit[u] as number) !== -1) return;
    const slot = todaySlot(u);
    if (slot !== -1 && (room[slot] as number) > 0 && conflicts(u, slot) === 0) put(u, slot);
    else singles.push(u);
  });

  slotOfUnit.forEach((slot, u) => {
    if (slot !== -1) state.placeUnit(u, slot);
  });

  // 4. Greedy: per-slot min/max/sum kept incrementally so one trial costs a dozen numbers.
  // Large teams try a seeded sample of the open pods; the local search evens out the rest.
  const traits = problem.traits;
  const stats = new Float64Array(slotCount * 12);
  const count = new Int32Array(slotCount);
  const base = new Float64Array(slotCount);
  const trial = new Float64Array(12);
  const open: number[] = [];
  for (let slot = 0; slot < slotCount; slot++) {
    resetStats(stats, slot * 12);
    for (const i of state.pods[slot] as number[]) addRep(stats, slot * 12, traits, i);
    count[slot] = (state.pods[slot] as number[]).length;
    base[slot] = scoreFromStats(stats.subarray(slot * 12, slot * 12 + 12), count[slot] as number);
    if ((room[slot] as number) > 0) open.push(slot);
  }
  const tryGain = (u: number, i: number, slot: number) => {
    for (let k = 0; k < 12; k++) trial[k] = stats[slot * 12 + k] as number;
    addRep(trial, 0, traits, i);
    return scoreFromStats(trial, (count[slot] as number) + 1) - (base[slot] as number) - APART_PENALTY * conflicts(u, slot);
  };
  for (const u of shuffleInPlace(random, singles)) {
    const i = (units[u] as readonly number[])[0] as number;
    let best = -1;
    let bestGain = -Infinity;
    const sampled = open.length > GREEDY_SAMPLE;
    const tries = sampled ? GREEDY_SAMPLE : open.length;
    for (let k = 0; k < tries; k++) {
      const slot = open[sampled ? randomInt(random, open.length) : k] as number;
      const gain = tryGain(u, i, slot);
      if (gain > bestGain) {
        bestGain = gain;
        best = slot;
      }
    }
    put(u, best);
    addRep(stats, best * 12, traits, i);
    count[best] = (count[best] as number) + 1;
    base[best] = scoreFromStats(stats.subarray(best * 12, best * 12 + 12), count[best] as number);
    state.placeUnit(u, best);
    if ((room[best] as number) === 0) open.splice(open.indexOf(best), 1);
  }
  state.refreshValues();
}
