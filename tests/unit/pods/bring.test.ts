import { describe, expect, it } from 'vitest';
import { BRING_TASKS, TASK_TRAIT, whoToBring } from '../../../lib/pods/bring';
import { rep } from './fixtures';

// Traits are [goal, skepticism, detail, relationship].
const me = rep('me', [80, 20, 20, 20]);
const partner = rep('pat', [30, 85, 70, 40]);
const outsider = rep('out', [20, 50, 40, 90]);
const team = [me, partner, outsider];

describe('whoToBring', () => {
  it('maps each task to the trait the article names', () => {
    expect(TASK_TRAIT).toEqual({ maintain: 'relationship', vet: 'skepticism', close: 'goalOrientation', contract: 'detailAttention' });
    expect(BRING_TASKS).toHaveLength(4);
  });

  it('prefers a pod partner who is strong on the trait', () => {
    const choice = whoToBring('vet', 'me', team, ['me', 'pat']);
    expect(choice).toMatchObject({ inPod: true, strong: true, score: 85, trait: 'skepticism' });
    expect(choice?.rep.id).toBe('pat');
  });

  it('keeps the partner when strong even if someone outside scores higher', () => {
    const star = rep('star', [50, 99, 50, 50]);
    expect(whoToBring('vet', 'me', [...team, star], ['me', 'pat'])?.rep.id).toBe('pat');
  });

  it('goes outside the pod when no partner is strong and someone else is better', () => {
    const choice = whoToBring('maintain', 'me', team, ['me', 'pat']);
    expect(choice?.rep.id).toBe('out');
    expect(choice).toMatchObject({ inPod: false, strong: true, score: 90 });
  });

  it('says when the best available is not strong', () => {
    const choice = whoToBring('close', 'me', team, ['me', 'pat']);
    expect(choice).toMatchObject({ inPod: true, strong: false, score: 30 });
  });

  it('never suggests me, a tombstoned rep or a rep without scores', () => {
    const gone = { ...rep('gone', [100, 100, 100, 100]), deleted: true };
    const unknown = rep('unknown');
    expect(whoToBring('close', 'me', [me, gone, unknown], [])).toBeUndefined();
    expect(whoToBring('close', 'me', [me, gone, unknown, outsider], [])?.rep.id).toBe('out');
  });

  it('works with no pod at all', () => {
    expect(whoToBring('contract', 'me', team, [])?.rep.id).toBe('pat');
  });
});
