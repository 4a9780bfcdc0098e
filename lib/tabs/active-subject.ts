import { browser } from 'wxt/browser';
import type { PageSubject } from '../model/page-subject';
import { send } from '../messaging';
import { getPageSubject } from '../messaging/protocol';

/**
 * The customer the user is looking at: asked of the content script in the active tab of the
 * last focused normal window (so it also works when the popup runs in its own window).
 * Null when that tab has no Holdfast content script or shows no customer.
 */
export async function activeTabSubject(): Promise<PageSubject | null> {
  try {
    const win = await browser.windows.getLastFocused({ windowTypes: ['normal'] });
    const [tab] = await browser.tabs.query({ active: true, windowId: win.id });
    if (tab?.id === undefined) return null;
    return await send(getPageSubject, null, tab.id);
  } catch {
    return null;
  }
}
