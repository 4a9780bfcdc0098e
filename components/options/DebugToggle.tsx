import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DEBUG_KEY } from '@/lib/sites/debug-setting';
import { t } from '@/lib/i18n';

/**
 * Debug logging for site adapters: when a page is not recognised, the content script logs the
 * censored structure around the failure (tags and attributes, never text) to the console.
 */
export function DebugToggle() {
  const [on, setOn] = useState(false);
  useEffect(() => void browser.storage.local.get(DEBUG_KEY).then((v) => setOn(v[DEBUG_KEY] === true)), []);
  return (
    <label class="inline">
      <input
        type="checkbox"
        checked={on}
        onChange={(e) => {
          const value = e.currentTarget.checked;
          setOn(value);
          void browser.storage.local.set({ [DEBUG_KEY]: value });
        }}
      />{' '}
      {t('debugLogging')}
    </label>
  );
}
