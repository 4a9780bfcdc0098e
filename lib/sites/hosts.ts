/**
 * Where each product lives, as match patterns. Nothing here is granted at install: the user
 * enables a product in options (an optional host permission), and the background then
 * registers that product's content script (lib/sites/registration.ts). Each product has its
 * own small bundle carrying only its adapter.
 */
export const PRODUCT_MATCHES = {
  // Salesforce on Alibaba Cloud (China): Lightning on *.lightning.sfcrmapps.cn, Classic and My Domain on *.my.sfcrmproducts.cn.
  salesforce: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*', 'https://*.lightning.sfcrmapps.cn/*', 'https://*.my.sfcrmproducts.cn/*'],
  hubspot: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
  pipedrive: ['https://*.pipedrive.com/*'],
  zoho: ['https://crm.zoho.com/*', 'https://crm.zoho.eu/*', 'https://crm.zoho.in/*', 'https://crm.zoho.com.au/*', 'https://crm.zoho.com.cn/*'],
  dynamics: ['https://*.dynamics.com/*'],
  gmail: ['https://mail.google.com/*'],
  outlook: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  fxiaoke: ['https://*.fxiaoke.com/*'],
  xiaoshouyi: ['https://crm.xiaoshouyi.com/*'],
  exmail: ['https://exmail.qq.com/*', 'https://en.exmail.qq.com/*'],
  qqmail: ['https://mail.qq.com/*', 'https://wx.mail.qq.com/*'],
  netease: ['https://mail.163.com/*', 'https://mail.126.com/*', 'https://mail.yeah.net/*', 'https://*.qiye.163.com/*'],
  alimail: ['https://qiye.aliyun.com/*', 'https://mail.sg.aliyun.com/*'],
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

/** The host of an origin pattern: "https://crm.example.com/*" → "crm.example.com". */
export function patternHost(pattern: string): string {
  return pattern.replace(/^[a-z*]+:\/\//, '').replace(/\/.*$/, '');
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
 * A granted origin as the pattern Holdfast asked for: browsers may report a grant in another
 * spelling (`*://*.lightning.force.com/*`, `https://crm.acme.cn/` without the path wildcard,
 * upper case), and a grant that covers https covers what we register. Not https (plain
 * http, file, `<all_urls>`): null.
 */
export function normaliseGrant(origin: string): string | null {
  const m = /^(\*|https):\/\/([^/]+)(?:\/.*)?$/i.exec(origin.trim());
  return m ? `https://${m[2]!.toLowerCase()}/*` : null;
}

/** A company's own host the user has mapped to a known product (Options → Sites). */
export interface ProductHostGrant {
  product: ProductId;
  /** `https://<host>/*` */
  origin: string;
}

/**
 * Hosts a CRM connection reads an API from that are no page anyone opens (HubSpot's API for
 * every portal): granted for the background's reads, never a site for a content script.
 */
export const API_ONLY_ORIGINS: readonly string[] = ['https://api.hubapi.com/*'];

/** Does match pattern `pattern` (https://*.x.com/* or https://a.x.com/*) cover `host`? */
function covers(pattern: string, host: string): boolean {
  const ph = patternHost(pattern);
  return ph.startsWith('*.') ? host.endsWith(ph.slice(1)) && host.length > ph.length - 1 : ph === host;
}

/** The product whose own addresses include `host` (acme.my.salesforce.com: Salesforce). */
function productOfHost(host: string): ProductId | undefined {
  return PRODUCTS.find((p) => PRODUCT_MATCHES[p].some((m) => covers(m, host)));
}

/**
 * A granted (normalised) origin that is an in-house site: not a product's pattern, nor one
 * host of a product's addresses, nor a CRM's API host, nor the "any site" wildcard.
 */
export function isInHouseOrigin(origin: string): boolean {
  return origin !== 'https://*/*' && !PRODUCT_PATTERNS.includes(origin) && !API_ONLY_ORIGINS.includes(origin) && !productOfHost(patternHost(origin));
}

/**
 * The content scripts that granted `origins` call for: a product's script on those of its
 * hosts that are granted (the browser's own site-access menu can grant one at a time) and on
 * the company hosts mapped to it; the generic (teachable) script on every other granted
 * https origin.
 */
export function scriptsFor(origins: readonly string[], productHosts: readonly ProductHostGrant[] = []): WantedScript[] {
  const granted = new Set(origins.map(normaliseGrant).filter((o): o is string => !!o));
  const mapped = new Map<string, ProductId>();
  for (const h of productHosts) {
    // A product's own address stays that product's; the first mapping of a host wins.
    if (!PRODUCT_PATTERNS.includes(h.origin) && !mapped.has(h.origin)) mapped.set(h.origin, h.product);
  }
  // One host of a product's own addresses, granted alone (a CRM connection asks for its org's
  // API host, lib/crm/address.ts): that product's page, not an in-house site; nothing to add
  // when the product's whole pattern is granted anyway.
  const inProduct = new Map<string, ProductId>();
  for (const o of granted) {
    if (PRODUCT_PATTERNS.includes(o) || mapped.has(o)) continue;
    const product = productOfHost(patternHost(o));
    if (product) inProduct.set(o, product);
  }
  const wanted: WantedScript[] = [];
  for (const p of PRODUCTS) {
    const matches: string[] = PRODUCT_MATCHES[p].filter((m) => granted.has(m));
    for (const [origin, product] of mapped) if (product === p && granted.has(origin)) matches.push(origin);
    for (const [origin, product] of inProduct) if (product === p && !matches.some((m) => covers(m, patternHost(origin)))) matches.push(origin);
    if (matches.length) wanted.push({ id: `holdfast-${p}`, js: [scriptFile(p)], matches });
  }
  const custom = [...granted].filter((o) => !PRODUCT_PATTERNS.includes(o) && !mapped.has(o) && !inProduct.has(o) && !API_ONLY_ORIGINS.includes(o) && o !== 'https://*/*');
  if (custom.length) wanted.push({ id: 'holdfast-custom', js: [scriptFile('custom')], matches: custom });
  return wanted;
}
