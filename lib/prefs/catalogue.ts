/**
 * Loading the catalogue of a language chosen in Options, for the contexts that can read the
 * extension's own files (background, popup, side panel, options). Content scripts cannot, so
 * they ask the background (`getCatalogue`).
 */
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { t, setCatalogue, type Catalogue } from '../i18n';
import { CatalogueSchema, htmlLangOf, LANGUAGE_KEY, languageFrom, type Language } from './display';

export async function readCatalogue(lang: Language): Promise<Catalogue> {
  const res = await fetch(browser.runtime.getURL(`/_locales/${lang}/messages.json`));
  if (!res.ok) throw new Error(`no catalogue for ${lang}: HTTP ${res.status}`);
  return z.parse(CatalogueSchema, await res.json());
}

export async function chosenLanguage(): Promise<Language | undefined> {
  const v = await browser.storage.local.get(LANGUAGE_KEY);
  return languageFrom(v[LANGUAGE_KEY]);
}

export async function saveLanguage(lang: Language | undefined): Promise<void> {
  if (lang) await browser.storage.local.set({ [LANGUAGE_KEY]: lang });
  else await browser.storage.local.remove(LANGUAGE_KEY);
}

/** Use the chosen language in this context, or the browser's when none is chosen. Never throws: the browser's language is the fallback. */
export async function applyChosenLanguage(): Promise<void> {
  try {
    setCatalogue(null);
    const lang = await chosenLanguage();
    if (lang && htmlLangOf(lang) !== t('htmlLang')) setCatalogue(await readCatalogue(lang));
  } catch (err) {
    console.warn('[holdfast] could not load the chosen language; using the browser’s', err);
  }
}
