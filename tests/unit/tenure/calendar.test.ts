import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayNumber, daysBetween, elapsedDays, fromDayNumber, monthsBetween, parseIsoDate } from '../../../lib/tenure/calendar';
import { customerSince, daysSinceContact, daysToRenewal, tenureBetween } from '../../../lib/tenure/duration';

describe('calendar', () => {
  it('counts days across leap years and month ends', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('1900-02-28', '1900-03-01')).toBe(1); // 1900 is not a leap year
    expect(daysBetween('2000-02-28', '2000-03-01')).toBe(2); // 2000 is
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2024-01-01')).toBe(-366);
    expect(dayNumber(parseIsoDate('1970-01-01'))).toBe(0);
  });

  it('round-trips day numbers over four centuries', () => {
    for (let n = -200_000; n < 200_000; n += 37) {
      const ymd = fromDayNumber(n);
      expect(dayNumber(ymd)).toBe(n);
    }
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('adds months clamping to the month end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-11-15', 2)).toBe('2025-01-15');
    expect(addMonths('2025-01-15', -13)).toBe('2023-12-15');
  });

  it('counts whole months consistently with addMonths', () => {
    expect(monthsBetween('2024-01-31', '2024-02-29')).toBe(1);
    expect(monthsBetween('2024-01-31', '2024-02-28')).toBe(0);
    expect(monthsBetween('2024-01-15', '2024-02-14')).toBe(0);
    expect(monthsBetween('2024-01-15', '2024-02-15')).toBe(1);
    expect(monthsBetween('2024-02-15', '2024-01-15')).toBe(-1);
    expect(monthsBetween('2024-01-15', '2024-01-14')).toBe(0);
    const dates = ['2023-01-31', '2024-02-29', '2024-03-30', '2022-12-01', '2025-06-30'];
    for (const from of dates) {
      for (let k = 0; k < 30; k++) {
        const to = addMonths(from, k);
        expect(monthsBetween(from, to)).toBe(k);
        if (k > 0) expect(monthsBetween(from, addDays(to, -1))).toBe(k - 1);
      }
    }
  });

  it('rejects dates that do not exist', () => {
    expect(() => parseIsoDate('2023-02-29')).toThrow(RangeError);
    expect(() => parseIsoDate('2024-13-01')).toThrow(RangeError);
    expect(() => parseIsoDate('24-01-01')).toThrow(RangeError);
  });

  it('counts elapsed days between instants with offsets', () => {
    expect(elapsedDays('2026-01-01T23:00:00-05:00', '2026-01-03T04:00:00Z')).toBe(1);
    expect(elapsedDays('2026-01-01T00:00:00Z', '2026-01-01T23:59:59Z')).toBe(0);
  });
});

describe('tenure', () => {
  it('gives years and months', () => {
    expect(tenureBetween('2020-11-28', '2026-03-01')).toEqual({ years: 5, months: 3 });
    expect(tenureBetween('2020-11-28', '2026-02-27')).toEqual({ years: 5, months: 2 });
    expect(tenureBetween('2026-03-01', '2026-03-01')).toEqual({ years: 0, months: 0 });
  });

  it('handles month ends and leap days', () => {
    // Customer since Feb 29: the anniversary in a common year is Feb 28.
    expect(tenureBetween('2020-02-29', '2021-02-28')).toEqual({ years: 1, months: 0 });
    expect(tenureBetween('2020-02-29', '2021-02-27')).toEqual({ years: 0, months: 11 });
    expect(tenureBetween('2020-02-29', '2024-02-29')).toEqual({ years: 4, months: 0 });
    expect(tenureBetween('2025-08-31', '2025-09-30')).toEqual({ years: 0, months: 1 });
    expect(tenureBetween('2025-08-31', '2025-09-29')).toEqual({ years: 0, months: 0 });
  });

  it('is zero, not negative, before the customer starts', () => {
    expect(tenureBetween('2027-01-01', '2026-03-01')).toEqual({ years: 0, months: 0 });
  });

  it('counts days to renewal, negative once past', () => {
    expect(daysToRenewal('2026-03-01', '2026-02-27')).toBe(2);
    expect(daysToRenewal('2024-03-01', '2024-02-27')).toBe(3); // leap year
    expect(daysToRenewal('2026-03-01', '2026-03-01')).toBe(0);
    expect(daysToRenewal('2026-02-20', '2026-03-01')).toBe(-9);
    expect(daysToRenewal(undefined, '2026-03-01')).toBeNull();
  });

  it('counts days since contact, clamping future stamps', () => {
    expect(daysSinceContact('2026-02-20T10:00:00Z', '2026-03-01T09:00:00Z')).toBe(8);
    expect(daysSinceContact('2026-03-02T10:00:00Z', '2026-03-01T09:00:00Z')).toBe(0);
    expect(daysSinceContact(undefined, '2026-03-01T09:00:00Z')).toBeNull();
  });

  it('falls back to the first purchase for customer since', () => {
    const lines = [
      { date: '2021-05-01', amount: 10, deleted: undefined },
      { date: '2020-01-01', amount: -10, deleted: undefined }, // a refund is not a start
      { date: '2019-01-01', amount: 10, deleted: true },
      { date: '2021-04-01', amount: 0, deleted: undefined },
    ];
    expect(customerSince({}, lines)).toBe('2021-04-01');
    expect(customerSince({ customerSince: '2018-01-01' }, lines)).toBe('2018-01-01');
    expect(customerSince({}, [])).toBeNull();
  });
});
