import { describe, expect, it } from 'vitest';
import { moveMember, pairsOf, withNames } from '../../../lib/pods/adjust';

describe('moveMember', () => {
  const pods = [['a', 'b'], ['c', 'd']];

  it('moves a rep to another pod without mutating the input', () => {
    expect(moveMember(pods, 'a', 1)).toEqual([['b'], ['c', 'd', 'a']]);
    expect(pods).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('opens a new pod at index pods.length and drops emptied pods', () => {
    expect(moveMember(pods, 'c', 2)).toEqual([['a', 'b'], ['d'], ['c']]);
    expect(moveMember([['a'], ['b']], 'a', 1)).toEqual([['b', 'a']]);
  });

  it('places a rep who was in no pod', () => {
    expect(moveMember(pods, 'new', 0)).toEqual([['a', 'b', 'new'], ['c', 'd']]);
  });

  it('is a no-op in effect when moving to the same pod', () => {
    expect(moveMember(pods, 'a', 0)).toEqual([['b', 'a'], ['c', 'd']]);
  });

  it('rejects a pod that does not exist', () => {
    expect(() => moveMember(pods, 'a', 3)).toThrow(RangeError);
    expect(() => moveMember(pods, 'a', -1)).toThrow(RangeError);
  });
});

describe('pairsOf', () => {
  it('lists every pair once', () => {
    expect(pairsOf([1, 2, 3])).toEqual([[1, 2], [1, 3], [2, 3]]);
    expect(pairsOf([1])).toEqual([]);
  });
});

describe('withNames', () => {
  it('replaces every occurrence of known ids', () => {
    const reps = [{ id: 'r1', name: 'Li' }, { id: 'r2', name: 'Chen' }];
    expect(withNames('Could not keep r1 and r2 apart (r1).', reps)).toBe('Could not keep Li and Chen apart (Li).');
  });
});
