import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cellText, convertTable, decodeText, detectSource, normaliseCurrency, NumberText, parseCsv, parseDate, parseMoney, proposeMapping,
  proposedCurrency, rowAccount, tableFromSheet, tenantAddressFromGrants, type ImportSpec, type Table,
} from '@/lib/import';
import { readXlsx } from '@/lib/import/xlsx';
import { encodeGbk } from '../../fixtures/import/make-gbk';
import { proposedSpec } from './helpers';

const minor = (text: string, currency?: string) => {
  const r = parseMoney(text, currency);
  return r.ok ? [r.minor, r.code] : r.code;
};

async function xlsxFixture(name: string): Promise<Table> {
  const b = readFileSync(`tests/fixtures/import/${name}`);
  return readXlsx(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
}

function gbkFixture(): { table: Table; encoding: string } {
  const { text, encoding } = decodeText(new Uint8Array(readFileSync('tests/fixtures/import/xiaoshouyi-opportunities-2026-12.csv')));
  return { table: parseCsv(text), encoding };
}

describe('Chinese amounts', () => {
  it('reads yuan signs, 元, full-width digits and Chinese commas as CNY', () => {
    expect(minor('¥12,000.00')).toEqual([1_200_000, 'CNY']);
    expect(minor('￥１２，０００．５０')).toEqual([1_200_050, 'CNY']);
    expect(minor('8,000元')).toEqual([800_000, 'CNY']);
    expect(minor('人民币 3,000')).toEqual([300_000, 'CNY']);
    expect(minor('RMB 3,000')).toEqual([300_000, 'CNY']);
    expect(minor('CNY 3,000')).toEqual([300_000, 'CNY']);
  });

  it('scales 万 and 亿 by moving the decimal point, not through a float', () => {
    expect(minor('12万元')).toEqual([12_000_000, 'CNY']);
    expect(minor('5.8万元')).toEqual([5_800_000, 'CNY']);
    expect(minor('1.23456万元')).toEqual([1_234_560, 'CNY']);
    expect(minor('1.5万', 'CNY')).toEqual([1_500_000, undefined]);
    expect(minor('0.07亿元')).toEqual([700_000_000, 'CNY']);
    expect(minor('1.234567万元')).toEqual([1_234_567, 'CNY']); // 12,345.67
    expect(minor('1.2345678万元')).toBe('too_many_decimals'); // 12,345.678 yuan
  });

  it('keeps ¥ as yen where the row or the user says JPY, and refuses a contradiction', () => {
    expect(minor('¥1,500,000', 'JPY')).toEqual([1_500_000, undefined]);
    expect(minor('JPY 1,500', undefined)).toEqual([1500, 'JPY']);
    expect(minor('USD 12元')).toBe('bad_amount');
    expect(minor('待定', 'CNY')).toBe('bad_amount');
  });

  it('reads currency names in a currency column', () => {
    expect(normaliseCurrency('人民币')).toBe('CNY');
    expect(normaliseCurrency('RMB')).toBe('CNY');
    expect(normaliseCurrency('美元')).toBe('USD');
    expect(normaliseCurrency('港币')).toBe('HKD');
    expect(normaliseCurrency('人民币（CNY）')).toBe('CNY');
    expect(normaliseCurrency('USD 美元')).toBe('USD');
    expect(normaliseCurrency('人民币(USD)')).toBeUndefined();
  });
});

describe('Chinese dates', () => {
  it('reads the forms Chinese exports write, full-width digits too', () => {
    expect(parseDate('2026-12-03')).toBe('2026-12-03');
    expect(parseDate('2026/12/3')).toBe('2026-12-03');
    expect(parseDate('2026.12.03')).toBe('2026-12-03');
    expect(parseDate('2026年12月3日')).toBe('2026-12-03');
    expect(parseDate('2026 年 12 月 3 日 14:05')).toBe('2026-12-03');
    expect(parseDate('２０２６年１２月３日')).toBe('2026-12-03');
    expect(parseDate('2026-12-03 14:05:00')).toBe('2026-12-03');
    expect(parseDate('2026年2月30日')).toBeNull();
    expect(parseDate('2026年12月')).toBeNull();
  });
});

describe('encodings', () => {
  it('decodes UTF-8 (with or without BOM), GBK as GB18030, and UTF-16 with a BOM', () => {
    expect(decodeText(new TextEncoder().encode('客户名称,金额'))).toEqual({ text: '客户名称,金额', encoding: 'UTF-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a,b')]))).toEqual({ text: 'a,b', encoding: 'UTF-8' });
    expect(decodeText(new Uint8Array(encodeGbk('客户名称,成交金额\r\n艾克姆,￥１２万元')))).toEqual({ text: '客户名称,成交金额\r\n艾克姆,￥１２万元', encoding: 'GB18030' });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x61, 0, 0x2c, 0, 0x62, 0]))).toEqual({ text: 'a,b', encoding: 'UTF-16LE' });
  });

  it('reads the Xiaoshouyi GBK fixture, which is not valid UTF-8', () => {
    const { table, encoding } = gbkFixture();
    expect(encoding).toBe('GB18030');
    expect(table.headers).toEqual(['机会名称', '客户名称', '销售金额', '结单日期', '销售阶段', '机会类型', '所有人', '创建日期']);
    expect(table.rows).toHaveLength(7);
    expect(table.rows[0]![2]).toBe('￥120,000.00');
  });
});

