/**
 * The column headers each CRM writes in its CSV exports, per target field, most specific
 * first (the first alias present in a file wins the proposal; the user can change it).
 *
 * Where the names come from (no live account was used; dated 2026-11):
 * - Salesforce: report "Export → Details only" writes field labels ("Account ID", "Account
 *   Name", "Created Date", "Account Owner"; opportunities "Opportunity ID", "Stage", "Close
 *   Date", "Amount", "Amount Currency" in multi-currency orgs, "Opportunity Currency" when the
 *   currency field is added as a column). Data Loader / weekly Data Export write API names
 *   ("Id", "Name", "CreatedDate", "StageName", "CloseDate", "CurrencyIsoCode", "IsWon"),
 *   which are listed as aliases. Labels per the Salesforce Object Reference (Account,
 *   Opportunity) and Salesforce Help "Export a Report".
 * - HubSpot: "Export" of a companies/deals view writes property labels ("Record ID", "Company
 *   name", "Company Domain Name", "Website URL", "Create Date", "Company owner", "Became a
 *   Customer Date"; deals "Deal Name", "Amount", "Close Date", "Deal Stage", "Currency",
 *   "Associated Company", newer portals "Associated Company IDs (Primary)"). Labels per
 *   HubSpot's default company and deal property lists in its knowledge base.
 * - Pipedrive: "Export data" prefixes each column with its entity ("Organization - Name",
 *   "Deal - Title", "Deal - Value", "Deal - Won time", "Deal - Status" open|won|lost|deleted).
 *   "Organization - Website" and "Organization - Organization created" are assumptions from
 *   Pipedrive's field list (website field, "add time" shown as "… created").
 * - Deal types: Salesforce Opportunity "Type" (picklist New Customer / Existing Customer -
 *   Upgrade / - Replacement / - Downgrade), HubSpot "Deal Type" (newbusiness / existingbusiness,
 *   labels "New Business" / "Existing Business"); Pipedrive has no standard field, so a custom
 *   one is mapped by the user. Salesforce "Opportunities with Products" reports add "Product
 *   Name", "Quantity", "Sales Price" and "Total Price" (the line's money) and repeat the
 *   opportunity's "Amount" on every product row. Customer since: HubSpot's "Became a Customer
 *   Date"; Salesforce and Pipedrive have none by default (a custom "Customer Since" is common),
 *   and their created dates are offered only as a labelled choice (ImportSpec.sinceFromCreated).
 * - Prospects: Salesforce Account "Type" (Prospect / Customer - Direct / Customer - Channel /
 *   partners), HubSpot "Lifecycle Stage" (Subscriber, Lead, Marketing Qualified Lead, Sales
 *   Qualified Lead, Opportunity, Customer, Evangelist, Other).
 * Headers compare case-, space- and BOM-insensitively (see `normHeader`).
 */
import type { AccountField, DealField, ImportKind, SourceId, TargetField } from './types';

type Dictionary = { accounts: Partial<Record<AccountField, string[]>>; deals: Partial<Record<DealField, string[]>> };

