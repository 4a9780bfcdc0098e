import { browser } from 'wxt/browser';
import { FOCUS_PROBLEM_KEY, problemPageUrl } from '@/lib/tabs/problem-page';

export { problemPageUrl };


type SidePanelApi = { sidePanel?: { open?: (o: { windowId: number }) => Promise<void> } };


/** The normal browser window the popup belongs to, asked ahead: sidePanel.open must run inside the click. */
export async function browserWindowId(): Promise<number | undefined> {
  try {
    return (await browser.windows.getLastFocused({ windowTypes: ['normal'] })).id;
  } catch {
    return undefined;
  }
}

/**
 * Shows a just-logged problem in the side panel of `windowId`, focused on it; where the browser
 * has no side panel (or refuses), the side panel page opens in a tab of its own instead.
 */
export function openProblemInSidePanel(problemId: string, windowId: number | undefined): void {
  void browser.storage?.session?.set({ [FOCUS_PROBLEM_KEY]: problemId });
  const api = browser as unknown as SidePanelApi;
  const fallback = () => void browser.tabs.create({ url: problemPageUrl(problemId) });
  if (!api.sidePanel?.open || windowId === undefined) return fallback();
  // Called synchronously in the click: the browser only opens a side panel in a user gesture.
  api.sidePanel.open({ windowId }).catch(fallback);
}
