import { extGlobals } from './util/ext-globals';
import type en from '../public/_locales/en/messages.json';

/** A message key: typed from the English catalogue, so a typo fails the typecheck. */
export type MessageKey = keyof typeof en;

/** One catalogue entry as `_locales/<lang>/messages.json` holds it. */
export interface CatalogueEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type Catalogue = Record<string, CatalogueEntry>;

/**
 * Where a language chosen in Options (instead of the browser's) is kept for this context.
 * A global rather than a module variable: the content script and the dock panels are
 * separate bundles sharing one isolated world, and both must read the same catalogue.
 */
const CATALOGUE_GLOBAL = '__holdfastCatalogue';

export function setCatalogue(catalogue: Catalogue | null): void {
  (globalThis as Record<string, unknown>)[CATALOGUE_GLOBAL] = catalogue ?? undefined;
}

/**
 * The message in the user's language: the one chosen in Options when there is one, else the
 * browser's (i18n picks English or Chinese by the browser language). Falls back to the key so
 * a missing message is visible rather than blank.
 */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  const chosen = ((globalThis as Record<string, unknown>)[CATALOGUE_GLOBAL] as Catalogue | undefined)?.[key];
  if (chosen) return format(chosen, subs.map(String));
  const text = extGlobals().i18n?.getMessage(key, subs.map(String));
  return text || key;
}

/** The browser's own substitution rules: `$1` → subs[0], `$name$` → that placeholder's content, `$$` → `$`. */
function format(entry: CatalogueEntry, subs: string[]): string {
  const sub = (d: string) => subs[Number(d) - 1] ?? '';
  return entry.message.replace(/\$\$|\$(\d)|\$([A-Za-z0-9_@]+)\$/g, (m, digit?: string, name?: string) => {
    if (m === '$$') return '$';
    if (digit) return sub(digit);
    const ph = entry.placeholders?.[name!.toLowerCase()] ?? entry.placeholders?.[name!];
    return ph ? ph.content.replace(/\$(\d)/g, (_x, d: string) => sub(d)) : m;
  });
}
