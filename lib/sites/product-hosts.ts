/**
 * Company hosts mapped to a known product (Options → Sites → "Company hosts of a known
 * product"), kept in `storage.local` under PRODUCT_HOSTS_KEY. The host's access is an
 * optional permission like any in-house site; the mapping only says which product's script
 * the background registers there (entrypoints/background/registration.ts) instead of the
 * generic, teachable one. Everything read back is parsed: storage is not trusted to hold
 * what we wrote (another version, a hand edit).
 */
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { COMPANY_HOST_PRODUCTS } from './company-host';

export const PRODUCT_HOSTS_KEY = 'productHosts';
const MAX_HOSTS = 100;

export const ProductHost = z.object({
  product: z.enum(COMPANY_HOST_PRODUCTS),
  origin: z.string().check(z.regex(/^https:\/\/[a-z0-9.-]{1,253}(?::\d{1,5})?\/\*$/)),
});
export type ProductHost = z.infer<typeof ProductHost>;

/** The stored mappings that parse, one per origin (the first wins); anything else is dropped. */
export function productHostsFrom(stored: unknown): ProductHost[] {
  if (!Array.isArray(stored)) return [];
  const out: ProductHost[] = [];
  for (const item of stored.slice(0, MAX_HOSTS)) {
    const parsed = z.safeParse(ProductHost, item);
    if (parsed.success && !out.some((h) => h.origin === parsed.data.origin)) out.push(parsed.data);
  }
  return out;
}

export async function readProductHosts(): Promise<ProductHost[]> {
  const got = await browser.storage.local.get(PRODUCT_HOSTS_KEY);
  return productHostsFrom(got[PRODUCT_HOSTS_KEY]);
}

/** Map `origin` to `product` (replacing an earlier mapping of the same origin). */
export async function addProductHost(host: ProductHost): Promise<void> {
  const parsed = z.parse(ProductHost, host);
  const rest = (await readProductHosts()).filter((h) => h.origin !== parsed.origin);
  await browser.storage.local.set({ [PRODUCT_HOSTS_KEY]: [...rest, parsed].slice(-MAX_HOSTS) });
}

export async function removeProductHost(origin: string): Promise<void> {
  const all = await readProductHosts();
  await browser.storage.local.set({ [PRODUCT_HOSTS_KEY]: all.filter((h) => h.origin !== origin) });
}
