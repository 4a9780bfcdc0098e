import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { setCatalogue, t } from '@/lib/i18n';
import { send } from '@/lib/messaging';
import { getCatalogue } from '@/lib/messaging/protocol';
import { DOCK_PLACEMENT_KEY, htmlLangOf, LANGUAGE_KEY, languageFrom, placementFor, placementKey } from '@/lib/prefs/display';
import { DEBUG_KEY } from '@/lib/sites/debug-setting';
import { setSiteDebug } from '@/lib/sites/dom';
import type { SiteAdapter } from '@/lib/sites/types';
import { extGlobals } from '@/lib/util/ext-globals';
import { startOverlay, type OverlayOptions } from './overlay';

/**
 * The body of every product's content script: read the display preferences, then start the
 * overlay with that product's adapter, never letting a failure reach the host page.
 */
export function runOverlay(ctx: ContentScriptContext, adapters: readonly SiteAdapter[], opts?: OverlayOptions): void {
  const key = placementKey(adapters[0]?.id, location.host);
  void readPrefs()
    .then(async (prefs) => {
      setSiteDebug(prefs[DEBUG_KEY] === true);
      await loadChosenLanguage(prefs[LANGUAGE_KEY]);
      return placementFor(prefs[DOCK_PLACEMENT_KEY], key);
    })
    // Preferences unreadable (storage failing, extension reloading): the defaults still work.
    .catch(() => 'right' as const)
    .then((placement) => {
      if (ctx.isInvalid) return;
      const dock = startOverlay(ctx, adapters, { ...opts, placement });
      // Options → Sites moves or hides the dock on open pages too.
      const onChanged = (changes: Record<string, { newValue?: unknown }>) => {
        const change = changes[DOCK_PLACEMENT_KEY];
        if (change) dock.place(placementFor(change.newValue, key));
      };
      extGlobals().storage?.onChanged.addListener(onChanged);
      ctx.onInvalidated(() => extGlobals().storage?.onChanged.removeListener(onChanged));
    })
    .catch((err: unknown) => console.debug('[holdfast] overlay failed to start', err));
}

async function readPrefs(): Promise<Record<string, unknown>> {
  return (await extGlobals().storage?.local.get([DEBUG_KEY, LANGUAGE_KEY, DOCK_PLACEMENT_KEY])) ?? {};
}

/** A language chosen in Options that differs from the browser's: its catalogue comes from the background. */
async function loadChosenLanguage(stored: unknown): Promise<void> {
  const lang = languageFrom(stored);
  if (!lang || htmlLangOf(lang) === t('htmlLang')) return;
  try {
    setCatalogue(await send(getCatalogue, { lang }));
  } catch (err) {
    console.debug('[holdfast] chosen language unavailable; using the browser’s', err);
  }
}
