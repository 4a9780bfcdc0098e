/**
 * A known product on a company's own host: Dynamics 365 on premises (`https://crm.corp.cn/
 * <Org>/main.aspx?…`), Exchange's Outlook on the web (`https://mail.corp.cn/owa/…`). The user
 * maps the host to the product in Options → Sites (lib/sites/product-hosts.ts); the background
 * then registers that product's content script there, and this wrapper lets the product's
 * adapter read the page: the address is read as if on a product host (the stand-in), the
 * tenant is the company host.
 *
 * Small on purpose: it is part of those products' content scripts.
 */
import type { SiteAdapter } from './types';

/** Products a user may map a company host to, and the product host their addresses are read as. */
export const COMPANY_HOST_STAND_INS = {
  // Any org host: the adapter reads main.aspx wherever it sits (on premises: /<Org>/main.aspx).
  dynamics: 'onpremises.crm.dynamics.com',
  // OWA's own paths (/owa/?ItemID=…, /owa/#path=/mail) are read by the Outlook adapter.
  outlook: 'outlook.office.com',
} as const;

export type CompanyHostProduct = keyof typeof COMPANY_HOST_STAND_INS;
export const COMPANY_HOST_PRODUCTS = Object.keys(COMPANY_HOST_STAND_INS) as [CompanyHostProduct, ...CompanyHostProduct[]];

/**
 * `adapter` on a company host. It claims every address, so it must come after the product's
 * own adapter (which claims the product's hosts): the script runs only on the product's hosts
 * and on hosts the user mapped to it, so every other address it sees is a mapped one.
 */
export function onCompanyHost(adapter: SiteAdapter, standIn: string): SiteAdapter {
  return {
    id: adapter.id,
    ...(adapter.watch ? { watch: adapter.watch } : {}),
    matches: () => true,
    detect(url, doc) {
      const read = new URL(url.href);
      read.hostname = standIn;
      read.port = '';
      const found = adapter.detect(read, doc);
      return found && { ...found, tenant: url.hostname };
    },
  };
}
