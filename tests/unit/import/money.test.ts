import { describe, expect, it } from 'vitest';
import { currencyExponent, formatMinor, normaliseCurrency, parseMoney } from '@/lib/import';

const minor = (text: string, currency?: string) => {
  const r = parseMoney(text, currency);
  return r.ok ? r.minor : r.code;
};

describe('money to minor units', () => {
  it('uses each currency’s ISO 4217 exponent', () => {
    expect([currencyExponent('JPY'), currencyExponent('USD'), currencyExponent('BHD'), currencyExponent('CLF')]).toEqual([0, 2, 3, 4]);
    expect(minor('1500000', 'JPY')).toBe(1_500_000);
    expect(minor('12.34', 'USD')).toBe(1234);
    expect(minor('1.234', 'BHD')).toBe(1234);
    expect(minor('0.29', 'EUR')).toBe(29); // not 28.999… as a float product would give
  });

  it('reads grouping and decimal marks of common locales', () => {
    expect(minor('1,234.56', 'USD')).toBe(123456);
    expect(minor('1.234,56', 'EUR')).toBe(123456);
    expect(minor('1 234,56', 'EUR')).toBe(123456);
    expect(minor("1'234.50", 'CHF')).toBe(123450);
    expect(minor('1,5', 'EUR')).toBe(150);
    expect(minor('1,234', 'USD')).toBe(123400);
    expect(minor('1.234', 'USD')).toBe(123400);
    expect(minor('1,500,000', 'JPY')).toBe(1_500_000);
    expect(minor('12,34,567.00', 'INR')).toBe(123456700);
    expect(minor('4500.5', 'USD')).toBe(450050);
  });

  it('negative amounts: minus, trailing minus, accounting parentheses', () => {
    expect(minor('-250.00', 'USD')).toBe(-25000);
    expect(minor('250.00-', 'USD')).toBe(-25000);
    expect(minor('(250.00)', 'USD')).toBe(-25000);
    expect(minor('-0', 'USD')).toBe(0);
  });

  it('symbols and written codes', () => {
    expect(minor('$1,200.00', 'USD')).toBe(120000);
    expect(minor('€ 99', 'EUR')).toBe(9900);
    expect(parseMoney('USD 1,200.00', undefined)).toEqual({ ok: true, minor: 120000, code: 'USD' });
    expect(parseMoney('1.200 JPY', undefined)).toEqual({ ok: true, minor: 1200, code: 'JPY' });
  });

  it('refuses what it cannot read rather than guessing', () => {
    expect(minor('twelve', 'USD')).toBe('bad_amount');
    expect(minor('', 'USD')).toBe('bad_amount');
    expect(minor('1,23,4', 'USD')).toBe('bad_amount');
    expect(minor('1.2.3,4,5', 'USD')).toBe('bad_amount');
    expect(minor('12.5', 'JPY')).toBe('too_many_decimals');
    expect(minor('12.3456', 'USD')).toBe('too_many_decimals'); // four decimals for a 2-digit currency…
    expect(minor('12.5000', 'USD')).toBe(1250); // …unless the extra ones are zeros
    expect(minor('12.345', 'EUR')).toBe(1234500); // exactly three after one mark: grouping (de-DE "12.345")
    expect(minor('99999999999999999999', 'USD')).toBe('bad_amount');
  });

  it('currency codes', () => {
    expect(normaliseCurrency(' usd ')).toBe('USD');
    expect(normaliseCurrency('$')).toBeUndefined();
    expect(normaliseCurrency('XYZ')).toBeUndefined();
  });

  it('formats minor units for the preview', () => {
    expect(formatMinor(123456, 'USD', 'en-US')).toBe('$1,234.56');
    expect(formatMinor(1500000, 'JPY', 'en-US')).toBe('¥1,500,000');
    expect(formatMinor(1234, 'BHD', 'en-US')).toContain('1.234');
  });
});
