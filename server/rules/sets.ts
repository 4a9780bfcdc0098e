/**
 * Lists that are sets — a pod's members, a customer's domains — merge instead of the last
 * push silently dropping what another rep added meanwhile.
 *
 * Adds always survive: the stored set and the pushed set are united. A removal (an element
 * the server has and the pushed copy lacks) is honoured only when the stored version is the
 * pusher's own last write: then the pusher's copy descends from it, so whatever it lacks it
 * has seen and taken out. When another rep wrote last, the pusher may simply never have seen
 * their additions, so nothing is removed; the pusher sees the element again after the next
 * pull and, removing it once more, now writes over their own version and is honoured. (A rep
 * on two devices can thus lose their own concurrent add; never a colleague's.)
 */
import type { Mutation } from '../../lib/sync/protocol';
import type { StoredRecord } from './verdict';

const SET_FIELDS: Partial<Record<Mutation['table'], string>> = { pods: 'memberIds', customers: 'domains' };

export function mergeSets(m: Mutation, stored: StoredRecord | undefined, me: string): Mutation {
  const field = SET_FIELDS[m.table];
  if (!field || m.op !== 'put' || !stored?.data || stored.data.deleted === true || stored.authorRepId === me) return m;
  const had = stored.data[field];
  const mine = (m.record as Record<string, unknown>)[field];
  if (!Array.isArray(had) || !Array.isArray(mine)) return m;
  const union = [...new Set<unknown>([...mine, ...had])];
  return union.length === mine.length ? m : ({ ...m, record: { ...m.record, [field]: union } } as Mutation);
}
