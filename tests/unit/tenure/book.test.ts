import { describe, expect, it } from 'vitest';
import { buildBook, tenureBucket, type BookInput } from '../../../lib/tenure/book';
import { coach, customer, line, problem } from './fixtures';

const TODAY = '2026-03-15';
const NOW = '2026-03-15T12:00:00Z';
const RECENT = '2026-03-10T12:00:00Z';

function book(p: Partial<BookInput>) {
  return buildBook({ customers: [], lines: [], problems: [], coaches: [], today: TODAY, now: NOW, ...p });
}

describe("a rep's book", () => {
  const customers = [
    customer({ id: 'calm', name: 'Calm Co', ownerRepId: 'r1', customerSince: '2015-01-01', lastContactAt: RECENT }),
    customer({ id: 'hot', name: 'Hot Ltd', domains: ['hot.com'], ownerRepId: 'r1', lastContactAt: '2025-09-01T12:00:00Z', renewalDate: '2026-04-01' }),
    customer({ id: 'mild', name: 'Mild', domains: ['mild.com'], ownerRepId: 'r1', customerSince: '2024-06-01', lastContactAt: '2026-01-01T12:00:00Z' }),
    customer({ id: 'theirs', name: 'Other rep', domains: [], ownerRepId: 'r2', customerSince: '2025-12-01' }),
    customer({ id: 'gone', name: 'Gone', domains: [], ownerRepId: 'r1', deleted: true }),
  ];
  const lines = [
    line({ customerId: 'calm', date: '2024-09-01', product: 'Seats', amount: 1000 }), // history starts after customerSince
    line({ customerId: 'calm', date: '2025-06-01', product: 'Seats', amount: 7500 }),
    line({ customerId: 'calm', date: '2025-07-01', product: 'Support', amount: 1500 }),
    line({ customerId: 'hot', date: '2023-03-01', product: 'Seats', amount: 1000, currency: 'EUR' }), // no customerSince: from here
    line({ customerId: 'theirs', date: '2025-12-01', product: 'Seats', amount: 99999 }),
  ];

  it('keeps the rep’s live customers, riskiest first, each with mix, tenure and days', () => {
    const b = book({ customers, lines, repId: 'r1', problems: [problem({ customerId: 'hot', receivedAt: '2026-01-01T09:00:00Z' })] });
    expect(b.entries.map((e) => [e.customer.id, e.risk.level])).toEqual([
      ['hot', 'high'],
      ['mild', 'low'],
      ['calm', 'low'],
    ]);
    const hot = b.entries[0]!;
    expect(hot).toMatchObject({ since: '2023-03-01', tenure: { years: 3, months: 0 }, daysToRenewal: 17, daysSinceContact: 195 });
    expect(hot.mix.allTime).toMatchObject([{ currency: 'EUR', total: 1000, amounts: { new: 1000 } }]);
    const calm = b.entries[2]!;
    expect(calm.tenure).toEqual({ years: 11, months: 2 });
    expect(calm.mix.last12Months[0]!.amounts).toEqual({ existing: 7500, cross_sell: 1500, new: 0 });
  });

  it("sums the book's mix per currency only, excluding other reps' customers", () => {
    const b = book({ customers, lines, repId: 'r1' });
    expect(b.mix.allTime.map((s) => [s.currency, s.total])).toEqual([
      ['EUR', 1000],
      ['USD', 10000],
    ]);
    // calm's history starts years after its "customer since": its first line is a renewal, not new business.
    expect(b.mix.allTime[1]!.shares).toEqual({ existing: 0.85, cross_sell: 0.15, new: 0 });
  });

  it('counts the tenure distribution and customers without one', () => {
    const b = book({ customers: [...customers, customer({ id: 'blank', name: 'Blank', ownerRepId: 'r1' })], lines, repId: 'r1' });
    expect(b.tenure).toEqual([
      { bucket: 'lt1', count: 0 },
      { bucket: '1to2', count: 1 },
      { bucket: '2to5', count: 1 },
      { bucket: '5to10', count: 0 },
      { bucket: '10plus', count: 1 },
    ]);
    expect(b.unknownTenure).toBe(1);
  });

  it('makes the team book without a rep id', () => {
    const b = book({ customers, lines });
    expect(b.entries.map((e) => e.customer.id).sort()).toEqual(['calm', 'hot', 'mild', 'theirs']);
    expect(b.tenure.find((t) => t.bucket === 'lt1')!.count).toBe(1);
  });

  it('breaks ties by name then id, and finds coaches by the customer domain', () => {
    const twins = [customer({ id: 'b', name: 'Same', lastContactAt: RECENT }), customer({ id: 'a', name: 'Same', lastContactAt: RECENT }), customer({ id: 'z', name: 'Alpha', lastContactAt: RECENT })];
    expect(book({ customers: twins }).entries.map((e) => e.customer.id)).toEqual(['z', 'a', 'b']);
    const k = coach({ employers: [{ company: 'Hot Limited', domain: 'hot.com', to: '2026-02-01' }] });
    const hot = book({ customers, coaches: [k] }).entries.find((e) => e.customer.id === 'hot')!;
    expect(hot.risk.signals.map((s) => s.code)).toContain('coach_left');
    const calm = book({ customers, coaches: [k] }).entries.find((e) => e.customer.id === 'calm')!;
    expect(calm.risk.signals.map((s) => s.code)).not.toContain('coach_left');
  });

  it('buckets tenure at the year boundaries', () => {
    const at = (years: number, months = 0) => tenureBucket({ years, months });
    expect([at(0, 11), at(1), at(1, 11), at(2), at(4, 11), at(5), at(9, 11), at(10), at(30)]).toEqual([
      'lt1',
      '1to2',
      '1to2',
      '2to5',
      '2to5',
      '5to10',
      '5to10',
      '10plus',
      '10plus',
    ]);
  });
});
