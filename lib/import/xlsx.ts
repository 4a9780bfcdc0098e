/**
 * .xlsx files (Excel, WPS and the exports of Fxiaoke, Xiaoshouyi and most CRMs) to a table.
 *
 * The reader, read-excel-file, is loaded on first use (a dynamic import): only the options
 * page ever calls this, and only when a user picks a spreadsheet, so neither the content
 * scripts nor the options page's first load carry it. Its "universal" build is used: it
 * takes an ArrayBuffer and runs on the page's thread, with no worker (an extension page's
 * policy refuses workers from blob: URLs) and no Node APIs, so tests read files the same way.
 */
import { NumberText, tableFromSheet, type SheetCell } from './sheet';
import type { Table } from './types';

/** A zip file starts "PK\3\4"; anything else is not an .xlsx (an old .xls, a renamed CSV). */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The first sheet as a table. Numbers are kept as the file's text (no float rounding). */
export async function readXlsx(data: ArrayBuffer): Promise<Table> {
  const { readSheet } = await import('read-excel-file/universal');
  const rows = (await readSheet(data, 1, { parseNumber: (s: string) => new NumberText(s), trim: true })) as unknown as SheetCell[][];
  return tableFromSheet(rows);
}
