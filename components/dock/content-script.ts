import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DEBUG_KEY } from '@/lib/sites/debug-setting';
import { setSiteDebug } from '@/lib/sites/dom';
import type { SiteAdapter } from '@/lib/sites/types';
import { extGlobals } from '@/lib/util/ext-globals';
import { startOverlay, type OverlayOptions } from './overlay';

/**
 * The body of every product's content script: start the overlay with that product's adapter,
 * never letting a failure reach the host page.
 */
export function runOverlay(ctx: ContentScriptContext, adapters: readonly SiteAdapter[], opts?: OverlayOptions): void {
  try {
    void extGlobals()
      .storage?.local.get(DEBUG_KEY)
      .then((v) => setSiteDebug(v[DEBUG_KEY] === true))
      .catch(() => undefined);
    startOverlay(ctx, adapters, opts);
  } catch (err) {
    console.debug('[holdfast] overlay failed to start', err);
  }
}
