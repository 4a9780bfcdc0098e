import { browser } from 'wxt/browser';
import { send } from '@/lib/messaging';
import { CONTENT_MATCHES } from '@/lib/sites/hosts';

let timer: ReturnType<typeof setTimeout> | undefined;

/** Tell every tab's dock that data changed; debounced so an import does not flood tabs. */
export function broadcastDataChanged(): void {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    const tabs = await browser.tabs.query({ url: CONTENT_MATCHES }).catch(() => []);
    await Promise.allSettled(tabs.map((tab) => (tab.id === undefined ? undefined : send('dataChanged', null, tab.id))));
  }, 100);
}
