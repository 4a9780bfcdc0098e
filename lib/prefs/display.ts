/**
 * Display preferences the content script needs before it draws anything: the language chosen
 * in Options and where the dock sits on each site. They live in `storage.local` (not the
 * database) because a content script cannot open the extension's IndexedDB; neither is
 * secret. Small on purpose: this module is part of every content script.
 */
import * as z from 'zod/mini';

export const LANGUAGE_KEY = 'uiLanguage';
export const DOCK_PLACEMENT_KEY = 'dockPlacement';

/** A language Holdfast ships, as its `_locales` folder is named. Absent: the browser's. */
export const Language = z.enum(['en', 'zh_CN']);
export type Language = z.infer<typeof Language>;

/** Right edge (the default), left edge (when the site's own controls sit on the right), or not at all. */
export const DockPlacement = z.enum(['right', 'left', 'hidden']);
export type DockPlacement = z.infer<typeof DockPlacement>;
export const DockPlacements = z.record(z.string(), DockPlacement);
export type DockPlacements = z.infer<typeof DockPlacements>;

/** The key a site's dock placement is stored under: the product's id, or the host of an in-house CRM. */
export function placementKey(productId: string | undefined, host: string): string {
  return productId ?? `host:${host}`;
}

export function placementFor(stored: unknown, key: string): DockPlacement {
  const all = z.safeParse(DockPlacements, stored);
  return (all.success ? all.data[key] : undefined) ?? 'right';
}

export function languageFrom(stored: unknown): Language | undefined {
  const parsed = z.safeParse(Language, stored);
  return parsed.success ? parsed.data : undefined;
}

/** The `htmlLang` message each catalogue carries: how to tell whether a choice differs from what the browser picked. */
export function htmlLangOf(lang: Language): string {
  return lang === 'zh_CN' ? 'zh-CN' : 'en';
}

/** A `_locales/<lang>/messages.json` as it crosses from the background to a content script. */
export const CatalogueSchema = z.record(
  z.string().check(z.maxLength(100)),
  z.object({ message: z.string(), placeholders: z.optional(z.record(z.string(), z.object({ content: z.string() }))) }),
);
