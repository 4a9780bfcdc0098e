// Every unit test gets a fresh in-memory IndexedDB and a fresh fake browser.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// fake-browser has no i18n; answer from the real English catalogue, as Chrome would.
const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;
const getMessage = (key: string, subs?: string | string[]) => {
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  return (en[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
};

beforeEach(() => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser.i18n, { getMessage });
});
