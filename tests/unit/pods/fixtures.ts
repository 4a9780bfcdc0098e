// Helpers for the pod tests and bench: reps with given traits, and seeded random teams.
import type { Rep, Traits } from '../../../lib/model';
import { seededRandom, randomInt } from '../../../lib/pods/random';

export function rep(id: string, traits?: Partial<Traits> | [number, number, number, number], name = id): Rep {
  const t = Array.isArray(traits)
    ? { goalOrientation: traits[0], skepticism: traits[1], detailAttention: traits[2], relationship: traits[3] }
    : traits === undefined
      ? undefined
      : { goalOrientation: 50, skepticism: 50, detailAttention: 50, relationship: 50, ...traits };
  return { id, name, updatedAt: '2026-01-05T09:00:00.000Z', ...(t ? { traits: t } : {}) };
}

/** A team of n reps with independent uniform traits, the same for the same seed. */
export function randomTeam(n: number, seed: number): Rep[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, i) =>
    rep(`r${i}`, [randomInt(random, 101), randomInt(random, 101), randomInt(random, 101), randomInt(random, 101)]),
  );
}
