/**
 * Time sanity: a record dated in the far future would win every last-writer merge and every
 * first sync for ever, so a change dated more than a day ahead of the server's clock is
 * refused (a day leaves room for time zones set wrong by hours, not for a broken clock).
 */
import type { Mutation } from '../../lib/sync/protocol';
import { ALLOW, refuse, type Verdict } from './verdict';

export const MAX_AHEAD_MS = 24 * 3_600_000;

export function checkClock(m: Mutation, nowMs: number): Verdict {
  const stamps = m.op === 'delete' ? [m.at] : [m.record.updatedAt, ...(m.table === 'problems' ? m.record.events.map((e) => e.at) : [])];
  for (const at of stamps) {
    if (Date.parse(at) - nowMs > MAX_AHEAD_MS) {
      return refuse(
        'future_date',
        `This change is dated ${at}, more than a day ahead of the server's clock (${new Date(nowMs).toISOString()}). Check this computer's date and time, then make the change again.`,
      );
    }
  }
  return ALLOW;
}
