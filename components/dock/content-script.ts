import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SiteAdapter } from '@/lib/sites/types';
import { startOverlay } from './overlay';

/**
 * The body of every product's content script: start the overlay with that product's adapter,
 * never letting a failure reach the host page.
 */
export function runOverlay(ctx: ContentScriptContext, adapter: SiteAdapter): void {
  try {
    startOverlay(ctx, [adapter]);
  } catch (err) {
    console.debug('[holdfast] overlay failed to start', err);
  }
}
