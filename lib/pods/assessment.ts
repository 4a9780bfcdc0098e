/**
 * Scoring the Holdfast self-assessment (statements in ./statements). Each trait's five
 * answers are summed after flipping reverse-keyed ones (6 − answer), giving 5…25, which is
 * stretched linearly onto 0…100 so that "all middle answers" is exactly 50.
 */
import type { Traits } from '../model';
import { SCALE_MAX, SCALE_MIN, STATEMENTS } from './statements';
import { TRAIT_KEYS } from './traits';

export { STATEMENTS, SCALE_LABELS, SCALE_MAX, SCALE_MIN, type Statement } from './statements';
export { styleFromTraits, STYLE_THRESHOLD } from './style';
export { describeProfile } from './profile-text';

/**
 * Answers keyed by statement id (what a form stores), or a plain list in STATEMENTS order
 * (what a quick script or a test writes).
 */
export type AssessmentAnswers = Readonly<Record<string, number>> | readonly number[];

export interface InvalidAnswer {
  readonly id: string;
  readonly value: unknown;
}

/** Thrown with every problem at once, so a form can mark all the bad answers in one pass. */
export class AssessmentError extends Error {
  override readonly name = 'AssessmentError';
  constructor(
    readonly missing: readonly string[],
    readonly invalid: readonly InvalidAnswer[],
    readonly unknown: readonly string[],
  ) {
    const parts: string[] = [];
    if (missing.length > 0) parts.push(`missing answers for ${missing.join(', ')}`);
    if (invalid.length > 0) {
      const shown = invalid.map((a) => `${a.id} = ${String(a.value)}`).join(', ');
      parts.push(`answers must be whole numbers from ${SCALE_MIN} to ${SCALE_MAX} (got ${shown})`);
    }
    if (unknown.length > 0) parts.push(`unknown statements ${unknown.join(', ')}`);
    super(`Self-assessment cannot be scored: ${parts.join('; ')}.`);
  }
}

const ITEMS_PER_TRAIT = STATEMENTS.length / TRAIT_KEYS.length;
const LOWEST_SUM = ITEMS_PER_TRAIT * SCALE_MIN;
const SUM_RANGE = ITEMS_PER_TRAIT * (SCALE_MAX - SCALE_MIN);

function toRecord(answers: AssessmentAnswers): Map<string, unknown> {
  const byId = new Map<string, unknown>();
  if (Array.isArray(answers)) {
    const list = answers as readonly unknown[];
    list.forEach((value, i) => byId.set(STATEMENTS[i]?.id ?? `#${i + 1}`, value));
  } else {
    for (const [id, value] of Object.entries(answers)) byId.set(id, value);
  }
  return byId;
}

export function scoreAssessment(answers: AssessmentAnswers): Traits {
  const byId = toRecord(answers);
  const known = new Set(STATEMENTS.map((s) => s.id));
  const missing: string[] = [];
  const invalid: InvalidAnswer[] = [];
  const unknown = [...byId.keys()].filter((id) => !known.has(id));
  const sums: Record<string, number> = {};

  for (const statement of STATEMENTS) {
    const value = byId.get(statement.id);
    if (value === undefined || value === null) {
      missing.push(statement.id);
      continue;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < SCALE_MIN || value > SCALE_MAX) {
      invalid.push({ id: statement.id, value });
      continue;
    }
    const keyed = statement.reverse ? SCALE_MIN + SCALE_MAX - value : value;
    sums[statement.trait] = (sums[statement.trait] ?? 0) + keyed;
  }
  if (missing.length > 0 || invalid.length > 0 || unknown.length > 0) {
    throw new AssessmentError(missing, invalid, unknown);
  }

  const scale = (key: string) => Math.round((((sums[key] ?? LOWEST_SUM) - LOWEST_SUM) / SUM_RANGE) * 100);
  return {
    goalOrientation: scale('goalOrientation'),
    skepticism: scale('skepticism'),
    detailAttention: scale('detailAttention'),
    relationship: scale('relationship'),
  };
}
