/**
 * Coaches and their referrals from CSV (issue 7): one row per coach, or per referral of a
 * coach (the same address on several rows adds several referrals). Rows become drafts or a
 * reason, so the good rows of a file import while the bad ones are reported. Papaparse reads
 * the file (lib/import/csv.ts); dates and money are read as the CRM import reads them
 * (lib/import/dates.ts, lib/import/money.ts).
 *
 * No CRM exports coaches as such: the columns are a sheet a team keeps. Headers are matched
 * case- and space-insensitively against the aliases below (common spellings of a contact
 * sheet: HubSpot's "Email"/"Company name", Salesforce's "Account Name"), and the user can
 * change each mapping.
 */
import { decideDateOrder, parseDate } from '../import/dates';
import { normHeader } from '../import/columns';
import { normaliseCurrency, parseMoney } from '../import/money';
import type { DateOrder, Table } from '../import/types';
import { normaliseDomain, normaliseEmail } from '../sites/dom';
import type { BudgetPeriod } from './period';
import { truncateWellFormed } from '../util/well-formed';

export const COACH_FIELDS = [
  'name', 'email', 'title', 'company', 'companyDomain', 'referredCustomer', 'referralDate', 'outcome', 'lastTouch',
  'budgetAmount', 'budgetCurrency', 'budgetPeriod',
] as const;
export type CoachField = (typeof COACH_FIELDS)[number];
export type CoachMapping = Partial<Record<CoachField, number>>;

export const REQUIRED_COACH_FIELDS: readonly CoachField[] = ['name', 'email'];

export const COACH_COLUMNS: Readonly<Record<CoachField, readonly string[]>> = {
  name: ['Name', 'Full Name', 'Contact Name', 'Coach', 'Coach Name'],
  email: ['Email', 'Email Address', 'E-mail', 'Contact Email'],
  title: ['Title', 'Job Title'],
  company: ['Company', 'Company Name', 'Employer', 'Account Name', 'Organization'],
  companyDomain: ['Company Domain', 'Company Domain Name', 'Domain', 'Website'],
  referredCustomer: ['Referred Customer', 'Referred Account', 'Referral', 'Introduced', 'Introduced Customer'],
  referralDate: ['Referral Date', 'Introduced On', 'Introduction Date'],
  outcome: ['Outcome', 'Referral Outcome', 'Referral Status'],
  lastTouch: ['Last Touch', 'Last Touched', 'Last Contact'],
  budgetAmount: ['Budget', 'Budget Amount'],
  budgetCurrency: ['Budget Currency', 'Currency'],
  budgetPeriod: ['Budget Period', 'Period'],
};

/** The first column whose header is one of a field's aliases, per field. */
export function proposeCoachMapping(headers: readonly string[]): CoachMapping {
  const norm = headers.map(normHeader);
  const out: CoachMapping = {};
  const taken = new Set<number>();
  for (const field of COACH_FIELDS) {
    for (const alias of COACH_COLUMNS[field].map(normHeader)) {
      const at = norm.findIndex((h, i) => h === alias && !taken.has(i));
      if (at >= 0) {
        out[field] = at;
        taken.add(at);
        break;
      }
    }
  }
  return out;
}

export const missingCoachFields = (mapping: CoachMapping) => REQUIRED_COACH_FIELDS.filter((f) => mapping[f] === undefined);

export type CoachIssueCode =
  | 'missing_value'
  | 'bad_email'
  | 'bad_domain'
  | 'bad_date'
  | 'bad_outcome'
  | 'bad_amount'
  | 'bad_currency'
  | 'bad_period'
  | 'budget_incomplete'
  | 'too_long'
  /** Writing: the referred customer is not in Holdfast. */
  | 'unknown_customer';

export interface CoachIssue {
  /** As a spreadsheet numbers it: the header is row 1. */
  row: number;
  column?: string;
  code: CoachIssueCode;
  params: string[];
}

export interface CoachDraft {
  row: number;
  name: string;
  email: string;
  title?: string;
  company?: string;
  domain?: string;
  referral?: { customer: string; date: string; outcome: 'pending' | 'won' | 'lost' };
  lastTouch?: string;
  budget?: { period: BudgetPeriod; amount: number; currency: string };
}

export type CoachRow = { draft: CoachDraft } | { rejected: CoachIssue };

export interface CoachSpec {
  mapping: CoachMapping;
  dateOrder: DateOrder;
}

const OUTCOMES: Readonly<Record<string, 'pending' | 'won' | 'lost'>> = {
  won: 'won', 'closed won': 'won', yes: 'won', customer: 'won',
  lost: 'lost', 'closed lost': 'lost', no: 'lost',
  pending: 'pending', open: 'pending', 'in progress': 'pending', '': 'pending',
};
const PERIODS: Readonly<Record<string, BudgetPeriod>> = {
  month: 'month', monthly: 'month', quarter: 'quarter', quarterly: 'quarter', year: 'year', yearly: 'year', annual: 'year', annually: 'year',
};

