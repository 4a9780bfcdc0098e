// @vitest-environment happy-dom
/** Fxiaoke and Xiaoshouyi beyond the fixtures: what each reads when less of the page is there. */
import { describe, expect, it } from 'vitest';
import { fxiaokeAdapter } from '../../../lib/sites/fxiaoke';
import { xiaoshouyiAdapter } from '../../../lib/sites/xiaoshouyi';
import { parseHtml, readFixture } from './load-fixture';

const FX_LIST = new URL('https://www.fxiaoke.com/XV/UI/Home#crm/list/=/AccountObj');
const XSY = new URL('https://crm.xiaoshouyi.com/final/account.action?id=1234567');

describe('fxiaoke', () => {
  it('a contact opened over the contact list: its name and addresses, no customer fields', () => {
    const doc = parseHtml(readFixture('fxiaoke-account-detail-2026-12.html'));
    const s = fxiaokeAdapter.detect(new URL('https://www.fxiaoke.com/XV/UI/Home#paasapp/list/=/appId_CRM/ContactObj'), doc);
    expect(s).toMatchObject({ objectType: 'ContactObj', name: '艾克米科技有限公司', domains: ['acme-corp.cn'] });
    expect(s?.fields).toBeUndefined();
  });

  it('a panel without its name field keeps the object and the addresses, and names nobody', () => {
    const doc = parseHtml(readFixture('fxiaoke-account-detail-2026-12.html'));
    doc.querySelector('[data-apiname="name"]')!.remove();
    const s = fxiaokeAdapter.detect(FX_LIST, doc);
    expect(s?.name).toBeUndefined();
    expect(s).toMatchObject({ objectType: 'AccountObj', emails: ['info@acme-corp.cn', 'wang.fang@acme-corp.cn'] });
  });

  it('leaves the rep’s own address in the page header out of the customer’s', () => {
    const s = fxiaokeAdapter.detect(FX_LIST, parseHtml(readFixture('fxiaoke-account-detail-2026-12.html')));
    expect(s?.emails).not.toContain('zhang.wei@holdfast-demo.com');
  });

  it('reads fields by their labels when the blocks carry other API names (a custom layout)', () => {
    const doc = parseHtml(readFixture('fxiaoke-account-detail-2026-12.html'));
    for (const b of Array.from(doc.querySelectorAll('[data-apiname="owner"], [data-apiname="create_time"]'))) b.setAttribute('data-apiname', 'field_x__c');
    expect(fxiaokeAdapter.detect(FX_LIST, doc)?.fields).toEqual({ customerSince: '2019-03-14', website: 'acme-corp.cn', ownerName: '张伟' });
  });
});

describe('xiaoshouyi', () => {
  it('without the 客户名称 label: the page heading', () => {
    const doc = parseHtml(readFixture('xiaoshouyi-account-record-2026-12.html'));
    doc.querySelector('.field')!.remove();
    expect(xiaoshouyiAdapter.detect(XSY, doc)?.name).toBe('艾克米科技有限公司');
  });

  it('without label or heading: the title, never the product’s own name', () => {
    const named = parseHtml('<title>艾克米科技有限公司 - 销售易</title><main><p>…</p></main>');
    expect(xiaoshouyiAdapter.detect(XSY, named)?.name).toBe('艾克米科技有限公司');
    const bare = parseHtml('<title>销售易</title><main><p>…</p></main>');
    expect(xiaoshouyiAdapter.detect(XSY, bare)).toEqual({ site: 'xiaoshouyi', objectType: 'account', recordId: '1234567', emails: [], domains: [] });
  });

  it('reads a custom object’s record without customer fields', () => {
    const doc = parseHtml(readFixture('xiaoshouyi-account-record-2026-12.html'));
    const s = xiaoshouyiAdapter.detect(new URL('https://crm.xiaoshouyi.com/final/customize.action?id=556677&belongId=100018388'), doc);
    expect(s).toMatchObject({ objectType: 'customize/100018388', recordId: '556677', name: '艾克米科技有限公司' });
    expect(s?.fields).toBeUndefined();
  });
});
