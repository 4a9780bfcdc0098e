/**
 * Which account a row of the file is about, in the file's own words, so the report can say
 * "Row 5 · Umbrella Corp" rather than a row number alone (the user fixes the row in the CRM,
 * where rows have names, not numbers).
 */
import type { ImportSpec, Table, TargetField } from './types';

const ACCOUNT_FIELDS: TargetField[] = ['name', 'accountName', 'accountDomain', 'accountId', 'website', 'recordId'];

/** The row's account name (or, lacking one, its domain or id); '' when the row has none. */
export function rowAccount(table: Table, spec: Pick<ImportSpec, 'kind' | 'mapping'>, row: number): string {
  const cells = table.rows[table.rowNumbers ? table.rowNumbers.indexOf(row) : row - 2];
  if (!cells) return '';
  const fields = spec.kind === 'accounts' ? ACCOUNT_FIELDS.filter((f) => f !== 'accountName' && f !== 'accountDomain' && f !== 'accountId') : ACCOUNT_FIELDS.filter((f) => f !== 'name' && f !== 'website');
  for (const f of fields) {
    const col = spec.mapping[f];
    const value = col === undefined ? '' : (cells[col] ?? '').trim();
    if (value) return value.split(';')[0]!.trim().slice(0, 120);
  }
  return '';
}
