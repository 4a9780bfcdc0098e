import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const load = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;
const placeholders = (s: string) => [...s.matchAll(/\$\d/g)].map((m) => m[0]).sort();

describe('message catalogues', () => {
  const en = load('en');
  const zh = load('zh_CN');

  it('Chinese has every English message and no stray ones', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('each translation keeps the same substitutions', () => {
    for (const key of Object.keys(en)) expect(placeholders(zh[key]!.message), key).toEqual(placeholders(en[key]!.message));
  });

  it('no substitution runs into a dollar sign (Chrome reads "$1$" as a named placeholder and refuses the extension)', () => {
    for (const [key, { message }] of [...Object.entries(en), ...Object.entries(zh)]) expect(message, key).not.toMatch(/\$\d\$/);
  });

  it('no message is empty or left untranslated by accident', () => {
    for (const [key, { message }] of Object.entries(zh)) {
      expect(message.trim(), key).not.toBe('');
      // Product names (site_*) and the brand read the same in both languages.
      if (/[a-z]{4,}/i.test(en[key]!.message) && !['extName', 'sideTitle', 'htmlLang'].includes(key) && !key.startsWith('site_')) {
        expect(message, key).not.toBe(en[key]!.message);
      }
    }
  });
});
