import Papa from 'papaparse';
import type { Table } from './types';

/**
 * Parse CSV text with papaparse: quoted fields with commas and line breaks, `;` or tab
 * delimited files as Excel writes them in many locales (papaparse guesses the delimiter),
 * a UTF-8 byte-order mark (Salesforce and Excel write one), and blank lines skipped.
 * Malformed quoting does not stop the parse; papaparse keeps the row as best it can and the
 * row's own checks reject what is wrong in it.
 */
export function parseCsv(text: string): Table {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: 'greedy' });
  const [headers = [], ...rows] = result.data;
  return { headers: headers.map((h) => h.trim()), rows };
}
