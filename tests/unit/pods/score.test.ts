import { describe, expect, it } from 'vitest';
import type { Traits } from '../../../lib/model';
import { explainPair, podScore, podScoreParts, SCORE_WEIGHTS, teamScore } from '../../../lib/pods/score';
import { seededRandom } from '../../../lib/pods/random';
import { NEUTRAL_TRAITS } from '../../../lib/pods/traits';
import { randomTeam, rep } from './fixtures';

const t = (g: number, s: number, d: number, r: number): Traits => ({
  goalOrientation: g,
  skepticism: s,
  detailAttention: d,
  relationship: r,
});

describe('pod score', () => {
  const hunter = t(85, 25, 30, 15);
  const checker = t(30, 85, 80, 70);

  it('scores a complementary pod above a pod of clones', () => {
    expect(podScore([hunter, checker])).toBeGreaterThan(podScore([hunter, hunter]));
    expect(podScore([hunter, checker])).toBeGreaterThan(podScore([checker, checker]));
    expect(podScore([hunter, checker, t(55, 50, 50, 40)])).toBeGreaterThan(podScore([hunter, hunter, hunter]));
  });

  it('keeps every part and the total in [0, 1], with the total the weighted sum of the parts', () => {
    const random = seededRandom(11);
    const team = randomTeam(200, 5);
    for (let k = 0; k < 100; k++) {
      const size = 1 + Math.floor(random() * 5);
      const members = Array.from({ length: size }, () => team[Math.floor(random() * team.length)]!.traits!);
      const parts = podScoreParts(members);
      for (const value of [parts.balance, parts.coverage, parts.relationship, parts.total]) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
      const weighted =
        SCORE_WEIGHTS.balance * parts.balance +
        SCORE_WEIGHTS.coverage * parts.coverage +
        SCORE_WEIGHTS.relationship * parts.relationship;
      expect(parts.total).toBeCloseTo(weighted, 12);
    }
  });

  it('reaches 1 for a pod that spans every trait end to end and averages the middle', () => {
    expect(podScore([t(0, 0, 0, 0), t(100, 100, 100, 100)])).toBeCloseTo(1, 12);
  });

  it('does not depend on member order', () => {
    const a = t(10, 90, 40, 70);
    const b = t(70, 20, 80, 30);
    const c = t(50, 50, 10, 90);
    expect(podScore([a, b, c])).toBe(podScore([c, a, b]));
  });

  it('rewards a relationship-oriented member (≥ 60) in full and a near miss only in part', () => {
    expect(podScoreParts([t(50, 50, 50, 60), t(50, 50, 50, 20)]).relationship).toBe(1);
    expect(podScoreParts([t(50, 50, 50, 59), t(50, 50, 50, 20)]).relationship).toBeCloseTo(59 / 120, 12);
  });

  it('prefers a pod centred on the middle to one that leans to an end, at equal spread', () => {
    const centred = podScoreParts([t(30, 30, 30, 50), t(70, 70, 70, 50)]);
    const leaning = podScoreParts([t(60, 60, 60, 50), t(100, 100, 100, 50)]);
    expect(centred.coverage).toBeCloseTo(leaning.coverage, 12);
    expect(centred.balance).toBeGreaterThan(leaning.balance);
  });

  it('treats reps without a self-assessment as neutral', () => {
    expect(podScore([rep('a'), rep('b', [90, 10, 10, 10])])).toBe(podScore([NEUTRAL_TRAITS, t(90, 10, 10, 10)]));
  });

  it('sums pod scores for a team and rejects pods naming strangers', () => {
    const team = [rep('a', [90, 10, 20, 80]), rep('b', [10, 90, 80, 20]), rep('c', [50, 50, 50, 50])];
    expect(teamScore(team, [['a', 'b'], ['c']])).toBeCloseTo(podScore([team[0]!, team[1]!]) + podScore([team[2]!]), 12);
    expect(() => teamScore(team, [['a', 'z']])).toThrow(/z is not on the team/);
  });
});

describe('explainPair', () => {
  const li = rep('li', { goalOrientation: 85, skepticism: 40, detailAttention: 50, relationship: 45 }, 'Li');
  const chen = rep('chen', { goalOrientation: 30, skepticism: 55, detailAttention: 50, relationship: 55 }, 'Chen');

  it('explains a complementary pair in plain English', () => {
    expect(explainPair(li, chen, 'en')).toEqual([
      'Li pushes to close, Chen checks before committing: together they keep the pace.',
    ]);
    // Whoever is higher on the trait is named first, whichever order they are passed in.
    expect(explainPair(chen, li, 'en')).toEqual(explainPair(li, chen, 'en'));
  });

  it('explains the same pair in Chinese', () => {
    const liZh = { ...li, name: '李明' };
    const chenZh = { ...chen, name: '陈静' };
    expect(explainPair(liZh, chenZh, 'zh')).toEqual(['李明推动成交，陈静先核实再承诺：两人一起把握好节奏。']);
  });

  it('covers every trait on which the two differ widely', () => {
    const a = rep('a', [90, 10, 90, 10], 'Ana');
    const b = rep('b', [10, 90, 10, 90], 'Bo');
    const en = explainPair(a, b, 'en');
    expect(en).toEqual([
      'Ana pushes to close, Bo checks before committing: together they keep the pace.',
      'Bo questions every claim, Ana takes people at their word: together they catch weak claims without stalling the deal.',
      'Ana minds the details, Bo keeps the big picture: together they get both the plan and the paperwork right.',
      'Bo looks after existing customers, Ana goes after new accounts: together they win new business and keep it.',
    ]);
    expect(explainPair(a, b, 'zh')).toHaveLength(4);
  });

  it('warns about blind spots the two share', () => {
    const a = rep('a', [85, 20, 20, 10], 'Ana');
    const b = rep('b', [80, 30, 25, 20], 'Bo');
    expect(explainPair(a, b, 'en')).toEqual([
      'Ana and Bo both push hard: agree who slows down before a close.',
      'Neither Ana nor Bo is a natural skeptic: have a third person check big claims.',
      'Neither Ana nor Bo is detail-minded: use a checklist for quotes and contracts.',
      'Ana and Bo are both hunters: decide who looks after existing customers.',
    ]);
    expect(explainPair(a, b, 'zh')[0]).toBe('Ana和Bo都急于推进：约好成交前由谁放慢一步。');
  });

  it('says so when the two are alike and unremarkable', () => {
    const a = rep('a', [50, 50, 50, 50], 'Ana');
    const b = rep('b', [55, 45, 50, 60], 'Bo');
    expect(explainPair(a, b, 'en')).toEqual(['Ana and Bo are alike on most traits: each adds little that the other lacks.']);
    expect(explainPair(a, b, 'zh')).toEqual(['Ana和Bo在大多数特质上相近：两人互补有限。']);
  });

  it('says who has not taken the self-assessment', () => {
    const a = rep('a', undefined, 'Ana');
    expect(explainPair(a, li, 'en')).toEqual(['Ana has not taken the self-assessment yet, so there is nothing to compare.']);
    expect(explainPair(li, a, 'zh')).toEqual(['Ana还没有完成自评，暂时无法比较。']);
  });
});