describe('Chinese headers', () => {
  it('detects Fxiaoke and Xiaoshouyi exports and maps their columns', () => {
    const fx = detectSource(['商机名称', '客户名称', '商机金额', '结单日期', '商机阶段', '阶段状态', '销售类型', '产品名称', '负责人']);
    expect(fx).toMatchObject({ source: 'fxiaoke', kind: 'deals' });
    const m = proposeMapping(['商机名称', '客户名称', '商机金额', '结单日期', '商机阶段', '阶段状态', '销售类型', '产品名称'], 'fxiaoke', 'deals');
    expect(m).toEqual({ title: 0, accountName: 1, amount: 2, date: 3, stage: 5, dealType: 6, product: 7 });
    expect(detectSource(['客户名称', '客户编号', '成交状态', '负责人', '网址', '创建时间'])).toMatchObject({ source: 'fxiaoke', kind: 'accounts' });
    expect(detectSource(['机会名称', '客户名称', '销售金额', '结单日期', '销售阶段', '所有人'])).toMatchObject({ source: 'xiaoshouyi', kind: 'deals' });
  });

  it('maps a hand-kept Chinese sheet, ignoring a required-field star and a unit in brackets', () => {
    const headers = ['*客户名称', '合同金额（万元）', '签约日期', '产品名称'];
    expect(detectSource(headers)).toMatchObject({ source: 'generic', kind: 'deals' });
    const mapping = proposeMapping(headers, 'generic', 'deals');
    expect(mapping).toMatchObject({ accountName: 0, amount: 1, date: 2, product: 3 });
    expect(proposedCurrency(headers, 'generic', mapping)).toBe('CNY');
    expect(proposedCurrency(['Account', 'Amount', 'Close Date'], 'generic', { amount: 1 })).toBe('');
    // The header's unit applies to bare numbers: 12.5 under (万元) is 125,000 yuan.
    const table: Table = { headers, rows: [['艾克姆', '12.5', '2026年3月1日', '企业版']] };
    const out = convertTable(table, { kind: 'deals', source: 'generic', mapping, dateOrder: 'auto', defaultCurrency: '' });
    expect(out.drafts[0]).toMatchObject({ amount: 12_500_000, currency: 'CNY', date: '2026-03-01', account: { name: '艾克姆' } });
  });
});

