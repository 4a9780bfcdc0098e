import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { preactWithoutInnerHtml } from './build/preact-no-inner-html';
import { OPTIONAL_HOSTS } from './lib/sites/hosts';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // HOLDFAST_OUT lets several builds (parallel work, benches) run without sharing one folder.
  outDir: process.env.HOLDFAST_OUT ?? '.output',
  // Firefox gets Manifest V3 too, so both browsers run the same service-worker design.
  manifestVersion: 3,
  // Dexie carries a literal U+FFFF; Vite 8 writes it unescaped and Chromium then refuses
  // the whole extension as "not UTF-8 encoded".
  experimental: { escapeUnicode: true },
  vite: () => ({ plugins: [preactWithoutInnerHtml(), preact()] }),
  hooks: {
    // The polyfill serves the background and extension pages. The content script talks
    // through @webext-core/messaging (which uses the `chrome` global) and reads two
    // synchronous APIs, so there it would only add 3 KB gzip against a 20 KB budget.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        config.resolve!.alias = alias.filter((a: { find: unknown }) => a.find !== 'wxt/browser');
      } else if (alias && typeof alias === 'object') {
        delete (alias as Record<string, string>)['wxt/browser'];
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'scripting', 'alarms', 'notifications', 'contextMenus', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // The toolbar popup (the quick-log) on a key; the user can change it in the browser.
    commands: { _execute_action: { suggested_key: { default: 'Alt+Shift+L' } } },
    // Nothing at install: each product or custom CRM host is asked for when the user enables it.
    optional_host_permissions: OPTIONAL_HOSTS,
    // Connect Salesforce (lib/crm/session.ts): the org's session cookie, read by the background
    // only, asked when the user connects and never at install.
    optional_permissions: ['cookies'],
    action: { default_title: '__MSG_actionTitle__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'holdfast@holdfast.dev',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