const DATE_FIELDS = ['referralDate', 'lastTouch'] as const;

export interface PreparedCoaches {
  spec: CoachSpec;
  headers: string[];
  orders: Partial<Record<(typeof DATE_FIELDS)[number], 'mdy' | 'dmy'>>;
}

export function prepareCoaches(table: Table, spec: CoachSpec): PreparedCoaches {
  const orders: PreparedCoaches['orders'] = {};
  for (const f of DATE_FIELDS) {
    const col = spec.mapping[f];
    if (col === undefined) continue;
    orders[f] = spec.dateOrder !== 'auto' ? spec.dateOrder : decideDateOrder(table.rows.map((r) => r[col] ?? '')).order;
  }
  return { spec, headers: table.headers, orders };
}

export function convertCoachRow(p: PreparedCoaches, cells: readonly string[], index: number): CoachRow {
  const row = index + 2;
  const text = (f: CoachField) => {
    const col = p.spec.mapping[f];
    return col === undefined ? '' : (cells[col] ?? '').trim();
  };
  const issue = (f: CoachField | undefined, code: CoachIssueCode, params: string[] = []): CoachRow => {
    const col = f === undefined ? undefined : p.spec.mapping[f];
    const column = col === undefined ? undefined : p.headers[col];
    return { rejected: { row, ...(column !== undefined ? { column } : {}), code, params } };
  };
  const date = (f: (typeof DATE_FIELDS)[number]): { value?: string } | { bad: CoachRow } => {
    const raw = text(f);
    if (!raw) return {};
    const value = parseDate(raw, p.orders[f] ?? 'mdy');
    return value ? { value } : { bad: issue(f, 'bad_date', [raw]) };
  };

  const name = text('name');
  if (!name) return issue('name', 'missing_value');
  if (name.length > 200) return issue('name', 'too_long', ['200']);
  const rawEmail = text('email');
  if (!rawEmail) return issue('email', 'missing_value');
  const email = normaliseEmail(rawEmail);
  if (!email) return issue('email', 'bad_email', [rawEmail]);

  const draft: CoachDraft = { row, name, email };
  const title = text('title');
  if (title) draft.title = truncateWellFormed(title, 200);
  const company = text('company');
  if (company.length > 200) return issue('company', 'too_long', ['200']);
  if (company) draft.company = company;
  const rawDomain = text('companyDomain');
  if (rawDomain) {
    const domain = normaliseDomain(rawDomain);
    if (!domain) return issue('companyDomain', 'bad_domain', [rawDomain]);
    draft.domain = domain;
  }

  const referred = text('referredCustomer');
  const referralDate = date('referralDate');
  if ('bad' in referralDate) return referralDate.bad;
  const rawOutcome = text('outcome');
  const outcome = OUTCOMES[rawOutcome.toLowerCase()];
  if (!outcome) return issue('outcome', 'bad_outcome', [rawOutcome]);
  if (referred) {
    if (!referralDate.value) return issue('referralDate', 'missing_value');
    draft.referral = { customer: truncateWellFormed(referred, 200), date: referralDate.value, outcome };
  }

  const touch = date('lastTouch');
  if ('bad' in touch) return touch.bad;
  if (touch.value) draft.lastTouch = touch.value;

  const rawAmount = text('budgetAmount');
  const rawCurrency = text('budgetCurrency');
  const rawPeriod = text('budgetPeriod');
  if (rawAmount || rawCurrency || rawPeriod) {
    if (!rawAmount || !rawPeriod) return issue(rawAmount ? 'budgetPeriod' : 'budgetAmount', 'budget_incomplete');
    const period = PERIODS[rawPeriod.toLowerCase()];
    if (!period) return issue('budgetPeriod', 'bad_period', [rawPeriod]);
    const currency = rawCurrency ? normaliseCurrency(rawCurrency) : undefined;
    if (rawCurrency && !currency) return issue('budgetCurrency', 'bad_currency', [rawCurrency]);
    const money = parseMoney(rawAmount, currency);
    if (!money.ok || money.minor < 0) return issue('budgetAmount', 'bad_amount', [rawAmount]);
    const code = currency ?? money.code;
    if (!code) return issue('budgetCurrency', 'missing_value');
    draft.budget = { period, amount: money.minor, currency: code };
  }
  return { draft };
}

/** Every row of a file, in order. */
export function convertCoachTable(table: Table, spec: CoachSpec): { drafts: CoachDraft[]; rejected: CoachIssue[] } {
  const p = prepareCoaches(table, spec);
  const drafts: CoachDraft[] = [];
  const rejected: CoachIssue[] = [];
  table.rows.forEach((cells, i) => {
    const r = convertCoachRow(p, cells, i);
    if ('draft' in r) drafts.push(r.draft);
    else rejected.push(r.rejected);
  });
  return { drafts, rejected };
}