describe('spreadsheets', () => {
  it('turns cells into text: dates as days, numbers as written (15 digits), booleans', () => {
    expect(cellText(new Date('2026-12-03T00:00:00Z'))).toBe('2026-12-03');
    expect(cellText(new Date('2026-12-03T14:05:00Z'))).toBe('2026-12-03 14:05');
    expect(cellText(new NumberText('12345.670000000001'))).toBe('12345.67');
    expect(cellText(new NumberText('1.2E+7'))).toBe('12000000');
    expect(cellText(new NumberText('120000'))).toBe('120000');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(null)).toBe('');
  });

  it('finds the header under a title row and drops empty rows', () => {
    const t = tableFromSheet([['商机列表'], [], ['商机名称', '客户名称', '金额'], ['a', 'b', '1'], [null, null, null], ['c', 'd', '2']]);
    expect(t).toEqual({ headers: ['商机名称', '客户名称', '金额'], rows: [['a', 'b', '1'], ['c', 'd', '2']], rowNumbers: [4, 6] });
    expect(tableFromSheet([['h1', 'h2'], ['a', 'b']])).toEqual({ headers: ['h1', 'h2'], rows: [['a', 'b']] });
  });

  it('reads the Fxiaoke opportunities workbook into CNY revenue lines', async () => {
    const table = await xlsxFixture('fxiaoke-opportunities-2026-12.xlsx');
    expect(table.headers[0]).toBe('商机名称');
    const spec = proposedSpec(table);
    expect(spec).toMatchObject({ source: 'fxiaoke', kind: 'deals' });
    const out = convertTable(table, { ...spec, defaultCurrency: proposedCurrency(table.headers, spec.source, spec.mapping) } as ImportSpec & { kind: 'deals' });
    expect(out.drafts.map((d) => [d.account.name, d.date, d.amount, d.currency])).toEqual([
      ['艾克姆（中国）有限公司', '2023-09-28', 12_000_000, 'CNY'],
      ['艾克姆（中国）有限公司', '2024-09-27', 12_000_000, 'CNY'],
      ['艾克姆（中国）有限公司', '2025-09-30', 12_000_000, 'CNY'],
      ['艾克姆（中国）有限公司', '2026-03-18', 3_600_000, 'CNY'],
      ['艾克姆（中国）有限公司', '2026-09-30', 12_000_000, 'CNY'],
      ['杭州云栖科技有限公司', '2020-06-30', 5_800_000, 'CNY'],
      ['杭州云栖科技有限公司', '2025-11-18', 5_800_000, 'CNY'],
      ['深圳前海数联有限公司', '2021-03-02', 4_500_000, 'CNY'],
      ['深圳前海数联有限公司', '2026-06-15', 4_500_000, 'CNY'],
      ['成都蜀锦家居有限公司', '2024-12-20', 6_600_000, 'CNY'],
    ]);
    expect(out.drafts[0]!.dealType).toBe('existing_business');
    expect(out.drafts[5]!.dealType).toBe('new_business');
    // 进行中 and 输单 are not revenue; 待定 is not an amount, and the report names its account.
    // Row numbers are the sheet's: the title is row 1, the header row 2.
    expect(out.skipped.map((s) => [s.row, s.code])).toEqual([[8, 'not_won'], [13, 'not_won']]);
    expect(out.rejected.map((s) => [s.row, s.code])).toEqual([[15, 'bad_amount']]);
    expect(rowAccount(table, spec, 15)).toBe('上海浦江医疗器械有限公司');
  });

  it('reads the Fxiaoke accounts workbook: prospects from 成交状态, dates from date cells and text', async () => {
    const table = await xlsxFixture('fxiaoke-accounts-2026-12.xlsx');
    const spec = proposedSpec(table, { sinceFromCreated: true });
    expect(spec).toMatchObject({ source: 'fxiaoke', kind: 'accounts' });
    const out = convertTable(table, spec as ImportSpec & { kind: 'accounts' });
    expect(out.drafts.map((d) => [d.name, d.recordId, d.domains[0], d.customerSince, d.prospect])).toEqual([
      ['艾克姆（中国）有限公司', 'KH20190314001', 'acme-corp.com', '2019-03-14', false],
      ['杭州云栖科技有限公司', 'KH20200521002', 'yunqi-tech.cn', '2020-05-21', false],
      ['深圳前海数联有限公司', 'KH20210108003', 'qhshulian.com', '2021-01-08', false],
      ['北京星河物流有限公司', 'KH20230302004', 'xinghe-wl.com', '2023-03-02', true],
      ['成都蜀锦家居有限公司', 'KH20220915006', 'shujin-home.com', '2022-09-15', false],
      ['上海浦江医疗器械有限公司', 'KH20240118007', 'pujiang-med.com', '2024-01-18', true],
    ]);
    expect(out.rejected).toEqual([{ row: 6, column: '客户名称', code: 'missing_value', params: [] }]);
    // No name: the row is named by its record number instead.
    expect(rowAccount(table, spec, 6)).toBe('KH20240611005');
  });

  it('reads the Xiaoshouyi GBK export into CNY lines, with 万元, ￥ and Chinese dates', () => {
    const { table } = gbkFixture();
    const spec = proposedSpec(table);
    expect(spec).toMatchObject({ source: 'xiaoshouyi', kind: 'deals' });
    const out = convertTable(table, { ...spec, defaultCurrency: 'CNY' } as ImportSpec & { kind: 'deals' });
    expect(out.drafts.map((d) => [d.account.name, d.date, d.amount, d.currency, d.dealType])).toEqual([
      ['苏州鼎新精密制造有限公司', '2024-03-15', 12_000_000, 'CNY', 'new_business'],
      ['苏州鼎新精密制造有限公司', '2025-03-20', 12_000_000, 'CNY', 'existing_business'],
      ['苏州鼎新精密制造有限公司', '2025-12-03', 800_000, 'CNY', 'existing_business'],
      ['宁波港通物流有限公司', '2026-02-14', 6_800_000, 'CNY', 'new_business'],
    ]);
    expect(out.skipped.map((s) => s.row)).toEqual([5, 6]);
    expect(out.rejected).toEqual([{ row: 8, column: '结单日期', code: 'bad_date', params: ['2026年2月30日'] }]);
    expect(rowAccount(table, spec, 8)).toBe('宁波港通物流有限公司');
  });
});

describe('CRM address from granted hosts', () => {
  it('proposes the one instance granted for the product, never a wildcard or a guess among several', () => {
    expect(tenantAddressFromGrants('salesforce', ['https://acme.lightning.force.com/*', 'https://mail.google.com/*'])).toBe('https://acme.lightning.force.com');
    expect(tenantAddressFromGrants('salesforce', ['https://*.lightning.force.com/*'])).toBeUndefined();
    expect(tenantAddressFromGrants('salesforce', ['https://a.lightning.force.com/*', 'https://b.my.salesforce.com/*'])).toBeUndefined();
    expect(tenantAddressFromGrants('pipedrive', ['https://acme.pipedrive.com/*'])).toBe('https://acme.pipedrive.com');
    expect(tenantAddressFromGrants('hubspot', ['https://app.hubspot.com/*'])).toBeUndefined();
  });
});
