/**
 * Notes are their author's (lib/db/notes.ts: only the author edits, pins or deletes): nobody
 * writes as someone else or over someone else's note, and a note stays on its customer.
 */
import type { Note } from '../../lib/model';
import { ALLOW, refuse, type Actor, type StoredRecord, type Verdict } from './verdict';

export function checkNotePut(next: Note, stored: StoredRecord | undefined, actor: Actor): Verdict {
  if (next.authorRepId !== actor.repId) {
    return refuse('not_yours', `A note is written by its author: this one names ${next.authorRepId}, and you are ${actor.repId}.`);
  }
  const was = stored?.data?.customerId;
  if (typeof was === 'string' && was !== next.customerId) {
    return refuse('fixed_field', 'A note stays on the customer it was written about; write a new note on the other customer instead.');
  }
  return checkNoteOwner(stored, actor);
}

export function checkNoteDelete(stored: StoredRecord | undefined, actor: Actor): Verdict {
  return checkNoteOwner(stored, actor);
}

function checkNoteOwner(stored: StoredRecord | undefined, actor: Actor): Verdict {
  if (stored?.authorRepId && stored.authorRepId !== actor.repId) {
    return refuse('not_yours', 'This note belongs to another rep; only its author can change or delete it.');
  }
  return ALLOW;
}
