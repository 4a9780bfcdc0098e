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
    const windowId = await lastNormalWindowId();
    if (windowId === undefined) return null;
    const [tab] = await browser.tabs.query({ active: true, windowId });
    if (tab?.id === undefined) return null;
    return await send(getPageSubject, null, tab.id);
  } catch {
    return null;
  }
}

/**
 * The last focused normal window. Firefox ignores `windowTypes` in getLastFocused and answers
 * with the popup's own window when the quick-log or side panel runs in one (found by the
 * Firefox suite, tests/firefox): then the focused normal window, else the first one.
 */
async function lastNormalWindowId(): Promise<number | undefined> {
  const win = await browser.windows.getLastFocused({ windowTypes: ['normal'] });
  if (win.type === undefined || win.type === 'normal') return win.id;
  const normal = (await browser.windows.getAll()).filter((w) => w.type === 'normal');
  return (normal.find((w) => w.focused) ?? normal[0])?.id;
}
