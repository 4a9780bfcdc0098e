import { extGlobals } from './util/ext-globals';
import type en from '../public/_locales/en/messages.json';

/** A message key: typed from the English catalogue, so a typo fails the typecheck. */
export type MessageKey = keyof typeof en;

/**
 * The browser's i18n picks English or Chinese (zh_CN) by the browser language. Falls back to
 * the key so a missing message is visible rather than blank.
 */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  const text = extGlobals().i18n?.getMessage(key, subs.map(String));
  return text || key;
}
