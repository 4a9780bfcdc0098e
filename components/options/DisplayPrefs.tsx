import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { chosenLanguage, saveLanguage } from '@/lib/prefs/catalogue';
import { DOCK_PLACEMENT_KEY, DockPlacements, placementFor, type DockPlacement, type Language } from '@/lib/prefs/display';
import * as z from 'zod/mini';

/**
 * English or Chinese regardless of the browser's language. The page reloads so that every
 * piece of text (the page's own and what it already drew) comes out in the new language.
 */
export function LanguageChoice() {
  const [lang, setLang] = useState<Language | ''>('');
  useEffect(() => void chosenLanguage().then((l) => setLang(l ?? '')), []);
  return (
    <section aria-labelledby="lang-h">
      <h2 id="lang-h">{t('prefs_languageTitle')}</h2>
      <label for="ui-language">{t('prefs_languageLabel')}</label>{' '}
      <select
        id="ui-language"
        value={lang}
        onChange={(e) => {
          const value = e.currentTarget.value;
          const next = value === 'en' || value === 'zh_CN' ? value : undefined;
          void saveLanguage(next).then(() => location.reload());
        }}
      >
        <option value="">{t('prefs_languageBrowser')}</option>
        {/* Each language names itself, so a reader of the other one can still find it. */}
        <option value="en" lang="en">English</option>
        <option value="zh_CN" lang="zh-CN">中文（简体）</option>
      </select>
      <p class="muted">{t('prefs_languageHint')}</p>
    </section>
  );
}

/** Where the dock sits, per site key (lib/prefs/display.ts placementKey), live from storage. */
export function useDockPlacements(): [DockPlacements, (key: string, p: DockPlacement) => void] {
  const [all, setAll] = useState<DockPlacements>({});
  useEffect(() => {
    const read = () =>
      void browser.storage.local.get(DOCK_PLACEMENT_KEY).then((v) => {
        const parsed = z.safeParse(DockPlacements, v[DOCK_PLACEMENT_KEY]);
        setAll(parsed.success ? parsed.data : {});
      });
    read();
    const onChanged = (changes: Record<string, unknown>) => {
      if (DOCK_PLACEMENT_KEY in changes) read();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  const set = (key: string, p: DockPlacement) => {
    const next = { ...all, [key]: p };
    if (p === 'right') delete next[key]; // the default needs no entry
    setAll(next);
    void browser.storage.local.set({ [DOCK_PLACEMENT_KEY]: next });
  };
  return [all, set];
}

/**
 * The dock's side on one site, compact enough for a row of the Sites list: a visible "Dock"
 * and right / left / hidden; the accessible name says which site.
 */
export function DockPlacementSelect({ siteKey, siteName, placements, onChange }: {
  siteKey: string;
  siteName: string;
  placements: DockPlacements;
  onChange: (key: string, p: DockPlacement) => void;
}) {
  return (
    <span class="dock-choice">
      <span aria-hidden="true">{t('opt_dockLabel')}</span>{' '}
      <select
        aria-label={t('prefs_dockOn', siteName)}
        data-testid={`dock-${siteKey}`}
        value={placementFor(placements, siteKey)}
        onChange={(e) => {
          const v = e.currentTarget.value;
          onChange(siteKey, v === 'left' || v === 'hidden' ? v : 'right');
        }}
      >
        <option value="right">{t('opt_dockRight')}</option>
        <option value="left">{t('opt_dockLeft')}</option>
        <option value="hidden" title={t('prefs_dockHidden')}>{t('opt_dockHidden')}</option>
      </select>
    </span>
  );
}
