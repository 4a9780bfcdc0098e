// @vitest-environment happy-dom
/**
 * Chinese webmail (issue 17): what the fixture table cannot show — reading through a
 * same-origin frame from the top page, declining a frame it cannot read, the body in a shadow
 * root or in a child frame when the header is gone, hidden tabs, and the conversation segment.
 */
import { describe, expect, it } from 'vitest';
import { PageSubject } from '../../../lib/model/page-subject';
import { isCrmRecord } from '../../../lib/model/subject-kind';
import { alimailAdapter, conversationId } from '../../../lib/sites/alimail';
import { exmailAdapter } from '../../../lib/sites/exmail';
import { neteaseAdapter } from '../../../lib/sites/netease';
import { qqmailAdapter } from '../../../lib/sites/qqmail';
import { CN_MAIL_CASES } from '../../fixtures/sites/cases';
import { parseHtml, readFixture } from './load-fixture';

const caseOf = (file: string) => CN_MAIL_CASES.find((c) => c.file === file)!;
const local = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).toISOString();

/** Give `frame` a loaded same-origin document at `href`, as the browser does after the frame loads. */
function load(frame: Element, html: string, href: string): Document {
  const doc = parseHtml(html);
  Object.defineProperty(doc, 'location', { value: { href } });
  Object.defineProperty(frame, 'contentDocument', { value: doc, configurable: true });
  return doc;
}

describe('Exmail and legacy QQ Mail: the mail in the #mainFrame frame, read from the top page', () => {
  const top = caseOf('exmail-frame-2026-12.html');
  const read = caseOf('exmail-readmail-2026-12.html');

  it('names the frame’s mail, and the top page’s account is left out', () => {
    const doc = parseHtml(readFixture(top.file));
    load(doc.querySelector('#mainFrame')!, readFixture(read.file), read.url);
    const s = exmailAdapter.detect(new URL(top.url), doc)!;
    expect(PageSubject.safeParse(s).success).toBe(true);
    expect(s).toEqual({
      site: 'exmail', objectType: 'message', recordId: 'ZL0303-Ab1cD2eF3gH4iJ5kL6mN7o', name: '李伟',
      emails: ['li.wei@huaxin-tech.com', 'zhao.min@huaxin-tech.com', 'chen.jie@qq.com'],
      domains: ['huaxin-tech.com'],
      messages: [{ from: 'li.wei@huaxin-tech.com', fromName: '李伟', at: local(2026, 12, 3, 14, 5) }],
    });
  });

  it('follows the frame to where it is now, not where its src attribute says it started', () => {
    const doc = parseHtml(readFixture(top.file));
    load(doc.querySelector('#mainFrame')!, readFixture('exmail-maillist-2026-12.html'), 'https://exmail.qq.com/cgi-bin/mail_list?sid=x&folderid=1&page=0');
    const s = exmailAdapter.detect(new URL(top.url), doc)!;
    expect(s.objectType).toBe('list');
    expect(s.name).toBeUndefined();
    expect(s.domains).toEqual(['huaxin-tech.com', 'globex.example.com']); // the rep's colleague's company is the rep's own
  });

  it('a frame it may not read (another origin, or not loaded) names nothing, and never throws', () => {
    const doc = parseHtml(readFixture(top.file));
    const frame = doc.querySelector('#mainFrame')!;
    Object.defineProperty(frame, 'contentDocument', { get: () => { throw new DOMException('Blocked a frame', 'SecurityError'); } });
    expect(exmailAdapter.detect(new URL(top.url), doc)).toEqual({ site: 'exmail', emails: [], domains: [] });
    const other = parseHtml(readFixture(top.file));
    load(other.querySelector('#mainFrame')!, readFixture(read.file), 'https://evil.example/cgi-bin/readmail?mailid=ZL0303-Ab1cD2eF3gH4iJ5kL6mN7o');
    expect(exmailAdapter.detect(new URL(top.url), other)).toEqual({ site: 'exmail', emails: [], domains: [] });
  });

  it('legacy QQ Mail reads the same frameset under its own product', () => {
    const doc = parseHtml(readFixture(top.file));
    load(doc.querySelector('#mainFrame')!, readFixture(read.file), read.url.replace('exmail.qq.com', 'mail.qq.com'));
    const s = qqmailAdapter.detect(new URL('https://mail.qq.com/cgi-bin/frame_html?sid=x'), doc)!;
    expect([s.site, s.objectType, s.recordId, s.name]).toEqual(['qqmail', 'message', 'ZL0303-Ab1cD2eF3gH4iJ5kL6mN7o', '李伟']);
  });

  it('without span[e] people (markup changed) the mail’s mailto: links still name someone', () => {
    const doc = parseHtml(readFixture(read.file));
    for (const el of Array.from(doc.querySelectorAll('span[e]'))) el.removeAttribute('e');
    const s = exmailAdapter.detect(new URL(read.url), doc)!;
    expect(s.emails).toEqual(['finance@huaxin-partner.com']);
    expect(s.recordId).toBe('ZL0303-Ab1cD2eF3gH4iJ5kL6mN7o');
    expect(s.messages).toBeUndefined(); // a linked address is not known to be the sender
  });
});