export const COLUMNS: Record<SourceId, Dictionary> = {
  salesforce: {
    accounts: {
      recordId: ['Account ID', 'Id'],
      name: ['Account Name', 'Name'],
      website: ['Website'],
      customerSince: ['Customer Since', 'Customer Since Date'],
      createdDate: ['Created Date', 'CreatedDate'],
      renewalDate: ['Renewal Date', 'Contract End Date'],
      owner: ['Account Owner', 'Owner Name', 'OwnerId'],
      accountType: ['Type', 'Account Type'],
    },
    deals: {
      recordId: ['Opportunity ID', 'Id'],
      title: ['Opportunity Name', 'Name'],
      accountId: ['Account ID', 'AccountId'],
      accountName: ['Account Name'],
      accountDomain: ['Website'],
      amount: ['Amount'],
      lineAmount: ['Total Price', 'TotalPrice'],
      currency: ['Opportunity Currency', 'Amount Currency', 'CurrencyIsoCode'],
      date: ['Close Date', 'CloseDate'],
      stage: ['Stage', 'StageName', 'Won', 'IsWon'],
      dealType: ['Type', 'Opportunity Type'],
      product: ['Product Name', 'Product', 'Product2.Name'],
    },
  },
  hubspot: {
    accounts: {
      recordId: ['Record ID', 'Company ID'],
      name: ['Company name', 'Name'],
      website: ['Company Domain Name', 'Website URL'],
      customerSince: ['Became a Customer Date'],
      createdDate: ['Create Date'],
      renewalDate: ['Renewal Date', 'Contract End Date'],
      owner: ['Company owner', 'HubSpot Owner'],
      accountType: ['Lifecycle Stage', 'Type'],
    },
    deals: {
      recordId: ['Record ID', 'Deal ID'],
      title: ['Deal Name'],
      accountId: ['Associated Company IDs (Primary)', 'Associated Company IDs', 'Associated Company ID'],
      accountName: ['Associated Company (Primary)', 'Associated Company'],
      accountDomain: ['Company Domain Name'],
      amount: ['Amount', 'Amount in company currency'],
      currency: ['Currency', 'Deal currency code'],
      date: ['Close Date'],
      stage: ['Deal Stage', 'Is Closed Won'],
      dealType: ['Deal Type', 'dealtype'],
      product: ['Product', 'Product Name'],
    },
  },
  pipedrive: {
    accounts: {
      recordId: ['Organization - ID'],
      name: ['Organization - Name'],
      website: ['Organization - Website'],
      createdDate: ['Organization - Organization created', 'Organization - Add time'],
      owner: ['Organization - Owner'],
    },
    deals: {
      recordId: ['Deal - ID'],
      title: ['Deal - Title'],
      accountId: ['Organization - ID', 'Deal - Organization ID'],
      accountName: ['Deal - Organization', 'Organization - Name'],
      accountDomain: ['Organization - Website'],
      amount: ['Deal - Value'],
      currency: ['Deal - Currency'],
      date: ['Deal - Won time', 'Deal - Expected close date', 'Deal - Close time'],
      stage: ['Deal - Status'],
      // No standard field: a custom one the user maps (or names so).
      dealType: ['Deal - Deal type', 'Deal - Type', 'Deal - New or existing'],
      product: ['Deal - Product name', 'Deal - Products'],
    },
  },
  // Anything else: the obvious English names, so a hand-made sheet maps itself.
  generic: {
    accounts: {
      recordId: ['ID', 'Account ID', 'Customer ID'],
      name: ['Name', 'Company', 'Company Name', 'Customer', 'Account'],
      website: ['Domain', 'Website', 'URL'],
      customerSince: ['Customer Since', 'Since', '成为客户日期', '成交日期', '首次成交日期'],
      createdDate: ['Created', 'Created Date', '创建时间', '创建日期'],
      renewalDate: ['Renewal Date', 'Renewal', '续约日期', '到期日期'],
      owner: ['Owner', 'Rep', '负责人', '所有人'],
      accountType: ['Type', 'Status', 'Lifecycle Stage', '客户状态', '客户阶段', '客户类型'],
    },
    deals: {
      recordId: ['ID', 'Deal ID'],
      title: ['Title', 'Deal', 'Name'],
      accountId: ['Account ID', 'Customer ID', 'Company ID'],
      accountName: ['Account', 'Customer', 'Company'],
      accountDomain: ['Domain', 'Website'],
      amount: ['Amount', 'Value', 'Revenue', '金额', '成交金额'],
      lineAmount: ['Line Amount', 'Total Price', '产品金额', '小计'],
      currency: ['Currency', '币种', '货币'],
      date: ['Date', 'Close Date', 'Closed', '成交日期', '签约日期'],
      stage: ['Stage', 'Status', '阶段', '商机阶段'],
      dealType: ['Deal Type', 'Type', '新老客户', '商机类型', '业务类型'],
      product: ['Product', '产品', '产品名称'],
    },
  },
};

/**
 * Headers that only one CRM writes: a file showing one of them is from that CRM whatever
 * else matches. (Generic names like "Name" or "Amount" prove nothing.)
 */
export const SIGNATURES: Record<Exclude<SourceId, 'generic'>, RegExp> = {
  salesforce: /^(account id|account name|account owner|opportunity id|opportunity name|stagename|closedate|currencyisocode)$/,
  hubspot: /^(record id|company name|company domain name|deal name|deal stage|associated company.*|company owner|became a customer date)$/,
  pipedrive: /^(organization|deal|person) - /,
};

/** The comparable form of a header: no BOM or quotes, lower case, single spaces. */
export function normHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().replace(/^"|"$/g, '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The alias list of a field, already normalised. */
export function aliasesOf(source: SourceId, kind: ImportKind, field: TargetField): string[] {
  const dict = COLUMNS[source][kind] as Partial<Record<TargetField, string[]>>;
  return (dict[field] ?? []).map(normHeader);
}
