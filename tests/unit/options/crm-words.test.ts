// Connect CRM's words (issue 16) in both languages: every error code worded with the
// product's name and what to do (never the API's raw words), the progress line, the "last
// synced" line with its counts, and the address proposed from granted hosts.
import { afterEach, describe, expect, it } from 'vitest';
import zh from '../../../public/_locales/zh_CN/messages.json';
import en from '../../../public/_locales/en/messages.json';
import { setCatalogue } from '@/lib/i18n';
import { CRM_ERROR_CODES } from '@/lib/crm/errors';
import { CRM_PRODUCTS } from '@/lib/crm/types';
import { connectionText, countsText, errorText, progressLabel, progressText, progressValue, scopesFrom, statusText, whenText } from '@/components/options/crm/words';
import { proposedAddress } from '@/components/options/crm/products';

afterEach(() => setCatalogue(null));
const chinese = () => setCatalogue(zh);

describe('errors, per code, with the product’s name', () => {
  it('words the contract’s examples exactly', () => {
    expect(errorText('signed_out', 'salesforce')).toBe('Your Salesforce session has ended. Open Salesforce, sign in again, then press Sync now.');
    expect(errorText('rate_limited', 'salesforce')).toBe('Salesforce’s API limit was reached. Everything read so far is kept; the sync will continue later.');
    expect(errorText('bad_token', 'pipedrive')).toBe('Pipedrive did not accept the access token: it is wrong, revoked or expired. Disconnect, then connect again with a new one.');
    expect(errorText('no_api_access', 'dynamics')).toBe(errorText('no_api_access', 'dynamics', '', 'connect'));
  });

  it('while connecting, the advice names what the card then shows: Connect and the token field, not Sync now', () => {
    expect(errorText('bad_token', 'pipedrive', '', 'connect')).toBe('Pipedrive did not accept the access token: it is wrong, revoked or expired. Paste a new one and connect again.');
    expect(errorText('signed_out', 'salesforce', '', 'connect')).toBe('Your Salesforce session has ended. Open Salesforce, sign in again, then press Connect again.');
    for (const lang of [en, zh]) {
      setCatalogue(lang);
      for (const code of ['signed_out', 'offline', 'bad_response'] as const) {
        const sync = errorText(code, 'hubspot');
        const connect = errorText(code, 'hubspot', '', 'connect');
        expect(connect).not.toBe(sync);
        expect(connect).toContain('HubSpot');
        expect(connect).not.toMatch(/Sync now|立即同步|\$\d/);
      }
    }
    setCatalogue(null);
    expect(errorText('no_api_access', 'dynamics')).toBe('Your Dynamics 365 user has no API access, so Holdfast cannot read it. Ask your Dynamics 365 administrator to turn API access on for you.');
  });

  it('every code has its own words in both languages, naming the product, and no placeholder left over', () => {
    for (const lang of [en, zh]) {
      setCatalogue(lang);
      const seen = new Set<string>();
      for (const code of CRM_ERROR_CODES) {
        for (const product of CRM_PRODUCTS) {
          const text = errorText(code, product, 'INVALID_SESSION_ID');
          expect(text, `${code} ${product}`).toContain(product === 'dynamics' ? 'Dynamics 365' : product === 'hubspot' ? 'HubSpot' : product === 'pipedrive' ? 'Pipedrive' : 'Salesforce');
          expect(text).not.toMatch(/\$\d|crm_err_|INVALID_SESSION_ID/);
        }
        seen.add(errorText(code, 'salesforce'));
      }
      expect(seen.size).toBe(CRM_ERROR_CODES.length);
    }
  });

  it('reads natively in Chinese: 你, full-width punctuation', () => {
    chinese();
    expect(errorText('signed_out', 'salesforce')).toBe('你的 Salesforce 登录已失效。请打开 Salesforce 重新登录，然后点击“立即同步”。');
    expect(errorText('rate_limited', 'hubspot')).toBe('已用完 HubSpot 的 API 调用限额。已读取的数据都会保留，稍后会自动继续同步。');
    for (const code of CRM_ERROR_CODES) {
      const text = errorText(code, 'salesforce');
      expect(text).not.toMatch(/您|[,;:](?!\/)|\.(?![a-z])/);
      expect(text.endsWith('。')).toBe(true);
    }
  });

  it('missing_scope lists the scopes the API named, else all four it needs', () => {
    const detail = 'MISSING_SCOPES: One or more of the following scopes are required: crm.objects.line_items.read, crm.objects.owners.read. See https://developers.hubspot.com/scopes.';
    expect(scopesFrom(detail)).toEqual(['crm.objects.line_items.read', 'crm.objects.owners.read']);
    expect(errorText('missing_scope', 'hubspot', detail)).toBe(
      'The HubSpot token lacks scopes Holdfast needs: crm.objects.line_items.read, crm.objects.owners.read. Add them to the private app, then connect again.',
    );
    expect(scopesFrom('403')).toEqual(['crm.objects.companies.read', 'crm.objects.deals.read', 'crm.objects.line_items.read', 'crm.objects.owners.read']);
    chinese();
    expect(errorText('missing_scope', 'hubspot', detail)).toBe('这个 HubSpot 令牌缺少 Holdfast 需要的权限范围：crm.objects.line_items.read、crm.objects.owners.read。请在私有应用中添加后重新连接。');
  });
});

