/**
 * Tencent Exmail 腾讯企业邮 (exmail.qq.com, and en.exmail.qq.com for the English interface):
 * the company mailbox most Chinese B2B teams use. Its web client is the legacy Tencent
 * frameset shared with QQ Mail — the opened mail lives in the same-origin frame `#mainFrame`;
 * the reading is in lib/sites/qq-frameset.ts, where its sources are noted.
 *
 * URL facts (the client's own addresses, dated 2026-12):
 *   https://exmail.qq.com/cgi-bin/frame_html?sid=…&r=…          the top page (frameset)
 *   https://exmail.qq.com/cgi-bin/readmail?folderid=1&mailid=…&sid=…  an opened mail (the frame)
 *   https://exmail.qq.com/cgi-bin/mail_list?sid=…&folderid=1&page=0   a folder (the frame)
 *   https://exmail.qq.com/login, /cgi-bin/loginpage                    sign-in: no subject
 */
import type { SiteAdapter } from './types';
import type { TestUrl } from './dom';
import { legacyDetect, MAIN_FRAME } from './qq-frameset';

const SITE = 'exmail';
const HOSTS = new Set(['exmail.qq.com', 'en.exmail.qq.com']);

export const exmailAdapter: SiteAdapter = {
  id: SITE,
  matches: (url) => HOSTS.has(url.hostname),
  detect: (url, doc) => (HOSTS.has(url.hostname) ? legacyDetect(SITE, url, doc) : null),
  watch: { frames: MAIN_FRAME },
};

export const testUrls: TestUrl[] = [
  { url: 'https://exmail.qq.com/cgi-bin/readmail?folderid=1&folderkey=1&t=readmail&mailid=ZL0303-Ab1cD2eF3gH4iJ5kL6mN7o&mode=pre&sid=Xk3-abc_DEF', expect: { objectType: 'message', recordId: 'ZL0303-Ab1cD2eF3gH4iJ5kL6mN7o' } },
  { url: 'https://en.exmail.qq.com/cgi-bin/readmail?mailid=ZC1203-q9W8e7R6t5Y4u3I2o1P0&sid=abc', expect: { objectType: 'message', recordId: 'ZC1203-q9W8e7R6t5Y4u3I2o1P0' } },
  { url: 'https://exmail.qq.com/cgi-bin/mail_list?sid=Xk3-abc_DEF&folderid=1&page=0&s=inbox', expect: { objectType: 'list' } },
  // The top page alone names nothing: its frame does (read through the frame, see fixtures).
  { url: 'https://exmail.qq.com/cgi-bin/frame_html?sid=Xk3-abc_DEF&r=5a1b2c', expect: {} },
  { url: 'https://exmail.qq.com/cgi-bin/readmail?folderid=1&sid=abc', expect: {} },
  { url: 'https://exmail.qq.com/login', expect: {} },
  // not Exmail
  { url: 'https://exmail.qq.com.evil.example/cgi-bin/frame_html', expect: null },
  { url: 'https://work.weixin.qq.com/wework_admin/frame', expect: null },
];
