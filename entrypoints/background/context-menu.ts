import { browser } from 'wxt/browser';
import { pendingFromSelection } from '@/lib/owners/run';
import { nowIso } from '@/lib/util/ids';
import { t } from '@/lib/i18n';
import { applyChosenLanguage } from '@/lib/prefs/catalogue';
import { LANGUAGE_KEY } from '@/lib/prefs/display';
import { openQuickLogPopup, PENDING_DETAIL_KEY } from './open-ui';

export const LOG_SELECTION_MENU = 'holdfast-log-selection';

type MenusApi = {
  contextMenus?: {
    create(o: { id: string; title: string; contexts: string[] }, cb?: () => void): unknown;
    removeAll(): Promise<void>;
    onClicked: { addListener(fn: (info: { menuItemId: string | number; selectionText?: string }) => void): void };
  };
};

/**
 * The context-menu path: the selected text becomes the detail of a problem in the quick-log.
 * The detail waits in storage.session (memory only, cleared with the browser) for the popup.
 */
export async function logSelection(selectionText: string | undefined, open = openQuickLogPopup, now = nowIso()): Promise<boolean> {
  const pending = pendingFromSelection(selectionText, now);
  if (!pending) return false;
  await browser.storage.session.set({ [PENDING_DETAIL_KEY]: pending });
  await open();
  return true;
}

export function registerContextMenu(): void {
  const menus = (browser as unknown as MenusApi).contextMenus;
  if (!menus) return;
  // Menu items persist across service-worker restarts; they are (re)made on install/update,
  // and when the language chosen in Options changes (the title is in that language).
  const make = () =>
    void applyChosenLanguage()
      .then(() => menus.removeAll())
      .then(() => menus.create({ id: LOG_SELECTION_MENU, title: t('owner_menuLogSelection'), contexts: ['selection'] }));
  browser.runtime.onInstalled.addListener(make);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && LANGUAGE_KEY in changes) make();
  });
  menus.onClicked.addListener((info) => {
    if (info.menuItemId === LOG_SELECTION_MENU) void logSelection(info.selectionText);
  });
}
