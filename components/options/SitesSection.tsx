import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PRODUCTS, PRODUCT_MATCHES, PRODUCT_PATTERNS, originPattern, type ProductId } from '@/lib/sites/hosts';
import { t } from '@/lib/i18n';
import { Field } from '../ui/Field';
import { DebugToggle } from './DebugToggle';
import { DockPlacementSelect, useDockPlacements } from './DisplayPrefs';
import { placementKey } from '@/lib/prefs/display';
import { TeachRules } from './TeachRules';

/** Granted host patterns, kept current as the user (or the browser's own UI) changes them. */
function useGrantedOrigins(): string[] {
  const [origins, setOrigins] = useState<string[]>([]);
  useEffect(() => {
    const read = () => void browser.permissions.getAll().then((p) => setOrigins(p.origins ?? []));
    read();
    browser.permissions.onAdded.addListener(read);
    browser.permissions.onRemoved.addListener(read);
    return () => {
      browser.permissions.onAdded.removeListener(read);
      browser.permissions.onRemoved.removeListener(read);
    };
  }, []);
  return origins;
}

/** The host of an origin pattern such as https://crm.example.com/* (where the dock's placement is keyed). */
function hostOf(pattern: string): string {
  return pattern.replace(/^[a-z]+:\/\//, '').replace(/\/.*$/, '');
}

/**
 * Which sites Holdfast runs on. Enabling asks the browser for that site's access (the
 * request must come from this click); disabling gives it back. The background registers or
 * removes the content scripts when the permissions change.
 */
export function SitesSection() {
  const granted = useGrantedOrigins();
  const [placements, setPlacement] = useDockPlacements();
  const [error, setError] = useState('');
  const [custom, setCustom] = useState('');
  const has = (p: ProductId) => PRODUCT_MATCHES[p].every((m) => granted.includes(m));
  const customHosts = granted.filter((o) => !PRODUCT_PATTERNS.includes(o) && o !== 'https://*/*');

  async function toggle(origins: string[], on: boolean, label: string) {
    setError('');
    try {
      const ok = on ? await browser.permissions.request({ origins }) : await browser.permissions.remove({ origins });
      if (on && !ok) setError(t('siteDenied', label));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  function addCustom(e: Event) {
    e.preventDefault();
    const pattern = originPattern(custom.trim());
    if (!pattern) return setError(t('customHostBad', custom.trim()));
    setCustom('');
    void toggle([pattern], true, pattern);
  }

  return (
    <section aria-labelledby="sites-h">
      <h2 id="sites-h">{t('sitesTitle')}</h2>
      <p class="muted">{t('sitesIntro')}</p>
      <ul class="plain" data-testid="products">
        {PRODUCTS.map((p) => (
          <li key={p}>
            <label class="inline">
              <input type="checkbox" checked={has(p)} onChange={(e) => void toggle([...PRODUCT_MATCHES[p]], e.currentTarget.checked, t(`site_${p}`))} />{' '}
              {t(`site_${p}`)} <span class="status">{PRODUCT_MATCHES[p].join(', ')}</span>
            </label>
            {has(p) && (
              <>
                {' '}
                <DockPlacementSelect siteKey={placementKey(p, '')} siteName={t(`site_${p}`)} placements={placements} onChange={setPlacement} />
              </>
            )}
          </li>
        ))}
      </ul>
      <h2>{t('customHosts')}</h2>
      {customHosts.length ? (
        <ul class="plain" data-testid="custom-hosts">
          {customHosts.map((o) => (
            <li key={o}>
              {o}{' '}
              <DockPlacementSelect siteKey={placementKey(undefined, hostOf(o))} siteName={hostOf(o)} placements={placements} onChange={setPlacement} />{' '}
              <button type="button" onClick={() => void toggle([o], false, o)}>{t('remove')}</button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('customHostNone')}</p>
      )}
      <form class="row" onSubmit={addCustom}>
        <Field id="custom-host" label={t('customHostLabel')}>
          <input id="custom-host" value={custom} placeholder="https://crm.example.com" onInput={(e) => setCustom(e.currentTarget.value)} />
        </Field>
        <button type="submit">{t('customHostAdd')}</button>
      </form>
      {error && <p role="alert" class="error">{error}</p>}
      <TeachRules />
      <p>
        <DebugToggle />
      </p>
    </section>
  );
}