describe('new QQ Mail: the open mail is the selected row’s', () => {
  const c = caseOf('qqmail-wx-reading-2026-12.html');

  it('without the header’s addresses, reads the body inside its shadow root', () => {
    const doc = parseHtml(readFixture(c.file));
    doc.querySelector('.mail-detail-basic-info')!.remove();
    expect(doc.querySelector('.mail-detail-content')!.shadowRoot).not.toBeNull();
    const s = qqmailAdapter.detect(new URL(c.url), doc)!;
    expect([s.objectType, s.recordId, s.emails, s.domains]).toEqual(['message', 'ZC1203-Hx7Yk2Lm9Qa1Wb3Ec5Rd', ['zhou.ting@bohai-logistics.com'], ['bohai-logistics.com']]);
  });

  it('another selected row is another mail; no selected row is the list', () => {
    const doc = parseHtml(readFixture(c.file));
    const [a, b] = Array.from(doc.querySelectorAll('.mail-list-page-item'));
    a!.classList.remove('selected');
    a!.setAttribute('aria-selected', 'false');
    b!.setAttribute('aria-selected', 'true');
    expect(qqmailAdapter.detect(new URL(c.url), doc)?.recordId).toBe('ZC1202-Pq8Rs7Tu6Vw5Xy4Za3Bc');
    b!.setAttribute('aria-selected', 'false');
    const s = qqmailAdapter.detect(new URL(c.url), doc)!;
    expect([s.objectType, s.recordId, s.name]).toEqual(['list', undefined, undefined]);
  });
});

describe('NetEase mail', () => {
  const c = caseOf('netease-read-2026-12.html');

  it('reads the read tab the user sees, not a hidden one', () => {
    const doc = parseHtml(readFixture(c.file));
    const shown = doc.querySelector('[id^="_dvModuleContainer_read.ReadModule"]')!;
    const hidden = shown.cloneNode(true) as Element;
    hidden.id = '_dvModuleContainer_read.ReadModule_2';
    hidden.setAttribute('style', 'display:none');
    for (const el of Array.from(hidden.querySelectorAll('.nui-addr'))) el.setAttribute('title', 'someone@else.example');
    shown.after(hidden);
    expect(neteaseAdapter.detect(new URL(c.url), doc)?.name).toBe('孙浩');
    expect(neteaseAdapter.detect(new URL(c.url), doc)?.domains).toEqual(['jinlong-motor.com']);
  });

  it('without the header chips, reads the body in the module’s child frame (about:srcdoc)', () => {
    const doc = parseHtml(readFixture(c.file));
    for (const el of Array.from(doc.querySelectorAll('.nui-addr'))) el.remove();
    const frame = doc.querySelector('[id^="_dvModuleContainer_read.ReadModule"] iframe')!;
    load(frame, frame.getAttribute('srcdoc')!, 'about:srcdoc');
    const s = neteaseAdapter.detect(new URL(c.url), doc)!;
    expect([s.recordId, s.emails, s.domains, s.messages]).toEqual(['136:1tbiDRxHnmV7Zq9AbAAAsB', ['sun.hao@jinlong-motor.com'], ['jinlong-motor.com'], undefined]);
  });

  it('the labelled date first; without the label a short dated header text; else no date, sender kept', () => {
    const doc = parseHtml(readFixture(c.file));
    const label = Array.from(doc.querySelectorAll('.fT')).find((el) => el.textContent?.startsWith('时'))!;
    label.before(Object.assign(doc.createElement('div'), { textContent: '已读回执 2026年11月30日 09:00' }));
    expect(neteaseAdapter.detect(new URL(c.url), doc)?.messages?.[0]?.at).toBe(local(2026, 12, 2, 10, 30));
    label.textContent = '';
    expect(neteaseAdapter.detect(new URL(c.url), doc)?.messages?.[0]?.at).toBe(local(2026, 11, 30, 9, 0));
    for (const el of Array.from(doc.querySelectorAll('.fU, div'))) if (/\d:\d\d/.test(el.textContent ?? '') && el.childElementCount === 0) el.textContent = '';
    expect(neteaseAdapter.detect(new URL(c.url), doc)?.messages).toEqual([{ from: 'sun.hao@jinlong-motor.com', fromName: '孙浩' }]);
  });
});

describe('Alibaba Mail conversation segments', () => {
  it('reads standard, URL-safe and percent-encoded base64 JSON; anything else is no conversation', () => {
    const json = JSON.stringify({ id: 'Dzz+/9', folderId: '2' });
    const b64 = btoa(json);
    expect(conversationId(b64)).toBe('Dzz+/9');
    expect(conversationId(encodeURIComponent(b64))).toBe('Dzz+/9');
    expect(conversationId(b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''))).toBe('Dzz+/9');
    expect(conversationId(btoa(JSON.stringify({ mailId: 42 })))).toBe('42');
    const noId = btoa(JSON.stringify({ folder: 'inbox' }));
    expect(conversationId(noId)).toBe(noId);
    for (const bad of ['inbox', btoa('not json'), btoa('[1,2]'), btoa('"text"'), '%E0%A4%A', 'a'.repeat(2000)]) expect(conversationId(bad), bad).toBeUndefined();
  });

  it('a page without a recognisable reading pane keeps the URL identity', () => {
    const c = caseOf('alimail-conversation-2026-12.html');
    const s = alimailAdapter.detect(new URL(c.url), parseHtml('<!doctype html><title>阿里邮箱</title><div class="x" title="a@b.example">A</div>'))!;
    expect(s).toEqual({ site: 'alimail', objectType: 'conversation', recordId: 'DzzzzzzNpQ1$---.AbCdEf1', emails: [], domains: [] });
  });
});

describe('mail ids are not CRM records', () => {
  it('a message or conversation id never becomes a CRM reference of the customer', () => {
    const mails = CN_MAIL_CASES.filter((c) => c.want.recordId);
    expect(mails.map((c) => c.want.site).sort()).toEqual(['alimail', 'exmail', 'netease', 'qqmail']);
    for (const c of mails) expect(isCrmRecord(c.want as PageSubject), c.file).toBe(false);
  });
});
