/**
 * The domain rules of a push, per table. The record has already passed its schema (the push
 * request is parsed with the protocol's schemas), so these judge who may do what, and merge
 * concurrent work where it can be merged. In order:
 *   clock (clock.ts) → tombstones final (tombstones.ts) → merge with the stored record
 *   (problems: the union of both logs; pods, customers: set-like lists) → the merged record
 *   still fits its schema → the table's rule → a rep's name is not taken (names.ts).
 * Customers, revenue lines, contacts and coaches are shared: any team member may write them.
 */
import type { Note, Problem } from '../../lib/model';
import { RECORD_SCHEMAS, type Mutation } from '../../lib/sync/protocol';
import { checkClock } from './clock';
import { checkRepName } from './names';
import { checkNoteDelete, checkNotePut } from './notes';
import { checkProblemDelete, checkProblemPut, mergeProblemPut } from './problems';
import { mergeSets } from './sets';
import { checkPod, checkRepPut } from './team';
import { checkTombstone } from './tombstones';
import { ALLOW, refuse, type Actor, type StoredRecord, type Verdict } from './verdict';

export type { Actor, StoredRecord, Verdict } from './verdict';

export interface JudgeContext {
  /** The server's clock, in ms since the epoch. */
  nowMs: number;
  /** The team's live reps' names by id, for the unique-name rule (read only for pushes of rep records). */
  repNames: () => ReadonlyMap<string, string>;
}

/** The verdict on one mutation, and when allowed, the mutation to store (merged with the stored record). */
export type Judged = { ok: true; mutation: Mutation } | Extract<Verdict, { ok: false }>;

export function judgeMutation(m: Mutation, stored: StoredRecord | undefined, actor: Actor, ctx: JudgeContext): Judged {
  for (const v of [checkClock(m, ctx.nowMs), checkTombstone(m, stored)]) if (!v.ok) return v;
  const merged = mergeMutation(m, stored, actor);
  if (!merged.ok) return merged;
  const verdict = checkMutation(merged.mutation, stored, actor);
  if (!verdict.ok) return verdict;
  const mm = merged.mutation;
  if (mm.op === 'put' && mm.table === 'reps' && !mm.record.deleted && mm.record.name !== stored?.data?.name) {
    const named = checkRepName(mm.record.id, mm.record.name, ctx.repNames());
    if (!named.ok) return named;
  }
  return merged;
}

function mergeMutation(m: Mutation, stored: StoredRecord | undefined, actor: Actor): Judged {
  if (m.op !== 'put') return { ok: true, mutation: m };
  let mutation = mergeSets(m, stored, actor.repId);
  if (m.table === 'problems') {
    const r = mergeProblemPut(m.record, (stored?.data ?? null) as Problem | null);
    if (!r.ok) return r;
    mutation = { ...m, record: r.problem };
  }
  if (mutation === m || mutation.op !== 'put') return { ok: true, mutation };
  // A union can outgrow the record's bounds; then the merge is refused, not stored.
  const parsed = RECORD_SCHEMAS[mutation.table].safeParse(mutation.record);
  if (!parsed.success) {
    return refuse('invalid', 'Merged with the changes already on the server, this record would be too large or invalid. Pull, then make the change again.') as Judged;
  }
  return { ok: true, mutation };
}

export function checkMutation(m: Mutation, stored: StoredRecord | undefined, actor: Actor): Verdict {
  if (m.op === 'delete') {
    switch (m.table) {
      case 'problems':
        return checkProblemDelete(actor);
      case 'notes':
        return checkNoteDelete(stored, actor);
      case 'reps':
        return checkRepPut(m.recordId, true, actor);
      case 'pods':
        return checkPod(actor);
      default:
        return ALLOW;
    }
  }
  switch (m.table) {
    case 'problems':
      // The stored problem, a soft tombstone included (the judge keeps it final); a hard
      // tombstone got this far only with a tombstoned put, which the judge leaves to a lead.
      return checkProblemPut(m.record, (stored?.data ?? null) as Problem | null, actor);
    case 'notes':
      return checkNotePut(m.record as Note, stored, actor);
    case 'reps':
      return checkRepPut(m.record.id, m.record.deleted === true, actor);
    case 'pods':
      return checkPod(actor);
    default:
      return ALLOW;
  }
}
