/**
 * Which coach to call first: the one left alone longest, weighed by what their introductions
 * brought. Score = days since last touch × (1 + value), where value ∈ [0, 1] is the coach's
 * referral revenue relative to the best-referring coach, in the currency where that share is
 * highest. Shares rather than sums, so no two currencies are ever added: a coach who brought
 * the most euros ranks like the one who brought the most dollars. A coach never touched
 * comes before everyone (nobody has invested in that relationship yet), the more valuable first.
 */
import { daysBetween } from '../tenure/calendar';
import type { Money } from './budget';

export interface NeglectInput {
  id: string;
  name: string;
  lastTouchAt?: string | undefined;
  /** Referral revenue per currency (lib/coaches/referrals.ts). */
  revenue: readonly Money[];
}

export interface Neglect {
  id: string;
  /** Whole days since the last touch; null when never touched. */
  days: number | null;
  /** 0–1: the coach's referral revenue against the best referrer's, in their strongest currency. */
  value: number;
  /** days × (1 + value); Infinity when never touched. */
  score: number;
}

/** Every coach's neglect, most neglected first (ties: by name, then id, so the order is stable). */
export function neglectOrder<T extends NeglectInput>(coaches: readonly T[], today: string): Array<T & { neglect: Neglect }> {
  const best = new Map<string, number>();
  for (const c of coaches) for (const m of c.revenue) if (m.amount > (best.get(m.currency) ?? 0)) best.set(m.currency, m.amount);
  const scored = coaches.map((c) => {
    let value = 0;
    for (const m of c.revenue) {
      const top = best.get(m.currency) ?? 0;
      if (top > 0 && m.amount > 0) value = Math.max(value, m.amount / top);
    }
    const days = c.lastTouchAt ? Math.max(0, daysBetween(c.lastTouchAt, today)) : null;
    const score = days === null ? Number.POSITIVE_INFINITY : days * (1 + value);
    return { ...c, neglect: { id: c.id, days, value, score } };
  });
  return scored.sort(
    (a, b) =>
      // Infinity − Infinity is NaN: equal scores (never touched, both) compare as a tie.
      (a.neglect.score === b.neglect.score ? 0 : b.neglect.score > a.neglect.score ? 1 : -1) ||
      b.neglect.value - a.neglect.value ||
      a.name.localeCompare(b.name) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
