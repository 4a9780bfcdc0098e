/** Notes are their author's: nobody writes as someone else or over someone else's note. */
import type { Note } from '../../lib/model';
import { ALLOW, refuse, type Actor, type StoredRecord, type Verdict } from './verdict';

export function checkNotePut(next: Note, stored: StoredRecord | undefined, actor: Actor): Verdict {
  if (next.authorRepId !== actor.repId) {
    return refuse('not_yours', `A note is written by its author: this one names ${next.authorRepId}, and you are ${actor.repId}.`);
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
