import { describe, expect, it } from 'vitest';
import { decideDateOrder, parseDate } from '@/lib/import';

describe('dates', () => {
  it('reads the common export formats', () => {
    expect(parseDate('2021-03-04')).toBe('2021-03-04');
    expect(parseDate('2021-03-04T23:15:00Z')).toBe('2021-03-04');
    expect(parseDate('2024-03-14 10:00')).toBe('2024-03-14');
    expect(parseDate('2021/3/4')).toBe('2021-03-04');
    expect(parseDate('4.3.2021')).toBe('2021-03-04'); // dotted: always day first
    expect(parseDate('14.02.2021')).toBe('2021-02-14');
    expect(parseDate('3/4/2021', 'mdy')).toBe('2021-03-04');
    expect(parseDate('3/4/2021', 'dmy')).toBe('2021-04-03');
    expect(parseDate('3/14/2024, 10:15 AM')).toBe('2024-03-14');
    expect(parseDate('03-04-2021', 'dmy')).toBe('2021-04-03');
    expect(parseDate('4 Mar 2021')).toBe('2021-03-04');
    expect(parseDate('04-Mar-2021')).toBe('2021-03-04');
    expect(parseDate('March 4, 2021')).toBe('2021-03-04');
    expect(parseDate('Sept 4, 2021')).toBe('2021-09-04');
    expect(parseDate('3/4/21')).toBe('2021-03-04');
    expect(parseDate('3/4/85')).toBe('1985-03-04');
  });

  it('refuses days that do not exist and words', () => {
    expect(parseDate('2/30/2021')).toBeNull();
    expect(parseDate('2021-02-29')).toBeNull();
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('13/13/2021')).toBeNull();
    expect(parseDate('sometime')).toBeNull();
    expect(parseDate('')).toBeNull();
  });

  it('decides a column’s order from the values that prove it', () => {
    expect(decideDateOrder(['3/4/2021', '25/12/2021'])).toMatchObject({ order: 'dmy', ambiguous: false });
    expect(decideDateOrder(['3/4/2021', '12/25/2021'])).toMatchObject({ order: 'mdy', ambiguous: false });
    expect(decideDateOrder(['2021-01-01', '4.3.2021'])).toMatchObject({ ambiguous: false, conflicting: false });
  });

  it('reports ambiguity and conflict instead of hiding them', () => {
    expect(decideDateOrder(['3/4/2021', '5/5/2021'])).toEqual({ order: 'mdy', ambiguous: true, conflicting: false, example: '3/4/2021' });
    expect(decideDateOrder(['25/12/2021', '12/25/2021'])).toMatchObject({ conflicting: true });
  });
});
