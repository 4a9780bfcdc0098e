import type { SourceId } from './types';

/**
 * The CRM instance from what the user typed: a bare tenant ("acme", "4821337") or any address
 * of their CRM, read the way the site adapters read it (lib/sites), so that imported
 * references equal the ones seen on record pages:
 *   https://acme.lightning.force.com/…, https://acme--uat.sandbox.my.salesforce.com → acme, acme--uat
 *   https://app.hubspot.com/contacts/4821337/…                                   → 4821337
 *   https://acme.pipedrive.com/…                                                → acme
 */
export function tenantFromInput(source: SourceId, input: string): string | undefined {
  const s = input.trim();
  if (!s) return undefined;
  if (!/[/.:]/.test(s)) return s.toLowerCase();
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(s) ? s : `https://${s}`);
  } catch {
    return undefined;
  }
  if (source === 'hubspot') return /^\/contacts\/(\d{1,12})(?:\/|$)/.exec(url.pathname)?.[1];
  const sub = url.hostname.toLowerCase().split('.')[0];
  if ((source === 'pipedrive' || source === 'fxiaoke') && (sub === 'app' || sub === 'www')) return undefined;
  // Xiaoshouyi serves every tenant from crm.xiaoshouyi.com: the host names none.
  if (source === 'xiaoshouyi' && sub === 'crm') return undefined;
  return sub || undefined;
}

/** Where each source's tenant shows in a host: its first label under these domains. */
const TENANT_HOSTS: Partial<Record<SourceId, RegExp>> = {
  salesforce: /^([a-z0-9-]+(?:--[a-z0-9-]+)?)\.(?:lightning\.force\.com|my\.salesforce\.com|lightning\.sfcrmapps\.cn|my\.sfcrmproducts\.cn)$/,
  pipedrive: /^([a-z0-9-]+)\.pipedrive\.com$/,
  fxiaoke: /^([a-z0-9-]+)\.fxiaoke\.com$/,
};

/**
 * The CRM address to propose for a source from the hosts the browser has granted
 * (permissions.getAll): a grant for one instance ("https://acme.lightning.force.com/*", given
 * through the browser's site-access menu or a company host) names the tenant; a product-wide
 * grant ("https://*.lightning.force.com/*") names none. With several instances granted nothing
 * is proposed: guessing the wrong one would break matching silently.
 */
export function tenantAddressFromGrants(source: SourceId, origins: readonly string[]): string | undefined {
  const re = TENANT_HOSTS[source];
  if (!re) return undefined;
  const hosts = new Set<string>();
  for (const origin of origins) {
    const host = /^(?:\*|https):\/\/([^/]+)/i.exec(origin.trim())?.[1]?.toLowerCase();
    const m = host && !host.includes('*') ? re.exec(host) : null;
    if (m && m[1] !== 'www' && m[1] !== 'app') hosts.add(host!);
  }
  return hosts.size === 1 ? `https://${[...hosts][0]}` : undefined;
}
