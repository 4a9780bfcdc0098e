import { afterEach, describe, expect, it } from 'vitest';
import { setCatalogue, t } from '@/lib/i18n';
import { customerCount, formatTenure } from '@/components/tenure/format';
import { repName } from '@/components/ui/rep-name';
import en from '../../../public/_locales/en/messages.json';
import zh from '../../../public/_locales/zh_CN/messages.json';

afterEach(() => setCatalogue(null));

describe('tenure with the nouns agreeing', () => {
  it('says "1 year", "2 years", "1 month" in English, never "1 months"', () => {
    expect(formatTenure(1, 0)).toBe('1 year');
    expect(formatTenure(2, 0)).toBe('2 years');
    expect(formatTenure(0, 1)).toBe('1 month');
    expect(formatTenure(0, 5)).toBe('5 months');
    expect(formatTenure(6, 1)).toBe('6 years 1 month');
    expect(formatTenure(1, 1)).toBe('1 year 1 month');
    expect(formatTenure(1, 7)).toBe('1 year 7 months');
    expect(formatTenure(5, 3)).toBe('5 years 3 months');
    expect(formatTenure(0, 0)).toBe('less than a month');
  });

  it('writes Chinese without spaces or plurals: 6年1个月', () => {
    setCatalogue(zh);
    expect(formatTenure(6, 1)).toBe('6年1个月');
    expect(formatTenure(1, 1)).toBe('1年1个月');
    expect(formatTenure(1, 7)).toBe('1年7个月');
    expect(formatTenure(5, 3)).toBe('5年3个月');
    expect(formatTenure(2, 0)).toBe('2年');
    expect(formatTenure(0, 1)).toBe('1个月');
    expect(formatTenure(0, 0)).toBe('不到1个月');
  });

  it('counts customers: 1 customer, 8 customers; 8 家客户 in Chinese', () => {
    expect(customerCount(1)).toBe('1 customer');
    expect(customerCount(8)).toBe('8 customers');
    setCatalogue(zh);
    expect(customerCount(8)).toBe('8 家客户');
  });
});

describe('the default rep name', () => {
  it('is stored as Me and shown in the reader’s language; a real name stays as typed', () => {
    expect(repName('Me')).toBe('Me');
    setCatalogue(zh);
    expect(repName('Me')).toBe('我');
    expect(repName('Wang Fang')).toBe('Wang Fang');
    expect(t('ownerIs', repName('Me'))).toBe('负责人：我');
  });
});

describe('the catalogues as the browser loads them', () => {
  type Catalogue = Record<string, { message: string; placeholders?: Record<string, unknown> }>;
  const catalogues: { en: Catalogue; zh_CN: Catalogue } = { en, zh_CN: zh };

  it('name no placeholder they do not declare (Chrome refuses to load the extension: "$1$2" reads as one)', () => {
    for (const [lang, catalogue] of Object.entries(catalogues)) {
      for (const [key, entry] of Object.entries(catalogue)) {
        const declared = new Set(Object.keys(entry.placeholders ?? {}).map((p) => p.toLowerCase()));
        for (const [, name] of entry.message.replace(/\$\$/g, '').matchAll(/\$([A-Za-z0-9_@]+)\$/g)) {
          expect(declared.has(name!.toLowerCase()), `${lang} ${key}: $${name}$`).toBe(true);
        }
      }
    }
  });

  it('keep each English message’s $1…$9 in the Chinese one', () => {
    const subs = (m: string) => [...m.matchAll(/\$\d/g)].map((x) => x[0]).sort();
    for (const key of Object.keys(en)) expect(subs(catalogues.zh_CN[key]!.message), key).toEqual(subs(catalogues.en[key]!.message));
  });

  it('Chinese: 你 not 您, full-width punctuation, 家 for companies, no 老产品', () => {
    const cjk = /[\u3400-\u9fff]/;
    for (const [key, { message }] of Object.entries(catalogues.zh_CN)) {
      if (!cjk.test(message)) continue;
      expect(message, key).not.toMatch(/您|老产品|\d\s*[位个](潜在)?客户/);
      // Half-width , ; ( ) and : in Chinese text (not in 25.00, 1,000, https:// or 4:05).
      expect(message.replace(/https?:\/\/\S*/g, ''), key).not.toMatch(/(?<!\d),|,(?!\d)|;|\(|\)|(?<!\d):|:(?!\d)/);
    }
  });
});
