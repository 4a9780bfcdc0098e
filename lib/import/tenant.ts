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
  if (source === 'pipedrive' && (sub === 'app' || sub === 'www')) return undefined;
  return sub || undefined;
}
