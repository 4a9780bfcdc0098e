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
    for (const text of ['Yesterday', '9:12 AM', 'Tue, 3 Nov 2026', '2026年11月3日(星期一) 上午9:12', 'Di., 3. Nov. 2026, 09:12', 'Tue, 31 Nov 2026, 09:12', 'Tue, 3 Nov 2026, 25:12', 'Tue, 3 Novel 2026, 09:12', '', null, undefined]) {
      expect(parseMailDate(text), String(text)).toBeUndefined();
    }
  });
});

describe('Chinese mail dates (issue 17)', () => {
  // Thursday 3 December 2026, 15:00 local: "now" for the forms without a year or a day.
  const now = new Date(2026, 11, 3, 15, 0);
  const read = (text: string) => parseMailDate(text, undefined, now);

  it('reads the full forms Exmail, QQ Mail and NetEase show, 12-hour with 上午/下午 and 24-hour', () => {
    const dec3 = local(2026, 12, 3, 14, 5);
    expect(read('2026年12月3日(星期四) 下午2:05')).toBe(dec3); // Exmail / legacy QQ Mail header
    expect(read('2026年12月3日（星期四）下午2:05')).toBe(dec3); // full-width brackets
    expect(read('2026年12月3日 14:05')).toBe(dec3);
    expect(read('2026年12月3日 14:05 (星期四)')).toBe(dec3); // NetEase: weekday after the time
    expect(read('2026年12月3日 周四 14:05')).toBe(dec3);
    expect(read('2026-12-03 14:05')).toBe(dec3);
    expect(read('2026/12/3 14:05')).toBe(dec3);
    expect(read('2026年12月3日 下午2：05')).toBe(dec3); // full-width colon
    expect(read('2026年12月3日 上午9:30')).toBe(local(2026, 12, 3, 9, 30));
    expect(read('2026年12月3日 上午12:10')).toBe(local(2026, 12, 3, 0, 10));
    expect(read('2026年12月3日 下午12:10')).toBe(local(2026, 12, 3, 12, 10));
    expect(read('2026年12月3日 中午12:30')).toBe(local(2026, 12, 3, 12, 30));
    expect(read('2026年12月3日 中午1:15')).toBe(local(2026, 12, 3, 13, 15));
    expect(read('2026年12月3日 晚上9:40')).toBe(local(2026, 12, 3, 21, 40));
    expect(read('2026年12月3日 凌晨1:20')).toBe(local(2026, 12, 3, 1, 20));
    expect(read('2026年12月3日 14:05:09')).toBe(new Date(2026, 11, 3, 14, 5, 9).toISOString());
  });

  it('reads 今天, 昨天 and 前天 with a time, as calendar days before now', () => {
    expect(read('昨天 14:05')).toBe(local(2026, 12, 2, 14, 5));
    expect(read('今天 上午9:30')).toBe(local(2026, 12, 3, 9, 30));
    expect(read('前天 21:00')).toBe(local(2026, 12, 1, 21, 0));
    expect(parseMailDate('昨天 23:50', undefined, new Date(2027, 0, 1, 8, 0))).toBe(local(2026, 12, 31, 23, 50)); // across a year
  });

  it('gives a date shown without a year the year its weekday names, this year or last', () => {
    // 3 Dec is a Wednesday in 2025 and a Thursday in 2026.
    expect(read('12月3日 周三')).toBe(local(2025, 12, 3, 0, 0));
    expect(read('12月3日 周四')).toBe(local(2026, 12, 3, 0, 0));
    expect(read('12月3日(周四) 14:05')).toBe(local(2026, 12, 3, 14, 5));
    expect(read('12月2日 星期三 下午4:20')).toBe(local(2026, 12, 2, 16, 20));
    // Without a weekday: this year's, once that day has come (webmail shows the year for older mail).
    expect(read('12月1日 09:00')).toBe(local(2026, 12, 1, 9, 0));
    expect(read('11月30日')).toBe(local(2026, 11, 30, 0, 0));
  });

  it('leaves out what is ambiguous or contradicts itself', () => {
    for (const text of [
      '14:05', // a time alone: which day depends on the list it sits in
      '昨天', // a day word alone
      '12月25日', // later this year: last year's, or a wrong clock — not guessed
      '12月3日 周一', // neither this year's nor last year's 3 Dec is a Monday
      '2026年12月3日(星期一) 14:05', // the weekday contradicts the date
      '2026年2月30日 14:05', // no such day
      '2026年12月3日 下午14:05', // the half of the day given twice
      '2026年12月3日 25:05',
      '2026年13月3日 10:00',
      '星期四',
    ]) {
      expect(read(text), text).toBeUndefined();
    }
  });

  it('the page language does not change the Chinese reading', () => {
    expect(parseMailDate('2026年12月3日 下午2:05', true, now)).toBe(local(2026, 12, 3, 14, 5));
    expect(parseMailDate('2026年12月3日 下午2:05', false, now)).toBe(local(2026, 12, 3, 14, 5));
  });
});
