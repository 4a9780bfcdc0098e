/** Words for the import's codes (lib/import speaks in codes so it stays language-free). */
import { t, type MessageKey } from '@/lib/i18n';
import type { ImportWarning, ReasonCode, RowIssue, SourceId, TargetField, WarningCode } from '@/lib/import';
import type { FileFormat } from './CsvSource';

const REASONS: Record<ReasonCode, MessageKey> = {
  missing_value: 'import_reason_missing_value',
  bad_date: 'import_reason_bad_date',
  bad_amount: 'import_reason_bad_amount',
  too_many_decimals: 'import_reason_too_many_decimals',
  bad_currency: 'import_reason_bad_currency',
  currency_mismatch: 'import_reason_currency_mismatch',
  no_currency: 'import_reason_no_currency',
  not_won: 'import_reason_not_won',
  duplicate_record: 'import_reason_duplicate_record',
  repeated_deal: 'import_reason_repeated_deal',
  unknown_account: 'import_reason_unknown_account',
  invalid_record: 'import_reason_invalid_record',
};

const WARNINGS: Record<WarningCode, MessageKey> = {
  ambiguous_dates: 'import_warn_ambiguous_dates',
  conflicting_dates: 'import_warn_conflicting_dates',
  no_stage_column: 'import_warn_no_stage_column',
  owners_unmatched: 'import_warn_owners_unmatched',
};

const FIELDS: Record<TargetField, MessageKey> = {
  recordId: 'import_field_recordId',
  name: 'import_field_name',
  website: 'import_field_website',
  customerSince: 'import_field_customerSince',
  createdDate: 'import_field_createdDate',
  accountType: 'import_field_accountType',
  renewalDate: 'import_field_renewalDate',
  owner: 'import_field_owner',
  title: 'import_field_title',
  accountId: 'import_field_accountId',
  accountName: 'import_field_accountName',
  accountDomain: 'import_field_accountDomain',
  amount: 'import_field_amount',
  lineAmount: 'import_field_lineAmount',
  dealType: 'import_field_dealType',
  currency: 'import_field_currency',
  date: 'import_field_date',
  stage: 'import_field_stage',
  product: 'import_field_product',
};

/** Product names are not translated, except the Chinese products' own names (纷享销客 in Chinese). */
const SOURCE_NAMES: Record<Exclude<SourceId, 'generic' | 'fxiaoke' | 'xiaoshouyi'>, string> = { salesforce: 'Salesforce', hubspot: 'HubSpot', pipedrive: 'Pipedrive' };

export const sourceName = (s: SourceId) =>
  s === 'generic' ? t('import_sourceGeneric') : s === 'fxiaoke' ? t('import_source_fxiaoke') : s === 'xiaoshouyi' ? t('import_source_xiaoshouyi') : SOURCE_NAMES[s];
export const fieldLabel = (f: TargetField) => t(FIELDS[f]);

/** Warnings whose first parameter is a count, worded for one apart ("1 owner matches no rep"). */
const SINGULAR: Partial<Record<WarningCode, MessageKey>> = { owners_unmatched: 'import_warn_owners_unmatched_one' };
export const warningText = (w: ImportWarning) => t((w.params[0] === '1' && SINGULAR[w.code]) || WARNINGS[w.code], ...w.params);

/** "Excel workbook (.xlsx), first sheet" or "CSV · Encoding: GB18030 (Chinese, GBK)". */
export function formatText(f: FileFormat): string {
  if (f.format === 'xlsx') return t('import_formatXlsx');
  if (f.format === 'csv') return t(f.encoding === 'GB18030' ? 'import_formatCsvGbk' : 'import_formatCsv', f.encoding);
  return '';
}

/** "Created Date: “2/30/2021” is not a date Holdfast can read" (the row number is shown apart). */
export function reasonText(issue: RowIssue): string {
  const why = t(REASONS[issue.code], ...issue.params);
  return issue.column ? `${issue.column}: ${why}` : why;
}
