import { browser } from 'wxt/browser';
import { FOCUS_PROBLEM_KEY, problemPageUrl } from '@/lib/tabs/problem-page';

/** storage.session key the popup reads. */
export const PENDING_DETAIL_KEY = 'owner.pendingDetail';

type OpenPopupApi = { action?: { openPopup?: () => Promise<void> } };
type SidePanelApi = { sidePanel?: { open?: (o: { windowId: number }) => Promise<void> } };
type SidebarApi = { sidebarAction?: { open?: () => Promise<void> } };

/**
 * Opens the quick-log popup: the toolbar popup where the browser lets an extension open it
 * (Chrome 127+, Firefox), else popup.html in a small window of its own.
 */
export async function openQuickLogPopup(api: OpenPopupApi = browser as unknown as OpenPopupApi): Promise<'action' | 'window'> {
  try {
    if (!api.action?.openPopup) throw new Error('no action.openPopup');
    await api.action.openPopup();
    return 'action';
  } catch {
    await browser.windows.create({ url: browser.runtime.getURL('/popup.html'), type: 'popup', width: 400, height: 600 });
    return 'window';
  }
}

/** Opens the side panel focused on a problem; a window with the side panel page where it cannot. */
export async function openProblem(problemId: string): Promise<void> {
  await browser.storage.session.set({ [FOCUS_PROBLEM_KEY]: problemId });
  const api = browser as unknown as SidePanelApi & SidebarApi;
  try {
    if (api.sidePanel?.open) {
      const win = await browser.windows.getLastFocused({ windowTypes: ['normal'] });
      if (win.id === undefined) throw new Error('no window');
      await api.sidePanel.open({ windowId: win.id });
      return;
    }
    if (api.sidebarAction?.open) {
      await api.sidebarAction.open();
      return;
    }
    throw new Error('no side panel');
  } catch {
    await browser.windows.create({ url: problemPageUrl(problemId), type: 'popup', width: 420, height: 700 });
  }
}
