import * as z from 'zod/mini';
import { MAX_REPS_IN_LIST } from './bounds';
import { Email, Id, syncedFields, Text } from './common';
import { Style } from './enums';

export { Style };

const Score = z.int().check(z.gte(0), z.lte(100));

/** Trait scores 0–100 (DESIGN §5, the article's pod criteria). */
export const Traits = z.object({
  goalOrientation: Score,
  skepticism: Score,
  detailAttention: Score,
  /** 100 = relationship-oriented maintainer, 0 = hunter. */
  relationship: Score,
});
export type Traits = z.infer<typeof Traits>;

export const Rep = z.object({
  ...syncedFields,
  name: Text(200, 1),
  email: z.optional(Email),
  traits: z.optional(Traits),
  style: z.optional(Style),
});
export type Rep = z.infer<typeof Rep>;

export const Pod = z.object({
  ...syncedFields,
  name: Text(200, 1),
  memberIds: z.array(Id).check(z.maxLength(MAX_REPS_IN_LIST)),
});
export type Pod = z.infer<typeof Pod>;

