/**
 * The two synchronous extension APIs the content script needs, read from the `chrome`
 * global that both Chrome and Firefox provide. Going through webextension-polyfill here
 * would add ~3 KB gzip to the content script for no gain (neither returns a promise).
 */
interface ExtGlobals {
  runtime?: { id?: string };
  i18n?: { getMessage(key: string, subs?: string[]): string };
}

export function extGlobals(): ExtGlobals {
  return (globalThis as { chrome?: ExtGlobals }).chrome ?? {};
}
