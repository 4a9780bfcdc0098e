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
 * - Fxiaoke 纷享销客: list exports (导出) write each field's label. Labels and API names per the
 *   object descriptions developers publish for its OpenAPI: AccountObj 客户名称 (name), 客户编号
 *   (account_no), 负责人 (owner), 创建时间 (create_time), 成交状态 (deal_status: 未成交 / 已成交 /
 *   多次成交), 最后一次成交时间 (last_deal_closed_time), 网址 (url), 客户来源; NewOpportunityObj
 *   商机名称, 客户名称 (account_id's label), 商机金额 (amount), 结单日期 (close_date), 商机阶段
 *   (sales_stage), 阶段状态 (sales_status: 进行中 / 赢单 / 输单 / 无效). 销售类型 (新客户 /
 *   老客户) and 产品名称 are common custom fields, so they are aliases, not signatures.
 * - Xiaoshouyi 销售易: exports write labels of the API fields accountName 客户名称, ownerId 所有人,
 *   createdAt 创建日期; opportunity opportunityName 机会名称 (销售机会名称 in older tenants),
 *   money 销售金额, closeDate 结单日期, saleStageId 销售阶段 (final stages 赢单 / 输单),
 *   opportunityType 机会类型, winRate 赢率. The labels are an assumption from the API field names;
 *   the exact export header was not seen in a public source.
 * - Other Chinese sheets (Excel kept by hand, 金蝶/用友 reports): the common words — 金额,
 *   成交金额, 合同金额, 成交日期, 签约日期, 客户名称 — in the generic dictionary.
 * Headers compare case-, space-, width- and BOM-insensitively (see `normHeader`), and a unit in
 * brackets ("金额（元）", "合同金额(万元)") is not part of the name (see `headerUnit`).
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
  fxiaoke: {
    accounts: {
      recordId: ['客户编号', '客户ID'],
      name: ['客户名称', '客户全称'],
      website: ['网址', '公司网址', '官网'],
      customerSince: ['首次成交时间', '首次成交日期', '成为客户日期'],
      createdDate: ['创建时间'],
      renewalDate: ['到期时间', '到期日期', '续约日期'],
      owner: ['负责人'],
      accountType: ['成交状态', '客户状态'],
    },
    deals: {
      recordId: ['商机编号', '商机ID'],
      title: ['商机名称'],
      accountId: ['客户编号'],
      accountName: ['客户名称'],
      accountDomain: ['网址'],
      amount: ['商机金额', '成交金额', '合同金额', '金额'],
      lineAmount: ['产品金额', '小计'],
      currency: ['币种', '货币'],
      date: ['结单日期', '赢单日期', '成交日期', '签约日期'],
      stage: ['阶段状态', '商机阶段', '销售阶段'],
      dealType: ['销售类型', '商机类型', '新老客户'],
      product: ['产品名称', '产品'],
    },
  },
  xiaoshouyi: {
    accounts: {
      recordId: ['客户编号', '客户ID'],
      name: ['客户名称'],
      website: ['网址', '公司网址'],
      customerSince: ['首次成交日期', '成为客户日期'],
      createdDate: ['创建日期', '创建时间'],
      renewalDate: ['到期日期', '续约日期'],
      owner: ['所有人', '负责人'],
      accountType: ['客户状态', '客户类型', '成交状态'],
    },
    deals: {
      recordId: ['机会编号', '机会ID'],
      title: ['机会名称', '销售机会名称'],
      accountId: ['客户编号'],
      accountName: ['客户名称'],
      accountDomain: ['网址'],
      amount: ['销售金额', '成交金额', '合同金额', '金额'],
      lineAmount: ['产品金额', '小计'],
      currency: ['币种', '货币'],
      date: ['结单日期', '赢单日期', '成交日期', '签约日期'],
      stage: ['销售阶段', '阶段', '状态'],
      dealType: ['机会类型', '销售类型', '新老客户'],
      product: ['产品名称', '产品'],
    },
  },
  // Anything else: the obvious English names (and Chinese ones), so a hand-made sheet maps itself.
  generic: {
    accounts: {
      recordId: ['ID', 'Account ID', 'Customer ID', '客户编号'],
      name: ['Name', 'Company', 'Company Name', 'Customer', 'Account', '客户名称', '公司名称', '客户'],
      website: ['Domain', 'Website', 'URL', '网址', '域名'],
      customerSince: ['Customer Since', 'Since', '成为客户日期', '成交日期', '首次成交日期'],
      createdDate: ['Created', 'Created Date', '创建时间', '创建日期'],
      renewalDate: ['Renewal Date', 'Renewal', '续约日期', '到期日期'],
      owner: ['Owner', 'Rep', '负责人', '所有人', '销售'],
      accountType: ['Type', 'Status', 'Lifecycle Stage', '客户状态', '客户阶段', '客户类型'],
    },
    deals: {
      recordId: ['ID', 'Deal ID'],
      title: ['Title', 'Deal', 'Name'],
      accountId: ['Account ID', 'Customer ID', 'Company ID', '客户编号'],
      accountName: ['Account', 'Customer', 'Company', '客户名称', '客户', '公司名称'],
      accountDomain: ['Domain', 'Website', '网址'],
      amount: ['Amount', 'Value', 'Revenue', '金额', '成交金额', '合同金额', '订单金额'],
      lineAmount: ['Line Amount', 'Total Price', '产品金额', '小计'],
      currency: ['Currency', '币种', '货币'],
      date: ['Date', 'Close Date', 'Closed', '成交日期', '签约日期'],
      stage: ['Stage', 'Status', '阶段', '商机阶段', '阶段状态', '销售阶段'],
      dealType: ['Deal Type', 'Type', '新老客户', '销售类型', '商机类型', '业务类型'],
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
  fxiaoke: /^(商机名称|商机金额|阶段状态|成交状态|最后一次成交时间|负责人主属部门|客户级别)$/,
  xiaoshouyi: /^(机会名称|销售机会名称|销售金额|所有人|赢率|机会类型)$/,
};

/** The units a header may name in brackets, as written (case aside). */
const UNITS = '万元|万|亿元|亿|元|人民币|rmb|cny';
const HEADER_UNIT = new RegExp(`\\(\\s*(${UNITS})\\s*\\)\\s*$`, 'i');
const TRAILING_UNIT = new RegExp(`\\s*\\((?:${UNITS})\\)$`);

/**
 * The unit a header names in brackets: "金额（元）" → 元, "合同金额(万元)" → 万元. Chinese sheets
 * often put it there instead of in each cell; the amounts are read as if each cell said it.
 */
export function headerUnit(header: string): string | undefined {
  // NFKC turns full-width brackets into ASCII ones.
  return HEADER_UNIT.exec(header.normalize('NFKC').trim())?.[1];
}

/** The comparable form of a header: no BOM or quotes, lower case, single spaces. */
export function normHeader(header: string): string {
  const h = header.replace(/^\uFEFF/, '').trim().replace(/^"|"$/g, '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  // A required-field star ("*客户名称", as import templates mark them) and a bracketed unit are not the name.
  return h.replace(/^\*\s*/, '').replace(TRAILING_UNIT, '');
}

/** The alias list of a field, already normalised. */
export function aliasesOf(source: SourceId, kind: ImportKind, field: TargetField): string[] {
  const dict = COLUMNS[source][kind] as Partial<Record<TargetField, string[]>>;
  return (dict[field] ?? []).map(normHeader);
}
