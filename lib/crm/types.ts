/**
 * Connect the CRM (issue 16): what every product's client reads, in CRM-neutral terms, before
 * lib/crm/drafts.ts turns it into the import's drafts and lib/db/import-writes.ts writes it
 * through the same path as a CSV. Plain data: no browser APIs, so clients run in Node tests
 * against the stand-ins (tests/crm-api/) exactly as in the background.
 */

export const CRM_PRODUCTS = ['salesforce', 'hubspot', 'pipedrive', 'dynamics'] as const;
export type CrmProduct = (typeof CRM_PRODUCTS)[number];

/** `fetch` injected: the background's own in the product, a stand-in's handler in tests. */
export type CrmFetch = (url: string, init: { method?: string; headers: Record<string, string>; body?: string; credentials?: RequestCredentials; signal?: AbortSignal }) => Promise<Response>;

/** An account (company, organization) as the CRM holds it. */
export interface CrmAccount {
  /** The CRM's record id, as the site adapters read it from record pages (Salesforce: 18 characters). */
  id: string;
  name: string;
  /** The website or domain field, raw (lib/import normalises it). */
  website?: string;
  /** The owner's email, so the owner maps to a rep (Holdfast reps are known by email). */
  ownerEmail?: string;
  /** The owner's name, for the "owner matches no rep" report when the email is unknown. */
  ownerName?: string;
  /** A "customer since" field of the CRM's own, when it has one (YYYY-MM-DD). */
  customerSince?: string;
  /** The CRM says prospect (true) or customer (false); absent: it says neither. */
  prospect?: boolean;
}

/** One product line of a won deal. */
export interface CrmLine {
  /** The line item's id, unique within its deal. */
  id: string;
  product: string;
  /** Major units, as the API gives it (12500.5); drafts.ts turns it into minor units exactly. */
  amount: number;
}

/** A won deal (opportunity) with its product lines. */
export interface CrmDeal {
  id: string;
  name?: string;
  accountId?: string;
  /** The account's name when the API gives it beside the id (matching by name when no id matches). */
  accountName?: string;
  /** The close date, YYYY-MM-DD. */
  closeDate: string;
  /** The deal's amount in major units: the revenue when it has no lines. */
  amount?: number;
  /** ISO 4217; the org's currency when the CRM is single-currency. */
  currency: string;
  /** The CRM's own new/existing business value, raw ("New Customer", "Existing Business"): a hint. */
  type?: string;
  lines: CrmLine[];
}

/** A record the CRM removed since the last read; `mergedInto` when it was merged into another. */
export interface CrmRemoval {
  id: string;
  mergedInto?: string;
}

/** One page of what changed, in the order a sync writes it: accounts before the deals that name them. */
export interface CrmPage {
  accounts: CrmAccount[];
  deals: CrmDeal[];
  /** Accounts deleted (or merged away) in the CRM. */
  removedAccounts: CrmRemoval[];
  /** Deals deleted, or no longer won (reopened, lost): their revenue leaves. */
  removedDeals: string[];
  /** Records this page carried, for the progress line (accounts + deals + lines + removals). */
  records: number;
  /** What is being read, for the progress line. */
  phase: 'accounts' | 'deals' | 'removals';
  /** Records still to read in this phase when the API says (Salesforce totalSize), for a bar. */
  totalInPhase?: number;
}

/** Who is connected to which instance: the check a connect makes before anything is read. */
export interface CrmIdentity {
  /**
   * The instance as the site adapters name it in CRM references (lib/import/tenant.ts):
   * Salesforce My Domain ("acme"), HubSpot portal id, Pipedrive subdomain, Dynamics org host.
   */
  tenant: string;
  /** The host the API is read from ("acme.my.salesforce.com", "api.hubapi.com"). */
  apiHost: string;
  userName?: string;
  userEmail?: string;
  /** The org's own currency, for deals that name none. */
  currency?: string;
}

export interface ReadOptions {
  /** Only what changed at or after this instant (ISO date-time); absent: everything. */
  since?: string;
  signal?: AbortSignal;
  /**
   * The record ids (accounts, deals) Holdfast holds from this connection, for a CRM that
   * cannot list what it deleted since a date (Dynamics: the client reads the ids that still
   * exist and reports the rest as removed). Absent: such a client reports no deletions.
   */
  known?: () => Promise<{ accounts: Iterable<string>; deals: Iterable<string> }>;
}

/**
 * A product's client. Read-only: it never writes to the CRM. Every failure is a CrmError
 * whose code says what the user should do (lib/crm/errors.ts).
 */
export interface CrmClient {
  readonly product: CrmProduct;
  whoAmI(signal?: AbortSignal): Promise<CrmIdentity>;
  /** Everything (or everything changed since `since`), accounts first, then deals, then removals. */
  read(o: ReadOptions): AsyncIterable<CrmPage>;
}
