/**
 * CSV rows → drafts of customers and revenue lines, each bad row turned into a reason
 * instead of an exception, so the good rows of the same file still import.
 */
import { normaliseDomain } from '../sites/dom';
import { salesforceId18 } from '../sites/salesforce';
import { productKey } from '../tenure/classify';
import { headerUnit } from './columns';
import { parseDealType, parseProspect } from './crm-values';
import { decideDateOrder, parseDate } from './dates';
import { currencyExponent, normaliseCurrency, parseMoney } from './money';
import type {
  AccountDraft, DealDraft, ImportSpec, ImportWarning, Mapping, RowIssue, Table, TargetField,
} from './types';

/** The product of a revenue line whose file names none (classification needs one). */
export const UNSPECIFIED_PRODUCT = 'Unspecified';

const DATE_FIELDS = ['customerSince', 'createdDate', 'renewalDate', 'date'] as const;
type DateField = (typeof DATE_FIELDS)[number];

/** What is decided once per file before rows are read: how each date column is ordered. */
export interface Prepared {
  spec: ImportSpec;
  headers: string[];
  rowNumbers?: number[];
  orders: Partial<Record<DateField, 'mdy' | 'dmy'>>;
  warnings: ImportWarning[];
}

export type RowOutcome<T> = { draft: T } | { rejected: RowIssue } | { skipped: RowIssue };

export function prepare(table: Table, spec: ImportSpec): Prepared {
  const warnings: ImportWarning[] = [];
  const orders: Prepared['orders'] = {};
  for (const field of DATE_FIELDS) {
    const col = spec.mapping[field];
    if (col === undefined) continue;
    if (spec.dateOrder !== 'auto') {
      orders[field] = spec.dateOrder;
      continue;
    }
    const decision = decideDateOrder(table.rows.map((r) => r[col] ?? ''));
    orders[field] = decision.order;
    const header = table.headers[col] ?? '';
    if (decision.conflicting) warnings.push({ code: 'conflicting_dates', params: [header] });
    else if (decision.ambiguous) warnings.push({ code: 'ambiguous_dates', params: [header, decision.example ?? ''] });
  }
  if (spec.kind === 'deals' && spec.mapping.stage === undefined) warnings.push({ code: 'no_stage_column', params: [] });
  return { spec, headers: table.headers, ...(table.rowNumbers ? { rowNumbers: table.rowNumbers } : {}), orders, warnings };
}

/** Row number as a spreadsheet shows it: the header is row 1 unless the sheet says otherwise. */
export const rowNumber = (index: number, numbers?: number[]) => numbers?.[index] ?? index + 2;

class Reader {
  constructor(
    private readonly p: Prepared,
    private readonly cells: string[],
    readonly row: number,
  ) {}

  text(field: TargetField): string {
    const col = (this.p.spec.mapping as Mapping)[field];
    return col === undefined ? '' : (this.cells[col] ?? '').trim();
  }

  header(field: TargetField): string | undefined {
    const col = (this.p.spec.mapping as Mapping)[field];
    return col === undefined ? undefined : this.p.headers[col];
  }

  issue(field: TargetField | undefined, code: RowIssue['code'], params: string[] = []): RowIssue {
    const column = field ? this.header(field) : undefined;
    return { row: this.row, ...(column !== undefined ? { column } : {}), code, params };
  }

  /** An ISO date, undefined when empty, or the reason it is not one. */
  date(field: DateField): { value?: string } | { issue: RowIssue } {
    const raw = this.text(field);
    if (!raw) return {};
    const value = parseDate(raw, this.p.orders[field] ?? 'mdy');
    return value ? { value } : { issue: this.issue(field, 'bad_date', [raw]) };
  }
}

/** The record id as the site adapters write it, so page and import agree. */
function recordIdOf(source: ImportSpec['source'], raw: string): string | undefined {
  const id = raw.split(/[;,]/)[0]?.trim();
  if (!id) return undefined;
  return source === 'salesforce' && /^[a-zA-Z0-9]{15}$/.test(id) ? salesforceId18(id) : id;
}

function domainsOf(raw: string): string[] {
  const out = new Set<string>();
  for (const part of raw.split(/[;,\s]+/)) {
    const d = normaliseDomain(part);
    if (d) out.add(d);
  }
  return [...out];
}

