import { PRODUCT_PATTERNS } from '@/lib/sites/hosts';

/** What the first-run checklist reads from the browser and the database. */
export interface SetupFacts {
  /** Host patterns the browser has granted (permissions.getAll). */
  granted: readonly string[];
  /** The rep using this browser, as stored (undefined before the profile exists). */
  me: { name: string; email?: string } | undefined;
  customers: number;
}

export interface SetupState {
  sites: boolean;
  profile: boolean;
  customers: boolean;
  /** How many of the three are done. */
  done: number;
  complete: boolean;
}

/**
 * The three first-run steps, each ticked from real state rather than from having clicked
 * something: a site Holdfast can run on is granted (a product, or an in-house CRM added by
 * address); the profile names the rep with a name and a work email (the email is what the
 * form adds to the default profile, and what the CRM's owner columns are matched on); and
 * at least one customer is stored.
 */
export function setupState(f: SetupFacts): SetupState {
  const sites = f.granted.some((o) => PRODUCT_PATTERNS.includes(o) || (o.startsWith('https://') && o !== 'https://*/*'));
  const profile = Boolean(f.me && f.me.name.trim() && f.me.email?.trim());
  const customers = f.customers > 0;
  const done = [sites, profile, customers].filter(Boolean).length;
  return { sites, profile, customers, done, complete: done === 3 };
}
