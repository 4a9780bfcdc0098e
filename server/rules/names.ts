/**
 * A rep's display name is unique in the team, so nobody can pass as a colleague on /v1/me
 * and on every colleague's screen. Names compare without case, spaces or width differences
 * ("Bob Brandt", "bob  brandt" and "BobBrandt" are one name).
 */
import { ALLOW, refuse, type Verdict } from './verdict';

export const nameKey = (name: string): string => name.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();

/** `names`: the team's live reps by id (from the reps table and the synced rep records). */
export function checkRepName(repId: string, name: string, names: ReadonlyMap<string, string>): Verdict {
  const key = nameKey(name);
  for (const [id, other] of names) {
    if (id !== repId && nameKey(other) === key) {
      return refuse('name_taken', `Another rep in this team is already called "${other}". Choose a name colleagues can tell apart (add a last name or an initial).`);
    }
  }
  return ALLOW;
}
