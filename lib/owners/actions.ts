/**
 * What can be done to a problem, as a zod schema: the sync server receives actions as
 * untrusted JSON, so `applyAction` parses them again even when the caller is typed.
 */
import * as z from 'zod/mini';
import { Confirmation, Id } from '../model';

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
  | 'invalid_result';
