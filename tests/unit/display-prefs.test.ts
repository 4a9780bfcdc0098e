import { afterEach, describe, expect, it } from 'vitest';
import { t, setCatalogue } from '@/lib/i18n';
import { htmlLangOf, languageFrom, placementFor, placementKey } from '@/lib/prefs/display';
import zh from '../../public/_locales/zh_CN/messages.json';

afterEach(() => setCatalogue(null));

describe('a language chosen in Options', () => {
  it('replaces the browser’s catalogue, with $1 substitutions as the browser does them', () => {
    expect(t('tenureYm', 5, 3)).toBe('5 years 3 months');
    setCatalogue(zh);
    expect(t('tenureYm', 5, 3)).toBe(zh.tenureYm.message.replace('$1', '5').replace('$2', '3'));
    expect(t('htmlLang')).toBe('zh-CN');
  });

  it('fills named placeholders and keeps $$ as a dollar sign', () => {
    setCatalogue({
      price: { message: 'Costs $$$AMOUNT$ for $who$', placeholders: { amount: { content: '$1' }, who: { content: '$2' } } },
    });
    expect(t('price' as never, 12, 'Acme')).toBe('Costs $12 for Acme');
  });

  it('falls back to the browser’s catalogue for a key the chosen one lacks, and back entirely when cleared', () => {
    setCatalogue({});
    expect(t('tenureYm', 1, 2)).toBe('1 years 2 months');
    setCatalogue(zh);
    setCatalogue(null);
    expect(t('htmlLang')).toBe('en');
  });

  it('accepts only the languages Holdfast ships', () => {
    expect(languageFrom('zh_CN')).toBe('zh_CN');
    expect(languageFrom('fr')).toBeUndefined();
    expect(languageFrom({ evil: true })).toBeUndefined();
    expect(htmlLangOf('zh_CN')).toBe('zh-CN');
  });
});

describe('dock placement per site', () => {
  it('is keyed by product, or by host for in-house CRMs', () => {
    expect(placementKey('salesforce', 'acme.lightning.force.com')).toBe('salesforce');
    expect(placementKey(undefined, 'crm.example.com')).toBe('host:crm.example.com');
  });

  it('defaults to the right edge and ignores malformed storage', () => {
    expect(placementFor(undefined, 'gmail')).toBe('right');
    expect(placementFor({ gmail: 'left', salesforce: 'hidden' }, 'gmail')).toBe('left');
    expect(placementFor({ gmail: 'left', salesforce: 'hidden' }, 'salesforce')).toBe('hidden');
    expect(placementFor({ gmail: 'top' }, 'gmail')).toBe('right');
    expect(placementFor('left', 'gmail')).toBe('right');
  });
});
