import { browser } from 'wxt/browser';
import Dexie from 'dexie';
import { applyChosenLanguage } from '@/lib/prefs/catalogue';
import { registerHandlers } from './handlers';
import { broadcastDataChanged } from './broadcast';
import { scheduleSync, watchProductHosts } from './registration';
import { registerReminders } from './reminders';
import { registerContextMenu } from './context-menu';
import { registerSync } from './sync';
import { registerCrm } from './crm';

export default defineBackground(() => {
  // Notifications speak the language chosen in Options; until it is read, the browser's.
  void applyChosenLanguage();
  registerHandlers();
  registerReminders();
  registerContextMenu();
  // Team sync, when a server is configured (lib/sync): outbox, rounds, the token.
  registerSync();
  // Connect the CRM (lib/crm): connections, their syncs on an alarm and when a CRM page opens.
  registerCrm();
  // Extension pages write the database directly (same origin); Dexie relays their writes
  // here over a BroadcastChannel, and the docks in open tabs look again.
  Dexie.on('storagemutated', broadcastDataChanged);
  // Content scripts follow the sites the user has enabled (optional host permissions).
  browser.permissions.onAdded.addListener(() => void scheduleSync());
  browser.permissions.onRemoved.addListener(() => void scheduleSync());
  watchProductHosts();
  browser.runtime.onInstalled.addListener((details) => {
    void scheduleSync();
    // First run: Options opens on its setup checklist. Only on install, never on update.
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html#me') });
  });
  browser.runtime.onStartup.addListener(() => void scheduleSync());
});
