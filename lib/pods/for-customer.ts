/**
 * Which kind of partner the customer on screen calls for (the dock's pod-partner panel),
 * from what the record shows. The first matching rule wins, most pressing first:
 * - a problem open for AGEING_DAYS or more → the detail-oriented partner ("contract": detail
 *   attention), who makes sure nothing is left undone;
 * - renewal within RENEWAL_DAYS → the goal-oriented partner ("close"), who keeps the pace;
 * - a long customer (LONG_YEARS+) with no contact for QUIET_DAYS (or none recorded) → the
 *   relationship-oriented partner ("maintain").
 * Otherwise there is nothing to ask for and the panel just names the pod.
 */
import type { BringTask } from './bring';

export const AGEING_DAYS = 7;
export const RENEWAL_DAYS = 60;
export const LONG_YEARS = 2;
export const QUIET_DAYS = 60;

export type SuggestionReason = 'ageing_problem' | 'renewal_near' | 'long_tenure_quiet';

export interface CustomerSignals {
  /** receivedAt of each open problem. */
  openProblemsReceivedAt: readonly string[];
  customerSince?: string;
  lastContactAt?: string;
  renewalDate?: string;
}

const DAY = 86_400_000;

export function partnerTaskFor(s: CustomerSignals, now: Date): { task: BringTask; reason: SuggestionReason; days: number } | null {
  const t = now.getTime();
  const oldest = Math.max(0, ...s.openProblemsReceivedAt.map((r) => (t - Date.parse(r)) / DAY));
  if (oldest >= AGEING_DAYS) return { task: 'contract', reason: 'ageing_problem', days: Math.floor(oldest) };
  if (s.renewalDate) {
    const until = (Date.parse(s.renewalDate) - t) / DAY;
    if (until >= 0 && until <= RENEWAL_DAYS) return { task: 'close', reason: 'renewal_near', days: Math.ceil(until) };
  }
  if (s.customerSince && (t - Date.parse(s.customerSince)) / DAY >= LONG_YEARS * 365) {
    const quiet = s.lastContactAt ? (t - Date.parse(s.lastContactAt)) / DAY : Infinity;
    if (quiet >= QUIET_DAYS) return { task: 'maintain', reason: 'long_tenure_quiet', days: Number.isFinite(quiet) ? Math.floor(quiet) : -1 };
  }
  return null;
}