describe('progress', () => {
  const p = { phase: 'deals' as const, records: 1234, pages: 5, doneInPhase: 400, first: true };
  it('says the phase, the records and the page', () => {
    expect(progressText('salesforce', p, 0)).toBe('Reading deals · 1,234 records · page 5');
    expect(progressText('salesforce', { ...p, phase: 'accounts', records: 1, pages: 1 }, 0)).toBe('Reading accounts · 1 record · page 1');
    expect(progressLabel('dynamics')).toBe('Reading Dynamics 365');
    chinese();
    expect(progressText('salesforce', p, 0)).toBe('正在读取交易 · 1,234 条记录 · 第 5 页');
    expect(progressLabel('salesforce')).toBe('正在读取 Salesforce');
  });

  it('while a rate limit is waited out, says whose and how long, rounded up', () => {
    const now = 1_000_000;
    expect(progressText('salesforce', { ...p, waitingUntil: now + 11_200 }, now)).toBe('Waiting for Salesforce’s API limit (12 s)');
    // Past the wait: back to the reading line.
    expect(progressText('salesforce', { ...p, waitingUntil: now - 1 }, now)).toBe('Reading deals · 1,234 records · page 5');
    chinese();
    expect(progressText('hubspot', { ...p, waitingUntil: now + 3_000 }, now)).toBe('正在等待 HubSpot 的 API 调用限额恢复（3 秒）');
  });

  it('a bar with a value only when the API said how many the phase holds', () => {
    expect(progressValue(p)).toBeUndefined();
    expect(progressValue({ ...p, totalInPhase: 1000 })).toEqual({ value: 400, max: 1000 });
    expect(progressValue({ ...p, doneInPhase: 1200, totalInPhase: 1000 })).toEqual({ value: 1000, max: 1000 });
  });
});

describe('status', () => {
  const counts = { accounts: 3, deals: 5, lines: 9, removed: 0 };
  it('"Last synced 3 Dec, 23:10 · 3 customers · 5 deals · 9 product lines"', () => {
    expect(statusText({ lastSyncAt: '2026-12-03T23:10:00.000Z', lastCounts: counts }, 'UTC')).toBe('Last synced 3 Dec, 23:10 · 3 customers · 5 deals · 9 product lines');
    expect(countsText({ accounts: 1, deals: 1, lines: 1, removed: 0 })).toBe('1 customer · 1 deal · 1 product line');
    expect(countsText({ accounts: 12345, deals: 0, lines: 2, removed: 0 })).toBe('12,345 customers · 0 deals · 2 product lines');
    expect(statusText({})).toBe('Not synced yet');
    chinese();
    expect(statusText({ lastSyncAt: '2026-12-03T23:10:00.000Z', lastCounts: counts }, 'UTC')).toBe('上次同步：12月3日 23:10 · 3 家客户 · 5 笔交易 · 9 条产品明细');
    expect(whenText('2026-01-09T08:05:00.000Z', 'UTC')).toBe('1月9日 08:05');
  });
});

describe('connected as', () => {
  it('names the host, the user and who shares it; Chinese puts no space after 。', () => {
    const s = { apiHost: 'acme.my.salesforce.com', userName: 'Jane Morgan', share: 'me' as const };
    expect(connectionText(s)).toBe('Connected to acme.my.salesforce.com as Jane Morgan. Shared with: just you.');
    expect(connectionText({ apiHost: 'api.hubapi.com', share: 'team' })).toBe('Connected to api.hubapi.com. Shared with: every rep on your team, through team sync.');
    chinese();
    expect(connectionText(s)).toBe('已连接到 acme.my.salesforce.com，登录身份：Jane Morgan。共享范围：仅自己。');
  });
});

describe('the address proposed from granted hosts', () => {
  it('one instance granted: its address; a product-wide grant or several instances: none', () => {
    expect(proposedAddress('salesforce', ['https://acme.lightning.force.com/*', 'https://*.my.salesforce.com/*'])).toBe('https://acme.lightning.force.com');
    expect(proposedAddress('salesforce', ['https://acme.lightning.force.com/*', 'https://globex.lightning.force.com/*'])).toBeUndefined();
    expect(proposedAddress('pipedrive', ['https://acme.pipedrive.com/*'])).toBe('https://acme.pipedrive.com');
    expect(proposedAddress('dynamics', ['https://contoso.crm4.dynamics.com/*'])).toBe('https://contoso.crm4.dynamics.com');
    expect(proposedAddress('dynamics', ['https://*.dynamics.com/*'])).toBeUndefined();
    expect(proposedAddress('dynamics', ['https://contoso.crm4.dynamics.com/*', 'https://fabrikam.crm.dynamics.com/*'])).toBeUndefined();
    expect(proposedAddress('hubspot', ['https://app.hubspot.com/*'])).toBeUndefined();
  });
});
