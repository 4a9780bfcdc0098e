/**
 * What can be done to a problem, as a zod schema: the sync server receives actions as
 * untrusted JSON, so `applyAction` parses them again even when the caller is typed.
 */
import * as z from 'zod/mini';
import { Confirmation, Id, type ProblemStatus } from '../model';
import type { StatusStep } from './transitions';

const bare = <T extends string>(type: T) => z.strictObject({ type: z.literal(type) });

export const ProblemAction = z.discriminatedUnion('type', [
  bare('start'),
  bare('waitOnCustomer'),
  bare('resumeWork'),
  bare('markResolved'),
  z.strictObject({ type: z.literal('recordConfirmation'), confirmation: Confirmation }),
  /**
   * Exists so that a "close" request has somewhere to be refused with a reason: a problem
   * closes only through a satisfied `recordConfirmation`, never on a rep's say-so.
   */
  bare('close'),
  /**
   * The customer says on a call that it is solved: the steps the lifecycle still needs (start,
   * mark resolved) and then their satisfied confirmation, "on a call" (phone), in one act. It is
   * no new rule: it is recorded as exactly those steps' events, so the rulebook (judge.ts,
   * history.ts) on the client and the team server accepts it unchanged.
   */
  z.strictObject({ type: z.literal('confirmOnCall'), by: z.string(), comment: z.optional(z.string()) }),
  // Free text and the transfer reason are checked in the handler, for specific refusal codes.
  z.strictObject({ type: z.literal('addUpdate'), text: z.string() }),
  z.strictObject({ type: z.literal('addCover'), repId: Id }),
  z.strictObject({ type: z.literal('removeCover'), repId: Id }),
  /** `changes` is unknown on purpose: it is where forbidden fields (ownerRepId) get caught. */
  z.strictObject({ type: z.literal('edit'), changes: z.unknown() }),
  z.strictObject({ type: z.literal('transfer'), toRepId: Id, reason: z.string() }),
]);
export type ProblemAction = z.infer<typeof ProblemAction>;
export type ProblemActionType = ProblemAction['type'];

/** Machine-readable refusal codes; every refusal also carries a plain-English `reason`. */
export type RefusalCode =
  | 'invalid_action'
  | 'deleted'
  | 'closed'
  | 'not_participant'
  | 'illegal_transition'
  | 'not_resolved'
  | 'confirmation_required'
  | 'empty_update'
  | 'update_too_long'
  | 'not_allowed'
  | 'owner_cannot_cover'
  | 'already_covering'
  | 'not_covering'
  | 'invalid_edit'
  | 'owner_change_refused'
  | 'field_not_editable'
  | 'nothing_to_change'
  | 'not_owner'
  | 'same_owner'
  | 'reason_too_short'
  | 'reason_too_long'
  | 'invalid_result'
  | 'no_confirmer';

/**
 * The specifics of a refusal, so each surface can word it in the user's language (the
 * `reason` is English): the step refused, the status it met, the statuses it needs, a limit.
 */
export interface RefusalDetail {
  step?: StatusStep;
  status?: ProblemStatus;
  allowed?: ProblemStatus[];
  /** A length bound, in characters. */
  limit?: number;
  /** Fields an edit may not touch. */
  fields?: string[];
}
