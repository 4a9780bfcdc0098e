import { renderPanels, unmountPanels } from '@/components/dock/panels-entry';
import { PANELS_GLOBAL, type PanelsApi } from '@/components/dock/state';

/**
 * The dock's expanded panels, injected by the background (scripting.executeScript) into the
 * content script's isolated world the first time the user opens the dock. Keeping them out
 * of the content script keeps every page load small; nothing here is web-accessible.
 */
export default defineUnlistedScript(() => {
  const api: PanelsApi = { render: renderPanels, unmount: unmountPanels };
  (globalThis as Record<string, unknown>)[PANELS_GLOBAL] = api;
});
