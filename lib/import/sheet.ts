/**
 * A spreadsheet's cells (as read from an .xlsx file) to the same table a CSV gives, so the
 * mapping, preview and import do not care which one the user picked.
 */
import type { Table } from './types';

/** A number cell as the file writes it ("12000.5", "1.2E+7"), so no float arithmetic touches it. */
export class NumberText {
  constructor(readonly text: string) {}
}

/** What a reader gives per cell: text, a number, a boolean, a date, or nothing. */
export type SheetCell = string | number | NumberText | boolean | Date | null | undefined;

/**
 * A number cell's text as a person would type it. Excel writes up to 17 significant digits
 * ("12345.670000000001" for 12345.67) but shows 15, so 15 are kept; exponents are expanded
 * ("1.2E+7" → "12000000") because amounts are read as decimal text.
 */
function numberText(raw: string): string {
  const digits = raw.replace(/^-/, '').replace(/[eE].*$/, '').replace('.', '').replace(/^0+/, '');
  if (digits.length <= 15 && !/[eE]/.test(raw)) return raw;
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  return Number(n.toPrecision(15)).toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** How many leading rows may be titles or notes above the header (Chinese exports often put one). */
const HEADER_SEARCH_ROWS = 10;

/**
 * Cell → text. Dates become ISO calendar days (the time of day only when there is one, which
 * the date reader drops anyway); Excel stores them without a zone, and the reader gives them
 * as UTC, so UTC fields are read back.
 */
export function cellText(cell: SheetCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return '';
    const day = cell.toISOString().slice(0, 10);
    const time = cell.toISOString().slice(11, 16);
    return time === '00:00' ? day : `${day} ${time}`;
  }
  if (cell instanceof NumberText) return numberText(cell.text.trim());
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(Number(cell.toPrecision(15))) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return cell.trim();
}

const filled = (row: readonly SheetCell[]) => row.reduce<number>((n, c) => n + (cellText(c) ? 1 : 0), 0);

/**
 * The header is the first row, among the first few, that is nearly as full as the fullest
 * one: a title such as "客户列表（导出于 2026-12-03）" in A1 above the header is skipped.
 * Empty rows are dropped, as the CSV reader drops blank lines, and each row keeps its number
 * in the sheet for the report.
 */
export function tableFromSheet(rows: readonly (readonly SheetCell[])[]): Table {
  const head = rows.slice(0, HEADER_SEARCH_ROWS);
  const widest = Math.max(0, ...head.map(filled));
  const at = head.findIndex((r) => filled(r) > 0 && filled(r) >= Math.ceil(widest / 2) && filled(r) >= Math.min(2, widest));
  if (at < 0) return { headers: [], rows: [] };
  const headers = rows[at]!.map(cellText);
  const body: string[][] = [];
  const rowNumbers: number[] = [];
  rows.forEach((r, i) => {
    if (i <= at) return;
    const cells = r.map(cellText);
    if (!cells.some((c) => c)) return;
    body.push(cells);
    rowNumbers.push(i + 1);
  });
  // Numbers kept only where they differ from the CSV rule (header on row 1, no gaps).
  return rowNumbers.every((n, i) => n === i + 2) ? { headers, rows: body } : { headers, rows: body, rowNumbers };
}
