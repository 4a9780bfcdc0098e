/**
 * Ordinary edits of a problem: title, detail, severity, due time, and nothing else.
 * The owner in particular is not editable (DESIGN §5): it moves only by a transfer.
 */
import * as z from 'zod/mini';
import { IsoDateTime, LongText, Severity, type Problem } from '../model';

export const EDITABLE_FIELDS = ['title', 'detail', 'severity', 'dueAt'] as const;

/** How the `update` event an edit logs begins: the rulebook (judge.ts) finds edits by it. */
export const EDIT_SUMMARY_PREFIX = 'Edited: ';

/** `null` clears an optional field (detail, due time); absent means "leave as is". */
const EditChanges = z.strictObject({
  title: z.optional(z.string().check(z.trim(), z.minLength(1, 'a title'), z.maxLength(200))),
  detail: z.optional(z.nullable(LongText)),
  severity: z.optional(Severity),
  dueAt: z.optional(z.nullable(IsoDateTime)),
});

export type EditOutcome =
  | { ok: true; patch: Pick<Problem, 'title' | 'severity' | 'detail' | 'dueAt'>; summary: string }
  | { ok: false; code: 'invalid_edit' | 'owner_change_refused' | 'field_not_editable' | 'nothing_to_change'; reason: string; fields?: string[] };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks an edit payload from anywhere (UI, sync push) and works out the new field values
 * plus a one-line summary for the event log (the model has no dedicated edit event, so an
 * edit is recorded as an `update` event carrying that summary).
 */
export function planEdit(problem: Problem, changes: unknown): EditOutcome {
  if (!isPlainObject(changes)) {
    return { ok: false, code: 'invalid_edit', reason: 'An edit must list the fields to change.' };
  }
  // Checked first and by name, so the refusal says exactly why rather than "unknown key".
  if (Object.hasOwn(changes, 'ownerRepId')) {
    return {
      ok: false,
      code: 'owner_change_refused',
      reason:
        'The owner cannot be changed by an edit. The rep who received a problem owns it until the customer ' +
        'confirms it is solved; if ownership truly has to move (the owner left, say), use a transfer with a written reason.',
    };
  }
  const foreign = Object.keys(changes).filter((k) => !(EDITABLE_FIELDS as readonly string[]).includes(k));
  if (foreign.length > 0) {
    return {
      ok: false,
      code: 'field_not_editable',
      reason: `These fields cannot be edited: ${foreign.join(', ')}. Only ${EDITABLE_FIELDS.join(', ')} can; status, covering reps and the log change through their own actions.`,
      fields: foreign,
    };
  }
  const parsed = EditChanges.safeParse(changes);
  if (!parsed.success) {
    return { ok: false, code: 'invalid_edit', reason: `The edit is not valid: ${z.prettifyError(parsed.error)}` };
  }
  const c = parsed.data;
  const next = {
    title: c.title ?? problem.title,
    severity: c.severity ?? problem.severity,
    detail: c.detail === undefined ? problem.detail : (c.detail ?? undefined),
    dueAt: c.dueAt === undefined ? problem.dueAt : (c.dueAt ?? undefined),
  };
  const parts: string[] = [];
  if (next.title !== problem.title) parts.push(`title "${problem.title}" → "${next.title}"`);
  if (next.severity !== problem.severity) parts.push(`severity ${problem.severity} → ${next.severity}`);
  // Detail can be long; the log notes that it changed, the record holds the text.
  if (next.detail !== problem.detail) parts.push(next.detail === undefined ? 'detail cleared' : 'detail changed');
  if (next.dueAt !== problem.dueAt) parts.push(`due ${problem.dueAt ?? 'none'} → ${next.dueAt ?? 'none'}`);
  if (parts.length === 0) {
    return { ok: false, code: 'nothing_to_change', reason: 'The edit changes nothing.' };
  }
  return { ok: true, patch: next, summary: `${EDIT_SUMMARY_PREFIX}${parts.join('; ')}` };
}
