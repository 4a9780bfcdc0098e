import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HoldfastDB } from '../../../lib/db/database';
import { listPods, listTeam, podOf, putReps, replacePods, saveTraits } from '../../../lib/db/pods';
import { rep } from './fixtures';

let d: HoldfastDB;
beforeEach(() => {
  d = new HoldfastDB(`pods-test-${Math.random()}`);
});
afterEach(async () => {
  await d.delete();
});

describe('pods db helpers', () => {
  it('lists the team by name without tombstones', async () => {
    await putReps(d, [rep('1', undefined, 'Zhao'), rep('2', undefined, 'An'), { ...rep('3', undefined, 'Gone'), deleted: true }]);
    expect((await listTeam(d)).map((r) => r.name)).toEqual(['An', 'Zhao']);
  });

  it('refuses an invalid rep', async () => {
    await expect(putReps(d, [{ ...rep('1'), name: '' }])).rejects.toThrow();
    expect(await d.reps.count()).toBe(0);
  });

  it('saves traits without touching the name', async () => {
    await putReps(d, [rep('me', undefined, 'Me')]);
    await d.reps.update('me', { name: 'Renamed' });
    const traits = { goalOrientation: 10, skepticism: 20, detailAttention: 30, relationship: 90 };
    await saveTraits(d, 'me', traits, 'amiable');
    expect(await d.reps.get('me')).toMatchObject({ name: 'Renamed', traits, style: 'amiable' });
    await expect(saveTraits(d, 'nobody', traits, 'amiable')).rejects.toThrow(/does not exist/);
  });

  it('replaces pods by tombstoning the old ones, and podOf finds only the live pod', async () => {
    const first = await replacePods(d, [{ name: 'Pod 1', memberIds: ['a', 'b'] }, { name: 'Pod 2', memberIds: ['c', 'd'] }]);
    expect((await podOf(d, 'a'))?.id).toBe(first[0]?.id);

    const second = await replacePods(d, [{ name: 'Pod 1', memberIds: ['c', 'a'] }, { name: 'Pod 2', memberIds: ['b', 'd'] }]);
    expect(await d.pods.count()).toBe(4);
    const old = await d.pods.bulkGet(first.map((p) => p.id));
    expect(old.every((p) => p?.deleted === true)).toBe(true);
    expect((await listPods(d)).map((p) => p.id)).toEqual(second.map((p) => p.id));
    expect((await podOf(d, 'a'))?.memberIds).toEqual(['c', 'a']);
    expect(await podOf(d, 'nobody')).toBeUndefined();
  });
});
