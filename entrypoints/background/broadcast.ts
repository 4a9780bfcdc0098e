import { browser } from 'wxt/browser';
import { send } from '@/lib/messaging';
import { dataChanged } from '@/lib/messaging/protocol';

let timer: ReturnType<typeof setTimeout> | undefined;

/** Tell every tab's dock that data changed; debounced so an import does not flood tabs. */
export function broadcastDataChanged(): void {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    // Only tabs we may access are listed with a URL; the rest cannot have our dock.
    const tabs = (await browser.tabs.query({}).catch(() => [])).filter((t) => t.url?.startsWith('https://'));
    await Promise.allSettled(tabs.map((tab) => (tab.id === undefined ? undefined : send(dataChanged, null, tab.id))));
  }, 100);
}
