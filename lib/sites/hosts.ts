/**
 * Where each product lives, as match patterns. Nothing here is granted at install: the user
 * enables a product in options (an optional host permission), and the background then
 * registers that product's content script (lib/sites/registration.ts). Each product has its
 * own small bundle carrying only its adapter.
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
export const PRODUCTS = Object.keys(PRODUCT_MATCHES) as ProductId[];

/** Every product address. */
export const PRODUCT_PATTERNS: string[] = Object.values(PRODUCT_MATCHES).flat();

/**
 * What may be asked for at run time: the products, and any https site for an in-house CRM
 * the user adds (asked for one origin at a time, never all at once).
 */
export const OPTIONAL_HOSTS: string[] = [...PRODUCT_PATTERNS, 'https://*/*'];

/** The built file of a product's (or the generic) content script. */
export function scriptFile(id: ProductId | 'custom'): string {
  return `content-scripts/${id}.js`;
}

/** "https://crm.acme.internal/anything" → "https://crm.acme.internal/*"; null when not an https origin. */
export function originPattern(input: string): string | null {
  try {
    const url = new URL(input.includes('://') ? input : `https://${input}`);
    if (url.protocol !== 'https:' || !url.hostname.includes('.')) return null;
    return `https://${url.hostname}/*`;
  } catch {
    return null;
  }
}

export interface WantedScript {
  id: string;
  js: string[];
  matches: string[];
}

/**
 * The content scripts that granted `origins` call for: a product's script on those of its
 * hosts that are granted (the browser's own site-access menu can grant one at a time); the
 * generic (teachable) script on every other granted https origin.
 */
export function scriptsFor(origins: readonly string[]): WantedScript[] {
  const granted = new Set(origins);
  const wanted: WantedScript[] = [];
  for (const p of PRODUCTS) {
    const matches = PRODUCT_MATCHES[p].filter((m) => granted.has(m));
    if (matches.length) wanted.push({ id: `holdfast-${p}`, js: [scriptFile(p)], matches });
  }
  const custom = [...granted].filter((o) => !PRODUCT_PATTERNS.includes(o) && o !== 'https://*/*' && o.startsWith('https://'));
  if (custom.length) wanted.push({ id: 'holdfast-custom', js: [scriptFile('custom')], matches: custom });
  return wanted;
}
