/**
 * The domain rules of a push, per table. The record has already passed its schema (the push
 * request is parsed with the protocol's schemas), so these judge only who may do what.
 * Customers, revenue lines, contacts and coaches are shared: any team member may write them.
 */
import type { Note, Problem } from '../../lib/model';
import type { Mutation } from '../../lib/sync/protocol';
import { checkNoteDelete, checkNotePut } from './notes';
import { checkProblemDelete, checkProblemPut } from './problems';
import { checkPod, checkRepPut } from './team';
import { ALLOW, type Actor, type StoredRecord, type Verdict } from './verdict';

export type { Actor, StoredRecord, Verdict } from './verdict';

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
    case 'problems': {
      // Stored records passed these same checks when written; a tombstone counts as none.
      const prev = (stored?.data ?? null) as Problem | null;
      return checkProblemPut(m.record, prev, actor);
    }
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