export function convertAccount(p: Prepared, cells: string[], index: number): RowOutcome<AccountDraft> {
  const r = new Reader(p, cells, rowNumber(index, p.rowNumbers));
  const name = r.text('name');
  if (!name) return { rejected: r.issue('name', 'missing_value') };
  if (name.length > 200) return { rejected: r.issue('name', 'invalid_record', ['> 200']) };
  const since = r.date('customerSince');
  if ('issue' in since) return { rejected: since.issue };
  const renewal = r.date('renewalDate');
  if ('issue' in renewal) return { rejected: renewal.issue };
  const draft: AccountDraft = { row: r.row, name, domains: domainsOf(r.text('website')) };
  const recordId = recordIdOf(p.spec.source, r.text('recordId'));
  if (recordId) draft.recordId = recordId;
  if (since.value) {
    draft.customerSince = since.value;
    draft.sinceSource = 'crm';
  } else if (p.spec.sinceFromCreated) {
    // Only when the user chose it: the day the record was typed in, labelled as such.
    const created = r.date('createdDate');
    if ('issue' in created) return { rejected: created.issue };
    if (created.value) {
      draft.customerSince = created.value;
      draft.sinceSource = 'crm_created';
    }
  }
  const prospect = parseProspect(r.text('accountType'));
  if (prospect !== undefined) draft.prospect = prospect;
  if (renewal.value) draft.renewalDate = renewal.value;
  const owner = r.text('owner');
  if (owner) draft.owner = owner;
  return { draft };
}

/**
 * Won deals only: Salesforce "Closed Won", HubSpot "Closed Won" (or a renamed "Won …"
 * stage), Pipedrive status "won", or a true IsWon/"Is Closed Won" flag. Open and lost deals
 * are not revenue.
 */
export function isWon(stage: string): boolean {
  const s = stage.trim().toLowerCase();
  if (['true', '1', 'yes', '是'].includes(s)) return true;
  // Fxiaoke 阶段状态 / Xiaoshouyi 销售阶段: 赢单 (won), 输单 (lost), 进行中, 无效; 已成交 in hand-kept sheets.
  if (/赢单|已成交|^成交$/.test(s)) return !/输|未|丢/.test(s);
  // HubSpot's internal stage value, written when a view exports raw values.
  if (s === 'closedwon') return true;
  return /\bwon\b/.test(s) && !/\b(lost|not)\b/.test(s);
}

/** "12.5" under a header "合同金额（万元）" reads as "12.5万元"; a cell with its own unit keeps it. */
function withHeaderUnit(cell: string, header: string | undefined): string {
  const unit = header ? headerUnit(header) : undefined;
  if (!unit || /[元万亿¥￥]|[a-z]{3}/i.test(cell)) return cell;
  return /^(人民币|rmb|cny)$/i.test(unit) ? `${cell}元` : `${cell}${unit}`;
}

