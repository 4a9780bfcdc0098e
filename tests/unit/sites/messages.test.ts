// @vitest-environment happy-dom
/** The thread's messages (sender, when) read off the mail fixtures, and what degrades how. */
import { describe, expect, it } from 'vitest';
import { gmailAdapter } from '@/lib/sites/gmail';
import { outlookAdapter } from '@/lib/sites/outlook';
import { PageSubject } from '@/lib/model/page-subject';
import { parseHtml, readFixture } from './load-fixture';

const GMAIL = new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXKcoachMoveThread000000001');
const OUTLOOK = new URL('https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hYjI4LWM3MjctMDACLTAwCgAQAHs0B%2Fdk%2BNRHjZc2gE9Y1uE%3D');
const local = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).toISOString();

describe('mail messages', () => {
  it('Gmail: every message of the thread, oldest first, the rep’s own reply included', () => {
    const s = gmailAdapter.detect(GMAIL, parseHtml(readFixture('gmail-thread-coach-move-2026-11.html')))!;
    expect(PageSubject.safeParse(s).success).toBe(true);
    expect(s.messages?.map((m) => [m.from, m.at])).toEqual([
      ['wang.fang@globex.co.uk', local(2026, 9, 14, 10, 30)],
      ['jane@holdfast-demo.com', local(2026, 9, 14, 11, 2)],
      ['wang.fang@newco.com', local(2026, 11, 24, 16, 5)],
    ]);
  });

  it('Gmail: a message whose date is missing or unreadable keeps its sender, without `at`', () => {
    const doc = parseHtml(readFixture('gmail-thread-coach-move-2026-11.html'));
    const dates = doc.querySelectorAll('span.g3');
    dates[0]!.remove();
    // 24 Nov 2026 is a Tuesday: a date that contradicts its weekday is not read.
    dates[2]!.setAttribute('title', '2026年11月24日(星期一) 下午4:05');
    const s = gmailAdapter.detect(GMAIL, doc)!;
    expect(s.messages).toEqual([
      { from: 'wang.fang@globex.co.uk', fromName: 'Wang Fang' },
      { from: 'jane@holdfast-demo.com', fromName: 'Jane Rep', at: local(2026, 9, 14, 11, 2) },
      { from: 'wang.fang@newco.com', fromName: 'Wang Fang' },
    ]);
  });

  it('Gmail: without message containers (markup changed) there are no messages, and the rest still reads', () => {
    const doc = parseHtml(readFixture('gmail-thread-coach-move-2026-11.html'));
    for (const el of Array.from(doc.querySelectorAll('div.adn'))) el.classList.remove('adn');
    const s = gmailAdapter.detect(GMAIL, doc)!;
    expect(s.messages).toBeUndefined();
    expect(s.emails).toEqual(['wang.fang@globex.co.uk', 'wang.fang@newco.com']);
  });

  it('Outlook: each message of the conversation; US dates on an en-US page', () => {
    const s = outlookAdapter.detect(OUTLOOK, parseHtml(readFixture('outlook-message-coach-move-2026-11.html')))!;
    expect(s.messages).toEqual([
      { from: 'wang.fang@globex.co.uk', fromName: 'Wang Fang', at: local(2026, 9, 14, 10, 30) },
      { from: 'wang.fang@newco.com', fromName: 'Wang Fang', at: local(2026, 11, 24, 16, 5) },
    ]);
  });

  it('Outlook: an ambiguous numeric date on a page without a regional language is left out', () => {
    const doc = parseHtml(readFixture('outlook-message-2026-11.html'));
    doc.documentElement.lang = 'en';
    expect(outlookAdapter.detect(OUTLOOK, doc)!.messages).toEqual([{ from: 'maria.lopez@acme-corp.com', fromName: 'Maria Lopez' }]);
  });

  it('Outlook: a reading pane without message containers is read as one message', () => {
    const doc = parseHtml(readFixture('outlook-message-2026-11.html'));
    const box = doc.querySelector('div[aria-label="Email message"]')!;
    box.removeAttribute('aria-label');
    expect(outlookAdapter.detect(OUTLOOK, doc)!.messages).toEqual([{ from: 'maria.lopez@acme-corp.com', fromName: 'Maria Lopez', at: local(2026, 11, 3, 9, 12) }]);
  });
});
