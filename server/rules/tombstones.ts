/**
 * Tombstones are final, in every table: a deleted record is never brought back by a put, and
 * its id is never used again (the server keeps the tombstone, so a hard delete is not "no
 * record"). The client never does either: it filters tombstones out and makes new ids. A
 * delete of what is already deleted changes nothing and is left to the table's own rule.
 */
import type { Mutation } from '../../lib/sync/protocol';
import { ALLOW, refuse, type StoredRecord, type Verdict } from './verdict';

const NOUN: Record<Mutation['table'], string> = {
  customers: 'customer',
  revenueLines: 'revenue line',
  contacts: 'contact',
  coaches: 'coach',
  problems: 'problem',
  reps: 'rep',
  pods: 'pod',
  notes: 'note',
};

export const isGone = (stored: StoredRecord | undefined): boolean => !!stored && (stored.data === null || stored.data.deleted === true);

export function checkTombstone(m: Mutation, stored: StoredRecord | undefined): Verdict {
  if (!isGone(stored) || m.op === 'delete' || m.record.deleted === true) return ALLOW;
  return refuse('tombstone', `This ${NOUN[m.table]} was deleted: a deleted record stays deleted and its id is never used again. Create a new one instead.`);
}
