/**
 * What a CRM's API says, as the CSV import's drafts (lib/import/types.ts), so a live sync and
 * a file go through the very same write path (lib/db/import-writes.ts) and the same rules:
 * matching by CRM reference, domain, name; owners by email; deal types as hints. Pure.
 */
import { UNSPECIFIED_PRODUCT } from '../import/convert';
import { parseDealType } from '../import/crm-values';
import { currencyExponent, normaliseCurrency } from '../import/money';
import type { AccountDraft, DealDraft } from '../import/types';
import { normaliseDomain } from '../sites/dom';
import type { CrmAccount, CrmDeal } from './types';

/**
 * Major units as the API gave them (a JSON number) → integer minor units, exactly: the
 * number's shortest decimal spelling is shifted as text, never multiplied as a float
 * (0.29 * 100 is 28.999…). Digits beyond the currency's exponent are rounded half away from
 * zero (an API's computed totals may carry them). Undefined: not a finite amount that fits.
 */
export function minorUnits(amount: number, currency: string): number | undefined {
  if (!Number.isFinite(amount)) return undefined;
  const exp = currencyExponent(currency);
  // Shortest round-trip spelling ("12500.5"); exponent notation only for |x| < 1e-6 or ≥ 1e21.
  let text = String(Math.abs(amount));
  if (/e/i.test(text)) {
    if (Math.abs(amount) >= 1e21) return undefined;
    text = Math.abs(amount).toFixed(Math.min(100, exp + 1));
  }
  const [whole = '0', frac = ''] = text.split('.');
  const kept = (frac + '0'.repeat(exp)).slice(0, exp);
  let minor = BigInt(whole + kept);
  const next = frac.charCodeAt(exp);
  if (!Number.isNaN(next) && next >= 53 /* '5' */) minor += 1n;
  const value = Number(amount < 0 ? -minor : minor);
  return Number.isSafeInteger(value) ? (Object.is(value, -0) ? 0 : value) : undefined;
}

function domainsOf(website: string | undefined): string[] {
  const out = new Set<string>();
  for (const part of (website ?? '').split(/[;,\s]+/)) {
    const d = normaliseDomain(part);
    if (d) out.add(d);
  }
  return [...out];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A CRM account as an account draft; `row` numbers it for the write report (1-based in its page). */
export function accountDraft(a: CrmAccount, row: number): AccountDraft {
  const draft: AccountDraft = { row, recordId: a.id, name: a.name.trim().slice(0, 200) || a.id, domains: domainsOf(a.website) };
  const owner = a.ownerEmail ?? a.ownerName;
  if (owner) draft.owner = owner;
  // Only the CRM's own customer-since field: a created date is not when they became a customer.
  if (a.customerSince && ISO_DATE.test(a.customerSince)) {
    draft.customerSince = a.customerSince;
    draft.sinceSource = 'crm';
  }
  if (a.prospect !== undefined) draft.prospect = a.prospect;
  return draft;
}

export interface DealDrafts {
  drafts: DealDraft[];
  /** Lines (or a line-less deal) whose amount could not be read exactly: left out, counted. */
  skipped: number;
}

/**
 * A won deal as revenue-line drafts: one per product line (its line id as `lineKey`, so each
 * line is its own revenue line and a removed line can be retired), or one with the deal's
 * amount when the deal has no lines. A deal with neither lines nor amount brings no revenue.
 */
export function dealDrafts(deal: CrmDeal, row: number, fallbackCurrency?: string): DealDrafts {
  const out: DealDrafts = { drafts: [], skipped: 0 };
  const currency = normaliseCurrency(deal.currency) ?? (fallbackCurrency ? normaliseCurrency(fallbackCurrency) : undefined);
  if (!currency || !ISO_DATE.test(deal.closeDate)) {
    out.skipped += Math.max(1, deal.lines.length);
    return out;
  }
  const account: DealDraft['account'] = {};
  if (deal.accountId) account.id = deal.accountId;
  const accountName = deal.accountName?.trim();
  if (accountName) account.name = accountName.slice(0, 200);
  if (!account.id && !account.name) account.name = (deal.name?.trim() || deal.id).slice(0, 200);
  const base: DealDraft = { row, recordId: deal.id, account, date: deal.closeDate, amount: 0, currency, product: UNSPECIFIED_PRODUCT };
  const title = deal.name?.trim();
  if (title) base.title = title;
  const dealType = deal.type ? parseDealType(deal.type) : undefined;
  if (dealType) base.dealType = dealType;

  if (!deal.lines.length) {
    const amount = deal.amount === undefined ? undefined : minorUnits(deal.amount, currency);
    if (amount === undefined) {
      if (deal.amount !== undefined) out.skipped++;
      return out;
    }
    out.drafts.push({ ...base, amount });
    return out;
  }
  for (const line of deal.lines) {
    const amount = minorUnits(line.amount, currency);
    if (amount === undefined) {
      out.skipped++;
      continue;
    }
    out.drafts.push({ ...base, amount, product: line.product.trim().slice(0, 200) || UNSPECIFIED_PRODUCT, lineKey: line.id });
  }
  return out;
}
