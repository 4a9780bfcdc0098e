/**
 * Where each CRM's API lives, from the address a user knows (any page of their CRM), and the
 * browser permissions reading it needs — asked when the user connects, never at install, and
 * only for that one org's host (least privilege).
 */
import type { CrmProduct } from './types';

function hostOf(address: string): string | undefined {
  const s = address.trim();
  if (!s) return undefined;
  try {
    return new URL(/^[a-z]+:\/\//i.test(s) ? s : `https://${s}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,62})$/;

/**
 * The org's API host. The Lightning host's `sid` cookie is not API-enabled; the My Domain
 * host's is (as Salesforce Inspector reads it), so every Lightning, Classic, sandbox or
 * Alibaba Cloud address maps to the org's My Domain host. A bare name is a My Domain.
 */
export function salesforceApiHost(address: string): string | undefined {
  const s = address.trim().toLowerCase();
  if (LABEL.test(s) || /^[a-z0-9-]+--[a-z0-9-]+$/.test(s)) return `${s}.my.salesforce.com`;
  const host = hostOf(s);
  if (!host) return undefined;
  const m = /^([a-z0-9-]+(?:--[a-z0-9-]+)?)\.(sandbox\.|develop\.|scratch\.)?(lightning\.force\.com|my\.salesforce\.com|lightning\.sfcrmapps\.cn|my\.sfcrmproducts\.cn)$/.exec(host);
  if (!m) return undefined;
  const [, name, kind = '', domain] = m;
  const china = domain!.endsWith('.cn');
  return `${name}.${kind}${china ? 'my.sfcrmproducts.cn' : 'my.salesforce.com'}`;
}

/** A company's Pipedrive: <company>.pipedrive.com (the API answers there, api_token or x-api-token). */
export function pipedriveApiHost(address: string): string | undefined {
  const s = address.trim().toLowerCase();
  const host = LABEL.test(s) ? `${s}.pipedrive.com` : hostOf(s);
  const m = host ? /^([a-z0-9-]+)\.pipedrive\.com$/.exec(host) : null;
  return m && m[1] !== 'app' && m[1] !== 'www' && m[1] !== 'api' ? host : undefined;
}

/** A Dynamics 365 org's host (contoso.crm4.dynamics.com): its Web API is /api/data/v9.2 there. */
export function dynamicsApiHost(address: string): string | undefined {
  const host = hostOf(address);
  return host && /^[a-z0-9-]+\.crm\d{0,2}\.dynamics\.com$/.test(host) ? host : undefined;
}

export const HUBSPOT_API_HOST = 'api.hubapi.com';

/** The API host for a product and address; HubSpot has one for every portal. */
export function apiHostFor(product: CrmProduct, address: string): string | undefined {
  switch (product) {
    case 'salesforce':
      return salesforceApiHost(address);
    case 'pipedrive':
      return pipedriveApiHost(address);
    case 'dynamics':
      return dynamicsApiHost(address);
    case 'hubspot':
      return HUBSPOT_API_HOST;
  }
}

/**
 * What the browser must grant before connecting: the API host, and for Salesforce the
 * `cookies` permission to read that host's session cookie (asked then, never at install).
 */
export function permissionsFor(product: CrmProduct, apiHost: string): { permissions: string[]; origins: string[] } {
  return { permissions: product === 'salesforce' ? ['cookies'] : [], origins: [`https://${apiHost}/*`] };
}

/** The read-only scopes a HubSpot private app needs: shown in Options before the token is pasted, named in missing_scope errors. */
export const HUBSPOT_SCOPES = ['crm.objects.companies.read', 'crm.objects.deals.read', 'crm.objects.line_items.read', 'crm.objects.owners.read'] as const;

/** HubSpot and Pipedrive read with a pasted token; Salesforce and Dynamics with the browser's session. */
export const needsToken = (p: CrmProduct): boolean => p === 'hubspot' || p === 'pipedrive';
