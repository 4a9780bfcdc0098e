import { readFileSync } from 'node:fs';
import { detectSource, parseCsv, proposeMapping, type ImportSpec, type Table } from '@/lib/import';

export function fixture(name: string): Table {
  return parseCsv(readFileSync(`tests/fixtures/import/${name}`, 'utf8'));
}

/** The spec the mapping step proposes for a file, before the user changes anything. */
export function proposedSpec(table: Table, over: Partial<ImportSpec> = {}): ImportSpec {
  const { source, kind } = detectSource(table.headers);
  return { source, kind, mapping: proposeMapping(table.headers, source, kind), dateOrder: 'auto', defaultCurrency: '', ...over };
}