export function convertDeal(p: Prepared, cells: string[], index: number): RowOutcome<DealDraft> {
  const r = new Reader(p, cells, rowNumber(index, p.rowNumbers));
  if (p.spec.mapping.stage !== undefined) {
    const stage = r.text('stage');
    if (!isWon(stage)) return { skipped: r.issue('stage', 'not_won', [stage]) };
  }
  // A product row of a deal (Salesforce "Opportunities with Products"): its own money is the
  // line's total; the deal's Amount, repeated on every row, is used only for a row without one.
  const lineAmount = r.text('lineAmount');
  const amountField = lineAmount ? 'lineAmount' : 'amount';
  const cellAmount = lineAmount || r.text('amount');
  if (!cellAmount) return { rejected: r.issue('amount', 'missing_value') };
  const rawAmount = withHeaderUnit(cellAmount, r.header(amountField));

  const rawCurrency = r.text('currency');
  let currency = rawCurrency ? normaliseCurrency(rawCurrency) : undefined;
  if (rawCurrency && !currency) return { rejected: r.issue('currency', 'bad_currency', [rawCurrency]) };

  const money = parseMoney(rawAmount, currency ?? (p.spec.defaultCurrency || undefined));
  if (!money.ok) {
    const cur = currency ?? p.spec.defaultCurrency;
    const params = money.code === 'too_many_decimals' ? [rawAmount, cur, String(currencyExponent(cur))] : [rawAmount];
    return { rejected: r.issue(amountField, money.code, params) };
  }
  if (money.code && currency && money.code !== currency) {
    return { rejected: r.issue(amountField, 'currency_mismatch', [money.code, currency]) };
  }
  currency ??= money.code ?? normaliseCurrency(p.spec.defaultCurrency);
  if (!currency) return { rejected: r.issue('currency', 'no_currency') };

  const date = r.date('date');
  if ('issue' in date) return { rejected: date.issue };
  if (!date.value) return { rejected: r.issue('date', 'missing_value') };

  const account: DealDraft['account'] = {};
  const accountId = recordIdOf(p.spec.source, r.text('accountId'));
  const accountName = r.text('accountName').split(';')[0]?.trim();
  const accountDomain = domainsOf(r.text('accountDomain'))[0];
  if (accountId) account.id = accountId;
  if (accountName) account.name = accountName;
  if (accountDomain) account.domain = accountDomain;
  if (!accountId && !accountName && !accountDomain) {
    const field = p.spec.mapping.accountId !== undefined ? 'accountId' : p.spec.mapping.accountName !== undefined ? 'accountName' : 'accountDomain';
    return { rejected: r.issue(field, 'missing_value') };
  }

  const product = (r.text('product') || UNSPECIFIED_PRODUCT).slice(0, 200);
  const draft: DealDraft = { row: r.row, account, date: date.value, amount: money.minor, currency, product };
  const recordId = recordIdOf(p.spec.source, r.text('recordId'));
  if (recordId) draft.recordId = recordId;
  const title = r.text('title');
  if (title) draft.title = title;
  const dealType = parseDealType(r.text('dealType'));
  if (dealType) draft.dealType = dealType;
  if (lineAmount) draft.lineKey = productKey(product);
  return { draft };
}

export interface Converted<T> {
  drafts: T[];
  rejected: RowIssue[];
  skipped: RowIssue[];
  warnings: ImportWarning[];
}

/**
 * Every row of a file. A record id seen twice in one file is refused the second time (the
 * export is broken or two files were pasted together); the first occurrence imports. Deals
 * exported once per product are the exception: with a line-amount column each product row is
 * its own line (numbered per product, so re-imports find it again); without one, further rows
 * of the same deal with the same amount are the deal repeated and are skipped, so its money
 * counts once.
 */
export function convertTable<K extends ImportSpec['kind']>(
  table: Table,
  spec: ImportSpec & { kind: K },
): Converted<K extends 'accounts' ? AccountDraft : DealDraft> {
  type T = K extends 'accounts' ? AccountDraft : DealDraft;
  const p = prepare(table, spec);
  const out: Converted<T> = { drafts: [], rejected: [], skipped: [], warnings: p.warnings };
  const seen = new Map<string, { row: number; amount?: number }>();
  const convert = spec.kind === 'accounts' ? convertAccount : convertDeal;
  const idColumn = spec.mapping.recordId === undefined ? undefined : p.headers[spec.mapping.recordId];
  table.rows.forEach((cells, index) => {
    const result = convert(p, cells, index) as RowOutcome<T>;
    if ('rejected' in result) out.rejected.push(result.rejected);
    else if ('skipped' in result) out.skipped.push(result.skipped);
    else {
      const draft = result.draft;
      const id = draft.recordId;
      if (!id) {
        out.drafts.push(draft);
        return;
      }
      const deal = 'amount' in draft ? (draft as DealDraft) : undefined;
      let key = id;
      if (deal?.lineKey !== undefined) {
        // The n-th row of this product in this deal.
        let n = 1;
        while (seen.has(`${id}|${deal.lineKey}|${n}`)) n++;
        deal.lineKey = `${deal.lineKey}|${n}`;
        key = `${id}|${deal.lineKey}`;
      }
      const first = seen.get(key);
      if (first !== undefined) {
        const issue = { row: draft.row, ...(idColumn !== undefined ? { column: idColumn } : {}), params: [id, String(first.row)] };
        if (deal && first.amount === deal.amount) out.skipped.push({ ...issue, code: 'repeated_deal' });
        else out.rejected.push({ ...issue, code: 'duplicate_record' });
        return;
      }
      seen.set(key, deal ? { row: draft.row, amount: deal.amount } : { row: draft.row });
      out.drafts.push(draft);
    }
  });
  return out;
}
