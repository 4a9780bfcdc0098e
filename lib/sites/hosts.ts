/**
 * Where each product lives, as manifest match patterns. Each product gets its own content
 * script carrying only its adapter (plus the generic fallback), so a page loads one small
 * bundle; every other site sees nothing of Holdfast. (Per-site opt-in at run time comes with
 * the site adapters issue.)
 */
export const PRODUCT_MATCHES = {
  salesforce: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  hubspot: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
  pipedrive: ['https://*.pipedrive.com/*'],
  zoho: ['https://crm.zoho.com/*', 'https://crm.zoho.eu/*', 'https://crm.zoho.in/*', 'https://crm.zoho.com.au/*', 'https://crm.zoho.com.cn/*'],
  dynamics: ['https://*.dynamics.com/*'],
  gmail: ['https://mail.google.com/*'],
  outlook: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
} as const satisfies Record<string, readonly string[]>;

export type ProductId = keyof typeof PRODUCT_MATCHES;

/** Every served address: the extension's host permissions. */
export const CONTENT_MATCHES: string[] = Object.values(PRODUCT_MATCHES).flat();
