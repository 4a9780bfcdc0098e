/**
 * The CRM's own words for "new or existing business?" and "prospect or customer?", read from
 * the values exports write (see columns.ts for where each comes from). Unknown values give
 * `undefined`: the import then falls back to what history says rather than guessing.
 */
import type { DealType } from '../model/revenue';

/** Existing business first: "Existing Customer - New Product" is existing business. */
const EXISTING = /exist|renew|upgrade|upsell|up-sell|cross|add-?on|expan|downgrade|replace|老|续|增购|复购|加购|扩容|升级|二次/;
const NEW = /\bnew|^new|newbusiness|new_business|新|首单|首次/;

export function parseDealType(raw: string): DealType | undefined {
  const v = raw.trim().toLowerCase();
  if (!v) return undefined;
  if (EXISTING.test(v)) return 'existing_business';
  if (NEW.test(v)) return 'new_business';
  return undefined;
}

/**
 * True for a prospect (Salesforce Type "Prospect"; HubSpot lifecycle stages before Customer;
 * 潜在客户, 线索, 意向客户, 商机), false for a customer, undefined when the value says neither
 * (a partner, "Other", an empty cell).
 */
export function parseProspect(raw: string): boolean | undefined {
  const v = raw.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
  if (!v) return undefined;
  if (/prospect|\blead\b|qualified|opportunit|subscriber|潜在|线索|意向|商机|未成交/.test(v)) return true;
  if (/customer|client|evangelist|成交|正式|签约|客户/.test(v)) return false;
  return undefined;
}
