import { describe, expect, it } from 'vitest';
import type { Traits } from '../../../lib/model';
import { describeProfile, styleFromTraits } from '../../../lib/pods/assessment';

const traits = (goalOrientation: number, relationship: number, rest: Partial<Traits> = {}): Traits => ({
  goalOrientation,
  skepticism: 50,
  detailAttention: 50,
  relationship,
  ...rest,
});

describe('styleFromTraits', () => {
  it('places each quadrant of assertiveness × responsiveness', () => {
    expect(styleFromTraits(traits(85, 20))).toBe('driver');
    expect(styleFromTraits(traits(20, 15, { skepticism: 90, detailAttention: 85 }))).toBe('analytical');
    expect(styleFromTraits(traits(80, 80))).toBe('expressive');
    expect(styleFromTraits(traits(25, 85))).toBe('amiable');
  });

  it('counts exactly 50 as the upper side, so every score has one style', () => {
    expect(styleFromTraits(traits(50, 49))).toBe('driver');
    expect(styleFromTraits(traits(49, 50))).toBe('amiable');
    expect(styleFromTraits(traits(50, 50))).toBe('expressive');
    expect(styleFromTraits(traits(49, 49))).toBe('analytical');
  });

  it('is decided by the two axes only, not by skepticism or detail attention', () => {
    expect(styleFromTraits(traits(80, 20, { skepticism: 100, detailAttention: 100 }))).toBe('driver');
    expect(styleFromTraits(traits(20, 20, { skepticism: 0, detailAttention: 0 }))).toBe('analytical');
  });
});

describe('describeProfile', () => {
  const driver = traits(90, 10, { skepticism: 30, detailAttention: 45 });

  it('says the style, one sentence per trait, and what partner helps — in English', () => {
    const sentences = describeProfile(driver, 'driver', 'en');
    expect(sentences[0]).toMatch(/^Your style is driver/);
    expect(sentences).toContain('You push hard toward the close.');
    expect(sentences).toContain('You tend to take people at their word.');
    expect(sentences).toContain('You watch the details that matter most.');
    expect(sentences).toContain('You are a hunter: opening new accounts drives you more than upkeep.');
    expect(sentences.at(-1)).toBe('Your best partner is strong where you are light: someone who checks before committing.');
    for (const s of sentences) expect(s).toMatch(/\.$/);
  });

  it('says the same in Chinese', () => {
    const sentences = describeProfile(driver, 'driver', 'zh');
    expect(sentences[0]).toMatch(/^你的风格是指挥型/);
    expect(sentences).toContain('你会全力推动成交。');
    expect(sentences.at(-1)).toBe('最适合你的搭档能补你的短板：一位先核实再承诺的同事。');
    for (const s of sentences) expect(s).toMatch(/[\u4e00-\u9fff]/);
    expect(sentences).toHaveLength(describeProfile(driver, 'driver', 'en').length);
  });

  it('leaves out the partner hint for someone in the middle of everything', () => {
    const middle = traits(50, 50);
    expect(describeProfile(middle, 'expressive', 'en')).toHaveLength(5);
  });

  it('suggests a relationship-minded partner to a hunter who is balanced otherwise', () => {
    expect(describeProfile(traits(50, 5), 'driver', 'en').at(-1)).toContain('looks after existing customers');
  });
});
