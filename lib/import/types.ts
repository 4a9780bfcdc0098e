/** Shared shapes of the CSV import: plain data, no browser APIs. */
import type { DealType } from '../model/revenue';

export type ImportKind = 'accounts' | 'deals';

/** Where a file came from. `generic` is any other CSV: no CRM references are kept. */
export type SourceId = 'salesforce' | 'hubspot' | 'pipedrive' | 'fxiaoke' | 'xiaoshouyi' | 'generic';
export const SOURCES: readonly SourceId[] = ['salesforce', 'hubspot', 'pipedrive', 'fxiaoke', 'xiaoshouyi', 'generic'];

/** Sources whose exports are Chinese: their amounts are yuan unless a row says otherwise. */
export const CNY_SOURCES: readonly SourceId[] = ['fxiaoke', 'xiaoshouyi'];

export const ACCOUNT_FIELDS = ['recordId', 'name', 'website', 'customerSince', 'createdDate', 'renewalDate', 'owner', 'accountType'] as const;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];

export const DEAL_FIELDS = [
  'recordId', 'title', 'accountId', 'accountName', 'accountDomain', 'amount', 'lineAmount', 'currency', 'date', 'stage', 'dealType', 'product',
] as const;
export type DealField = (typeof DEAL_FIELDS)[number];

export type TargetField = AccountField | DealField;

export function fieldsOf(kind: ImportKind): readonly TargetField[] {
  return kind === 'accounts' ? ACCOUNT_FIELDS : DEAL_FIELDS;
}

/** Target field → column index in the file (absent: not imported). */
export type Mapping = Partial<Record<TargetField, number>>;

/** How slash dates such as 03/04/2021 are read. `auto` decides from the whole column. */
export type DateOrder = 'auto' | 'mdy' | 'dmy';

/** A parsed CSV: the header row and the data rows, cells as text. */
export interface Table {
  headers: string[];
  rows: string[][];
  /**
   * Each row's number in the spreadsheet, where it is not its index + 2 (an .xlsx with a title
   * above the header, or empty rows skipped), so reports name the row the user sees in Excel.
   */
  rowNumbers?: number[];
}

/**
 * Why a row was rejected or skipped. A code plus values, so the UI words it in the reader's
 * language (components/import/reasons.ts) and tests compare codes, not sentences.
 */
export type ReasonCode =
  | 'missing_value'
  | 'bad_date'
  | 'bad_amount'
  | 'too_many_decimals'
  | 'bad_currency'
  | 'currency_mismatch'
  | 'no_currency'
  | 'not_won'
  | 'duplicate_record'
  | 'repeated_deal'
  | 'unknown_account'
  | 'invalid_record';

export interface RowIssue {
  /** The row as a spreadsheet numbers it: the header is row 1, the first data row is row 2. */
  row: number;
  /** The file's column header, when one column is at fault. */
  column?: string;
  code: ReasonCode;
  /** The offending value and other details, in the order the message's $2… expect. */
  params: string[];
}

/** File-level notes that do not reject a row. */
export type WarningCode = 'ambiguous_dates' | 'conflicting_dates' | 'no_stage_column' | 'owners_unmatched';
export interface ImportWarning {
  code: WarningCode;
  params: string[];
}

export interface AccountDraft {
  row: number;
  recordId?: string;
  name: string;
  domains: string[];
  customerSince?: string;
  /** Where customerSince came from: the CRM's customer-since column, or (chosen) its created date. */
  sinceSource?: 'crm' | 'crm_created';
  /** The CRM's type or lifecycle stage says prospect; false when it says customer. */
  prospect?: boolean;
  renewalDate?: string;
  owner?: string;
}

export interface DealDraft {
  row: number;
  recordId?: string;
  title?: string;
  account: { id?: string; name?: string; domain?: string };
  date: string;
  /** Integer minor units of `currency`. */
  amount: number;
  currency: string;
  product: string;
  /** The CRM's new vs existing business, when the file says. */
  dealType?: DealType;
  /**
   * One product line of a deal exported once per product (Salesforce "Opportunities with
   * Products"): which line of the deal, so each line is its own revenue line.
   */
  lineKey?: string;
}

/** What the user chose in the mapping step. */
export interface ImportSpec {
  kind: ImportKind;
  source: SourceId;
  mapping: Mapping;
  dateOrder: DateOrder;
  /** Used for rows without a currency column or value; empty = such rows are rejected. */
  defaultCurrency: string;
  /** The CRM instance (Salesforce My Domain, HubSpot portal id, Pipedrive subdomain). */
  tenant?: string;
  /**
   * Accounts: where no customer-since column has a value, use the record's created date (the
   * day someone typed the account in). Off unless the user chooses it; such dates are labelled.
   */
  sinceFromCreated?: boolean;
}
