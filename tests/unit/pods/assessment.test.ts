import { describe, expect, it } from 'vitest';
import { Traits } from '../../../lib/model';
import { AssessmentError, scoreAssessment, STATEMENTS, SCALE_LABELS } from '../../../lib/pods/assessment';
import { TRAIT_KEYS } from '../../../lib/pods/traits';

/** Answers that score `high` on every trait: agree with forward items, disagree with reverse ones. */
function keyed(high: boolean): Record<string, number> {
  return Object.fromEntries(STATEMENTS.map((s) => [s.id, s.reverse === high ? 1 : 5]));
}

describe('self-assessment statements', () => {
  it('has 20 statements, five per trait, each in English and Chinese, with unique ids', () => {
    expect(STATEMENTS).toHaveLength(20);
    expect(new Set(STATEMENTS.map((s) => s.id)).size).toBe(20);
    for (const key of TRAIT_KEYS) expect(STATEMENTS.filter((s) => s.trait === key)).toHaveLength(5);
    for (const s of STATEMENTS) {
      expect(s.en.length).toBeGreaterThan(10);
      expect(s.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('reverse-keys some statements of every trait, but not all', () => {
    for (const key of TRAIT_KEYS) {
      const reversed = STATEMENTS.filter((s) => s.trait === key && s.reverse).length;
      expect(reversed).toBeGreaterThan(0);
      expect(reversed).toBeLessThan(5);
    }
  });

  it('labels the five answer points in both languages', () => {
    expect(SCALE_LABELS.map((l) => l.value)).toEqual([1, 2, 3, 4, 5]);
    for (const label of SCALE_LABELS) expect(label.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('scoreAssessment', () => {
  it('scores all-middle answers as 50 on every trait', () => {
    expect(scoreAssessment(STATEMENTS.map(() => 3))).toEqual({
      goalOrientation: 50,
      skepticism: 50,
      detailAttention: 50,
      relationship: 50,
    });
  });

  it('reaches 100 and 0 only when reverse-keyed items are answered the opposite way', () => {
    const top = scoreAssessment(keyed(true));
    const bottom = scoreAssessment(keyed(false));
    for (const key of TRAIT_KEYS) {
      expect(top[key]).toBe(100);
      expect(bottom[key]).toBe(0);
    }
  });

  it('does not reward agreeing with everything (reverse keys pull it back toward the middle)', () => {
    const yes = scoreAssessment(STATEMENTS.map(() => 5));
    for (const key of TRAIT_KEYS) expect(yes[key]).toBe(60); // 3 forward × 5 + 2 reverse × 1 = 17 of 5…25
  });

  it('lowers the trait when a reverse-keyed statement is agreed with', () => {
    const answers = Object.fromEntries(STATEMENTS.map((s) => [s.id, 3]));
    const reverse = STATEMENTS.find((s) => s.trait === 'goalOrientation' && s.reverse)!;
    const forward = STATEMENTS.find((s) => s.trait === 'goalOrientation' && !s.reverse)!;
    expect(scoreAssessment({ ...answers, [reverse.id]: 5 }).goalOrientation).toBe(40);
    expect(scoreAssessment({ ...answers, [forward.id]: 5 }).goalOrientation).toBe(60);
    expect(scoreAssessment({ ...answers, [reverse.id]: 5 }).skepticism).toBe(50);
  });

  it('gives whole numbers that the Rep schema accepts', () => {
    const answers = STATEMENTS.map((_, i) => ((i * 7) % 5) + 1);
    const traits = scoreAssessment(answers);
    expect(Traits.safeParse(traits).success).toBe(true);
    for (const key of TRAIT_KEYS) expect(Number.isInteger(traits[key])).toBe(true);
  });

  it('reads a list in statement order the same as answers keyed by id', () => {
    const list = STATEMENTS.map((_, i) => (i % 5) + 1);
    const record = Object.fromEntries(STATEMENTS.map((s, i) => [s.id, list[i]!]));
    expect(scoreAssessment(list)).toEqual(scoreAssessment(record));
  });

  it('names every missing answer', () => {
    const answers: Record<string, number> = keyed(true);
    delete answers['g3'];
    delete answers['r5'];
    const error = captureError(() => scoreAssessment(answers));
    expect(error.missing).toEqual(['g3', 'r5']);
    expect(error.message).toContain('missing answers for g3, r5');
  });

  it('rejects answers off the 1–5 scale, fractions and non-numbers', () => {
    const answers: Record<string, unknown> = { ...keyed(true), g1: 0, s1: 6, d1: 2.5, r1: Number.NaN, g2: '3' };
    const error = captureError(() => scoreAssessment(answers as Record<string, number>));
    expect(error.invalid.map((a) => a.id)).toEqual(['g1', 's1', 'd1', 'r1', 'g2']);
    expect(error.message).toContain('whole numbers from 1 to 5');
    expect(error.message).toContain('s1 = 6');
  });

  it('rejects unknown statements and a list of the wrong length', () => {
    expect(captureError(() => scoreAssessment({ ...keyed(true), x9: 3 })).unknown).toEqual(['x9']);
    expect(captureError(() => scoreAssessment(STATEMENTS.map(() => 3).slice(0, 19))).missing).toEqual(['r5']);
    expect(captureError(() => scoreAssessment([...STATEMENTS.map(() => 3), 3])).unknown).toEqual(['#21']);
  });
});

function captureError(run: () => unknown): AssessmentError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AssessmentError);
    return error as AssessmentError;
  }
  throw new Error('expected an AssessmentError');
}
