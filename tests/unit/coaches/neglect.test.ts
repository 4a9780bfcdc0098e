import { describe, expect, it } from 'vitest';
import { neglectOrder } from '@/lib/coaches';

const TODAY = '2026-11-28';

describe('neglect order', () => {
  it('longest since last touch first, weighed by referral value; never touched leads', () => {
    const order = neglectOrder(
      [
        { id: 'a', name: 'Ann', lastTouchAt: '2026-10-29', revenue: [] }, // 30 days, no referrals → 30
        { id: 'b', name: 'Bo', lastTouchAt: '2026-11-08', revenue: [{ currency: 'USD', amount: 50_000_00 }] }, // 20 days × 2 → 40
        { id: 'c', name: 'Cy', lastTouchAt: '2026-11-03', revenue: [{ currency: 'USD', amount: 25_000_00 }] }, // 25 × 1.5 → 37.5
        { id: 'd', name: 'Di', revenue: [] }, // never touched
        { id: 'e', name: 'Ed', lastTouchAt: '2026-11-28', revenue: [{ currency: 'EUR', amount: 1_00 }] }, // today: 0
      ],
      TODAY,
    );
    expect(order.map((c) => c.id)).toEqual(['d', 'b', 'c', 'a', 'e']);
    expect(order.find((c) => c.id === 'b')!.neglect).toEqual({ id: 'b', days: 20, value: 1, score: 40 });
    expect(order.find((c) => c.id === 'c')!.neglect.score).toBe(37.5);
  });

  it('values each currency against its own best referrer (no currency is added to another)', () => {
    const order = neglectOrder(
      [
        { id: 'usd', name: 'U', lastTouchAt: '2026-11-18', revenue: [{ currency: 'USD', amount: 1_000_00 }] },
        { id: 'jpy', name: 'J', lastTouchAt: '2026-11-18', revenue: [{ currency: 'JPY', amount: 5_000 }] },
        { id: 'both', name: 'B', lastTouchAt: '2026-11-18', revenue: [{ currency: 'USD', amount: 500_00 }, { currency: 'JPY', amount: 1_000 }] },
      ],
      TODAY,
    );
    // U and J are each the best in their currency (value 1); B is half of U's dollars (0.5).
    expect(order.map((c) => [c.id, c.neglect.value])).toEqual([['jpy', 1], ['usd', 1], ['both', 0.5]]);
  });

  it('several never-touched coaches: the more valuable first, then by name', () => {
    const order = neglectOrder(
      [
        { id: '1', name: 'Zed', revenue: [] },
        { id: '2', name: 'Amy', revenue: [] },
        { id: '3', name: 'Kim', revenue: [{ currency: 'USD', amount: 1 }] },
      ],
      TODAY,
    );
    expect(order.map((c) => c.name)).toEqual(['Kim', 'Amy', 'Zed']);
    expect(order[0]!.neglect.days).toBeNull();
  });
});
