import { describe, expect, it } from 'vitest';
import { dayFirstFor, parseMailDate } from '@/lib/sites/mail-date';

const local = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).toISOString();

describe('mail dates as webmail shows them', () => {
  it('reads the common English forms of Gmail and Outlook', () => {
    const nov3 = local(2026, 11, 3, 9, 12);
    expect(parseMailDate('Tue, 3 Nov 2026, 09:12')).toBe(nov3); // Gmail en-GB
    expect(parseMailDate('Tue, Nov 3, 2026, 9:12 AM')).toBe(nov3); // Gmail en-US
    expect(parseMailDate('Tue, Nov 3, 2026, 9:12\u202fAM')).toBe(nov3); // as Chrome renders it
    expect(parseMailDate('Tue, Nov 3, 2026 at 9:12 AM')).toBe(nov3);
    expect(parseMailDate('3 November 2026 at 09:12')).toBe(nov3);
    expect(parseMailDate('November 3, 2026 9:12 am')).toBe(nov3);
    expect(parseMailDate('2026-11-03 09:12')).toBe(nov3);
    expect(parseMailDate('Tue 11/3/2026 9:12 AM')).toBe(nov3); // Outlook en-US
    expect(parseMailDate('Tue 03/11/2026 09:12', true)).toBe(nov3); // Outlook en-GB
    expect(parseMailDate('Tue 11/24/2026 4:05 PM')).toBe(local(2026, 11, 24, 16, 5));
    expect(parseMailDate('Tue, Nov 24, 2026, 12:05 AM')).toBe(local(2026, 11, 24, 0, 5));
    expect(parseMailDate('Tue, Nov 24, 2026, 12:05 PM')).toBe(local(2026, 11, 24, 12, 5));
  });

  it('settles a numeric day/month order by a part over 12, then by the page language, then by an AM/PM clock', () => {
    expect(parseMailDate('Mon 24/11/2026 16:05')).toBe(local(2026, 11, 24, 16, 5));
    expect(parseMailDate('Tue 03/11/2026 09:12', false)).toBe(local(2026, 3, 11, 9, 12));
    expect(parseMailDate('Tue 03/11/2026 09:12')).toBeUndefined(); // 3 Nov or 11 Mar: not guessed
    expect([dayFirstFor('en-GB'), dayFirstFor('en-US'), dayFirstFor('en'), dayFirstFor('zh-CN'), dayFirstFor('')]).toEqual([true, false, undefined, undefined, undefined]);
  });

  it('leaves out what it cannot read rather than guess', () => {
    for (const text of ['Yesterday', '9:12 AM', 'Tue, 3 Nov 2026', '2026年11月3日 上午9:12', 'Di., 3. Nov. 2026, 09:12', 'Tue, 31 Nov 2026, 09:12', 'Tue, 3 Nov 2026, 25:12', 'Tue, 3 Novel 2026, 09:12', '', null, undefined]) {
      expect(parseMailDate(text), String(text)).toBeUndefined();
    }
  });
});
