import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PRODUCTS, PRODUCT_MATCHES, isInHouseOrigin, normaliseGrant, originPattern, patternHost, type ProductId } from '@/lib/sites/hosts';
import { t } from '@/lib/i18n';
import { Field } from '../ui/Field';
import { DebugToggle } from './DebugToggle';
import { DockPlacementSelect, useDockPlacements } from './DisplayPrefs';
import { ProductHosts, useProductHosts } from './ProductHosts';
import { placementKey } from '@/lib/prefs/display';
import { TeachRules } from './TeachRules';
import { useGrantedOrigins } from './useGrantedOrigins';

/**
 * Which sites Holdfast runs on, one row each: a switch, the dock's side, the addresses folded
 * away. Switching a site on chooses it; "Enable the sites I use" then asks the browser for all
 * chosen sites in one prompt (the request must come from that click). Switching an enabled
 * site off gives its access back at once. The background registers or removes the content
 * scripts when the permissions change.
 */
export function SitesSection() {
  const granted = useGrantedOrigins();
  const [placements, setPlacement] = useDockPlacements();
  const [chosen, setChosen] = useState<ProductId[]>([]);
  const [error, setError] = useState('');
  const [note, setNote] = useState('');
  const [custom, setCustom] = useState('');
  const mappedHosts = useProductHosts();
  // Grants as the browser reports them may be spelled differently (`*://…`); compare normalised.
  const grantedSet = new Set(granted.map(normaliseGrant));
  /** On when any of its addresses is granted: a product that gained an address (Salesforce's
   *  China hosts) stays on for a user who enabled it before; its script runs where granted. */
  const has = (p: ProductId) => PRODUCT_MATCHES[p].some((m) => grantedSet.has(m));
  const waiting = chosen.filter((p) => !has(p));
  const mapped = new Set(mappedHosts.map((h) => h.origin));
  // In-house sites: granted https origins that are neither a product's nor mapped to one (those
  // are listed by ProductHosts below the products).
  const customHosts = granted.filter((o) => {
    const n = normaliseGrant(o);
    // A CRM connection's API host (Options → Connect CRM) is no in-house site either.
    return o !== 'https://*/*' && o !== '*://*/*' && !!n && isInHouseOrigin(n) && !mapped.has(n);
  });

  async function ask(origins: string[], label: string): Promise<boolean> {
    setError('');
    try {
      const ok = await browser.permissions.request({ origins });
      if (!ok) setError(t('siteDenied', label));
      return ok;
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      return false;
    }
  }

  async function giveBack(origins: string[]) {
    setError('');
    try {
      await browser.permissions.remove({ origins });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  function flip(p: ProductId, on: boolean) {
    setNote('');
    if (on) return setChosen((c) => (c.includes(p) ? c : [...c, p]));
    setChosen((c) => c.filter((x) => x !== p));
    if (has(p)) void giveBack([...PRODUCT_MATCHES[p]]);
  }

  function enableChosen() {
    if (!waiting.length) return setNote(t('opt_sitesNothingChosen'));
    setNote('');
    const asked = [...waiting];
    void ask(
      asked.flatMap((p) => PRODUCT_MATCHES[p]),
      asked.map((p) => t(`site_${p}`)).join(', '),
    ).then((ok) => ok && setChosen((c) => c.filter((p) => !asked.includes(p))));
  }

  function addCustom(e: Event) {
    e.preventDefault();
    const pattern = originPattern(custom.trim());
    if (!pattern) return setError(t('customHostBad', custom.trim()));
    setCustom('');
    void ask([pattern], pattern);
  }

  return (
    <div class="sites">
      <p class="muted">{t('sitesIntro')}</p>
      <ul class="plain site-rows" data-testid="products">
        {PRODUCTS.map((p) => {
          const on = has(p);
          const picked = !on && chosen.includes(p);
          return (
            <li key={p} class="site-row" data-product={p} data-state={on ? 'on' : picked ? 'chosen' : 'off'}>
              <span class="site-main">
                <input type="checkbox" role="switch" class="switch" id={`site-${p}`} checked={on || picked} onChange={(e) => flip(p, e.currentTarget.checked)} />
                <label for={`site-${p}`} class="inline site-name">{t(`site_${p}`)}</label>
                <span class="status">{on ? t('opt_siteOn') : picked ? t('opt_siteChosen') : t('opt_siteOff')}</span>
              </span>
              {on && (
                <span class="site-dock">
                  <DockPlacementSelect siteKey={placementKey(p, '')} siteName={t(`site_${p}`)} placements={placements} onChange={setPlacement} />
                </span>
              )}
              <details class="site-addresses">
                <summary>{t('opt_siteAddresses')}</summary>
                <ul class="plain">
                  {PRODUCT_MATCHES[p].map((m) => (
                    <li key={m}>
                      <code>{m}</code>
                      {grantedSet.has(m) && <span class="status"> ✓</span>}
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          );
        })}
      </ul>
      <p class="site-enable">
        <button type="button" class={waiting.length ? 'primary' : ''} onClick={enableChosen} aria-describedby="site-enable-hint">
          {t('opt_sitesEnable')}
        </button>{' '}
        <span id="site-enable-hint" class="status">{t('opt_sitesEnableHint')}</span>
      </p>
      <p role="status" class="muted">{note}</p>
      {error && <p role="alert" class="error">{error}</p>}
      <ProductHosts />
      <h2>{t('customHosts')}</h2>
      {customHosts.length ? (
        <ul class="plain site-rows" data-testid="custom-hosts">
          {customHosts.map((o) => (
            <li key={o} class="site-row">
              <span class="site-main">
                <code>{patternHost(o)}</code>
              </span>
              <span class="site-dock">
                <DockPlacementSelect siteKey={placementKey(undefined, patternHost(o))} siteName={patternHost(o)} placements={placements} onChange={setPlacement} />
              </span>
              <button type="button" aria-label={`${t('remove')} ${patternHost(o)}`} onClick={() => void giveBack([o])}>
                {t('remove')}
              </button>
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
      <TeachRules />
      <p>
        <DebugToggle />
      </p>
    </div>
  );
}
