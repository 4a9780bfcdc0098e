/**
 * Reading and writing reps and pods (issue 6). Pods are replaced as a whole when a team
 * lead saves: the old ones get tombstones (DESIGN §5), never hard deletes, so the change
 * syncs to teammates.
 */
import * as z from 'zod/mini';
import { Pod, Rep, type Style, type Traits } from '../model';
import { newId, nowIso } from '../util/ids';
import type { HoldfastDB } from './database';

/** Reps on the team (tombstones left out), by name. Read-only: safe inside a liveQuery. */
export async function listTeam(d: HoldfastDB): Promise<Rep[]> {
  const reps = await d.reps.filter((rep) => rep.deleted !== true).toArray();
  return reps.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** The current pods, oldest first (ids are time-ordered). Read-only. */
export async function listPods(d: HoldfastDB): Promise<Pod[]> {
  return d.pods.filter((pod) => pod.deleted !== true).toArray();
}

/**
 * The rep's current pod. Several rows may list the rep (tombstoned earlier pods keep their
 * memberIds), so the live one is picked explicitly. Read-only.
 */
export async function podOf(d: HoldfastDB, repId: string): Promise<Pod | undefined> {
  const pods = await d.pods.where('memberIds').equals(repId).toArray();
  return pods.filter((pod) => pod.deleted !== true).pop();
}

/** Writes my assessment result without touching fields another form may have changed. */
export async function saveTraits(d: HoldfastDB, repId: string, traits: Traits, style: Style): Promise<void> {
  const updated = await d.reps.update(repId, { traits, style, updatedAt: nowIso() });
  if (updated === 0) throw new Error(`Rep ${repId} does not exist.`);
}

/** Validated before writing, so a bad record never reaches the database (or the sync). */
export async function putReps(d: HoldfastDB, reps: readonly Rep[]): Promise<void> {
  await d.reps.bulkPut(reps.map((rep) => z.parse(Rep, rep)));
}

export interface PodDraft {
  readonly name: string;
  readonly memberIds: readonly string[];
}

/** Tombstones every current pod and adds the new ones, in one transaction. */
export async function replacePods(d: HoldfastDB, drafts: readonly PodDraft[]): Promise<Pod[]> {
  const now = nowIso();
  const pods = drafts.map((draft) =>
    z.parse(Pod, { id: newId(), updatedAt: now, name: draft.name, memberIds: [...draft.memberIds] }),
  );
  await d.transaction('rw', d.pods, async () => {
    const old = await d.pods.filter((pod) => pod.deleted !== true).toArray();
    await d.pods.bulkPut(old.map((pod) => ({ ...pod, deleted: true, updatedAt: now })));
    await d.pods.bulkAdd(pods);
  });
  return pods;
}
