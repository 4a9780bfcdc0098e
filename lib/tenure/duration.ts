/**
 * Tenure and day counts for the panel ("5 years 3 months", "renews in 42 days", "last
 * contact 9 days ago"). `today` and `now` are passed in so that results are reproducible;
 * the UI passes the rep's local date as `today`.
 */
import type { Customer, RevenueLine } from '../model';
import { daysBetween, elapsedDays, monthsBetween } from './calendar';

export interface Tenure {
  years: number;
  /** 0–11, the months past the whole years. */
  months: number;
}

/**
 * Whole years and months from `since` to `today`, calendar-correct: a month is complete on
 * the same day of the month, or on the last day of a shorter month (see `monthsBetween`),
 * so a customer since Feb 29 has their anniversary on Feb 28 in other years.
 * A `since` after `today` (a contract not started yet) gives zero rather than a negative tenure.
 */
export function tenureBetween(since: string, today: string): Tenure {
  const total = Math.max(0, monthsBetween(since, today));
  return { years: Math.floor(total / 12), months: total % 12 };
}

/** Days from `today` to the renewal date: 0 on the day, negative once it has passed; null when unknown. */
export function daysToRenewal(renewalDate: string | undefined, today: string): number | null {
  return renewalDate === undefined ? null : daysBetween(today, renewalDate);
}

/**
 * Whole days since the last contact, counted as elapsed 24-hour periods between instants:
 * a stored date-time carries an offset but not the rep's time zone, so elapsed time is the
 * one count that is the same everywhere. A contact stamped in the future (clock skew) counts
 * as today. Null when no contact is recorded.
 */
export function daysSinceContact(lastContactAt: string | undefined, now: string): number | null {
  return lastContactAt === undefined ? null : Math.max(0, elapsedDays(lastContactAt, now));
}

/**
 * When the customer relationship began: the recorded "customer since", else the date of
 * their first purchase in the data (refunds and tombstones do not count). Null when neither
 * is known.
 */
export function customerSince(
  customer: Pick<Customer, 'customerSince'>,
  lines: Iterable<Pick<RevenueLine, 'date' | 'amount' | 'deleted'>>,
): string | null {
  if (customer.customerSince !== undefined) return customer.customerSince;
  let first: string | null = null;
  for (const line of lines) {
    if (line.deleted || line.amount < 0) continue;
    if (first === null || line.date < first) first = line.date;
  }
  return first;
}
