import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { COMPANY_HOST_PRODUCTS, type CompanyHostProduct } from '@/lib/sites/company-host';
import { PRODUCT_PATTERNS, normaliseGrant, originPattern, patternHost } from '@/lib/sites/hosts';
import { PRODUCT_HOSTS_KEY, addProductHost, readProductHosts, removeProductHost, type ProductHost } from '@/lib/sites/product-hosts';
import { Field } from '../ui/Field';
import { useGrantedOrigins } from './useGrantedOrigins';

/** The stored mappings, kept current while the page is open. */
export function useProductHosts(): ProductHost[] {
  const [hosts, setHosts] = useState<ProductHost[]>([]);
  useEffect(() => {
    const readHosts = () => void readProductHosts().then(setHosts).catch(() => setHosts([]));
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && PRODUCT_HOSTS_KEY in changes) readHosts();
    };
    readHosts();
    browser.storage.onChanged.addListener(onStorage);
    return () => browser.storage.onChanged.removeListener(onStorage);
  }, []);
  return hosts;
}

/**
 * Options → Sites: a company's own host for a known product (Dynamics 365 on premises,
 * Exchange's Outlook on the web), so that product's adapter runs there instead of teach mode.
 * Adding asks the browser for that one origin (the request must come from this click) while
 * the mapping is written: the background resyncs on both the grant and the mapping, so it ends
 * with the product's script there whichever it sees first. Removing gives the access back.
 */
export function ProductHosts() {
  const hosts = useProductHosts();
  // Grants as the browser reports them may be spelled differently (`*://…`): compare normalised.
  const granted = new Set(useGrantedOrigins().map(normaliseGrant));
  const [product, setProduct] = useState<CompanyHostProduct>(COMPANY_HOST_PRODUCTS[0]);
  const [input, setInput] = useState('');
  const [error, setError] = useState('');

  async function add(e: Event) {
    e.preventDefault();
    setError('');
    const typed = input.trim();
    const origin = originPattern(typed);
    if (!origin) return setError(t('customHostBad', typed));
    if (PRODUCT_PATTERNS.includes(origin)) return setError(t('productHostKnown', patternHost(origin)));
    // Not awaited before the request: the request must stay in this click's user gesture.
    const saved = addProductHost({ product, origin });
    try {
      const ok = await browser.permissions.request({ origins: [origin] });
      await saved;
      if (ok) setInput('');
      else {
        await removeProductHost(origin);
        setError(t('siteDenied', patternHost(origin)));
      }
    } catch (err) {
      await saved.catch(() => undefined);
      await removeProductHost(origin).catch(() => undefined);
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  async function remove(origin: string) {
    setError('');
    try {
      await removeProductHost(origin);
      if (granted.has(origin)) await browser.permissions.remove({ origins: [origin] });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <div data-testid="product-hosts">
      <h2 id="product-hosts-h">{t('productHostsTitle')}</h2>
      <p class="muted">{t('productHostsIntro')}</p>
      {hosts.length ? (
        <ul class="plain site-rows" aria-labelledby="product-hosts-h">
          {hosts.map((h) => (
            <li key={h.origin} class="site-row">
              <span class="site-main">
                <code>{patternHost(h.origin)}</code> — {t(`site_${h.product}`)}
                {!granted.has(h.origin) && <span class="status"> {t('productHostNoAccess')}</span>}
              </span>{' '}
              <button type="button" aria-label={t('productHostRemove', patternHost(h.origin))} onClick={() => void remove(h.origin)}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('productHostNone')}</p>
      )}
      <form class="row" onSubmit={(e) => void add(e)}>
        <Field id="product-host-product" label={t('productHostProduct')}>
          <select id="product-host-product" value={product} onChange={(e) => setProduct(e.currentTarget.value as CompanyHostProduct)}>
            {COMPANY_HOST_PRODUCTS.map((p) => (
              <option key={p} value={p}>
                {t(`site_${p}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="product-host" label={t('productHostLabel')}>
          <input id="product-host" value={input} placeholder="https://crm.example.cn" onInput={(e) => setInput(e.currentTarget.value)} />
        </Field>
        <button type="submit">{t('productHostAdd')}</button>
      </form>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
