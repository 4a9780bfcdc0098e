/**
 * What each CRM's card asks for and says, as data: the product's name, whether the user
 * gives an address (the org's own host) and a token, and which address to propose from the
 * hosts the browser has already granted.
 */
import { tenantAddressFromGrants } from '@/lib/import/tenant';
import type { CrmProduct } from '@/lib/crm/types';

export const PRODUCT_NAMES: Record<CrmProduct, string> = {
  salesforce: 'Salesforce',
  hubspot: 'HubSpot',
  pipedrive: 'Pipedrive',
  dynamics: 'Microsoft Dynamics 365',
};

/** The name in running text (buttons, errors): "Dynamics 365" reads better than the full name there. */
export const SHORT_NAMES: Record<CrmProduct, string> = { ...PRODUCT_NAMES, dynamics: 'Dynamics 365' };

/** HubSpot: there is one API host for every portal, so no address. */
export const needsAddress = (p: CrmProduct): boolean => p !== 'hubspot';

/** HubSpot and Pipedrive read with a pasted token; Salesforce and Dynamics with the browser's session. */
export { needsToken } from '@/lib/crm/address';

/** The read-only scopes a HubSpot private app needs (named in the card and in missing_scope errors). */
export { HUBSPOT_SCOPES } from '@/lib/crm/address';

const DYNAMICS_HOST = /^[a-z0-9-]+\.crm\d{0,2}\.dynamics\.com$/;

/**
 * The address to prefill from granted hosts: only when exactly one instance of the product is
 * granted (a product-wide grant names none; with several, guessing could connect the wrong org).
 */
export function proposedAddress(product: CrmProduct, origins: readonly string[]): string | undefined {
  if (product === 'salesforce' || product === 'pipedrive') return tenantAddressFromGrants(product, origins);
  if (product !== 'dynamics') return undefined;
  const hosts = new Set<string>();
  for (const origin of origins) {
    const host = /^(?:\*|https):\/\/([^/]+)/i.exec(origin.trim())?.[1]?.toLowerCase();
    if (host && DYNAMICS_HOST.test(host)) hosts.add(host);
  }
  return hosts.size === 1 ? `https://${[...hosts][0]}` : undefined;
}
