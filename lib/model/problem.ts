import * as z from 'zod/mini';
import { MAX_PROBLEM_EVENTS, MAX_REPS_IN_LIST } from './bounds';
import { Id, IsoDateTime, LongText, syncedFields, Text } from './common';
import { Channel, ProblemStatus, Severity } from './enums';

export { Channel, ProblemStatus, Severity };

/** The customer's own word on whether the problem is solved. Closing needs one that says yes. */
export const Confirmation = z.object({
  at: IsoDateTime,
  /** Who at the customer confirmed. */
  by: Text(200, 1),
  how: Channel,
  satisfied: z.boolean(),
  comment: z.optional(LongText),
});
export type Confirmation = z.infer<typeof Confirmation>;

const eventBase = { id: Id, at: IsoDateTime, byRepId: Id };

/**
 * The problem's append-only log. Each kind is its own shape (no bag of optional fields), so
 * that a reader can switch on `type` and know exactly what it holds.
 */
export const ProblemEvent = z.discriminatedUnion('type', [
  z.object({ ...eventBase, type: z.literal('received') }),
  z.object({ ...eventBase, type: z.literal('status'), from: ProblemStatus, to: ProblemStatus }),
  z.object({ ...eventBase, type: z.literal('update'), text: LongText }),
  z.object({ ...eventBase, type: z.literal('cover'), repId: Id, action: z.enum(['add', 'remove']) }),
  z.object({ ...eventBase, type: z.literal('confirmation'), confirmation: Confirmation }),
  /** The only way ownership moves: deliberate, with a written reason that stays visible. */
  z.object({ ...eventBase, type: z.literal('transfer'), fromRepId: Id, toRepId: Id, reason: Text(2000, 10) }),
]);
export type ProblemEvent = z.infer<typeof ProblemEvent>;

export const Problem = z.object({
  ...syncedFields,
  customerId: Id,
  title: Text(200, 1),
  detail: z.optional(LongText),
  severity: Severity,
  channel: Channel,
  receivedAt: IsoDateTime,
  /** The rep who received it. Never changed by an ordinary edit; only by a `transfer` event. */
  ownerRepId: Id,
  coveringRepIds: z.array(Id).check(z.maxLength(MAX_REPS_IN_LIST)),
  status: ProblemStatus,
  dueAt: z.optional(IsoDateTime),
  reopenCount: z.int().check(z.gte(0)),
  events: z.array(ProblemEvent).check(z.maxLength(MAX_PROBLEM_EVENTS)),
});
export type Problem = z.infer<typeof Problem>;

