/**
 * Quick-log a customer problem (DESIGN §1, "Issue owner"): the rep who receives the problem
 * becomes its owner on the spot, so the customer is never passed from person to person.
 */
import * as z from 'zod/mini';
import { Channel, Id, IsoDateTime, LongText, Problem, Severity } from '../model';

/** What the popup (or a sync mutation) supplies. The owner is deliberately not part of it. */
export const LogProblemInput = z.strictObject({
  customerId: Id,
  title: z.string().check(z.trim(), z.minLength(1, 'a title'), z.maxLength(200)),
  detail: z.optional(LongText),
  /** Defaults to `normal`: a quick-log must not force the rep to triage first. */
  severity: z.optional(Severity),
  channel: Channel,
  /** When the customer reported it; defaults to `now` (logged as it happens). */
  receivedAt: z.optional(IsoDateTime),
  dueAt: z.optional(IsoDateTime),
});
export type LogProblemInput = z.input<typeof LogProblemInput>;

export interface LogContext {
  /** The logged-in rep: the receiver, hence the owner. */
  me: string;
  now: string;
  newId: () => string;
}

/** Thrown when the input cannot make a valid Problem; the message is meant for the user. */
export class InvalidProblemInput extends Error {
  override readonly name = 'InvalidProblemInput';
}

/**
 * A new Problem owned by `me`, status `open`, with its `received` event.
 * Accepts unknown input (it may come over a message or the sync API) and throws
 * `InvalidProblemInput` with a readable message if it does not fit.
 */
export function logProblem(input: LogProblemInput | unknown, ctx: LogContext): Problem {
  const parsed = LogProblemInput.safeParse(input);
  if (!parsed.success) {
    throw new InvalidProblemInput(`The problem could not be logged: ${z.prettifyError(parsed.error)}`);
  }
  const i = parsed.data;
  const problem: Problem = {
    id: ctx.newId(),
    updatedAt: ctx.now,
    customerId: i.customerId,
    title: i.title,
    ...(i.detail !== undefined && i.detail !== '' ? { detail: i.detail } : {}),
    severity: i.severity ?? 'normal',
    channel: i.channel,
    receivedAt: i.receivedAt ?? ctx.now,
    ownerRepId: ctx.me,
    coveringRepIds: [],
    status: 'open',
    ...(i.dueAt !== undefined ? { dueAt: i.dueAt } : {}),
    reopenCount: 0,
    // `at` is when it was logged; `receivedAt` may be earlier (logged after a phone call).
    events: [{ id: ctx.newId(), at: ctx.now, byRepId: ctx.me, type: 'received' }],
  };
  // Guards the context too (an empty rep id or a malformed `now` would otherwise slip through).
  const checked = Problem.safeParse(problem);
  if (!checked.success) {
    throw new InvalidProblemInput(`The problem could not be logged: ${z.prettifyError(checked.error)}`);
  }
  return checked.data;
}
