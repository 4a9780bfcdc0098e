import { describe, expect, it } from 'vitest';
import { podReason, strongestComplement } from '@/components/dock/pod-reason';

const li = { name: 'Li', traits: { goalOrientation: 80, skepticism: 50, detailAttention: 30, relationship: 40 } };
const wang = { name: 'Wang Fang', traits: { goalOrientation: 65, skepticism: 55, detailAttention: 85, relationship: 60 } };

describe('why this pod partner', () => {
  it('names the trait on which the two differ most, in the pods’ own words', () => {
    expect(strongestComplement(li.traits, wang.traits)).toBe('detailAttention');
    expect(podReason(li, wang, 'en')).toBe('Wang Fang minds the details, Li keeps the big picture: together they get both the plan and the paperwork right.');
    expect(podReason(li, wang, 'zh')).toBe('Wang Fang注重细节，Li把握大局：两人一起方案和细节都能做好。');
  });

  it('gives no complement below the gap, and then the pair’s first remark', () => {
    const pushy = { name: 'Chen', traits: { ...li.traits, detailAttention: 40 } };
    expect(strongestComplement(li.traits, pushy.traits)).toBeNull();
    expect(podReason(li, pushy, 'en')).toBe('Li and Chen both push hard: agree who slows down before a close.');
    const mid = { name: 'Li', traits: { goalOrientation: 60, skepticism: 50, detailAttention: 50, relationship: 45 } };
    const alike = { name: 'Chen', traits: { ...mid.traits, goalOrientation: 50 } };
    expect(podReason(mid, alike, 'en')).toBe('Li and Chen are alike on most traits: each adds little that the other lacks.');
  });

  it('says when a partner has not assessed themselves', () => {
    expect(podReason(li, { name: 'Zhou' }, 'en')).toBe('Zhou has not taken the self-assessment yet, so there is nothing to compare.');
  });
});
