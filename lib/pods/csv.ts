import Papa from 'papaparse';

/**
 * CSV for trait sheets, read with papaparse (the project's one CSV parser, as the import
 * uses): quoted fields with commas, doubled quotes and line breaks; CRLF, LF or CR line ends;
 * a byte-order mark; `,`, `;` (European Excel) or tab, guessed by papaparse. What this adds is
 * the line each record starts on, so errors can say "line 7".
 */
export interface CsvRecord {
  /** 1-based line on which the record starts, for error messages. */
  readonly line: number;
  readonly fields: string[];
}

/** Records in file order; lines that are blank (or only spaces) are skipped. */
export function parseCsv(input: string): CsvRecord[] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let from = 0; // where the next record may start
  let line = 1; // the line at `from`
  Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    step: (row) => {
      const end = row.meta.cursor;
      // Skip the line break(s) and blank lines papaparse passed over before this record.
      for (;;) {
        const next = text.slice(from).match(/^[ \t]*(\r\n|\n|\r)/);
        if (!next) break;
        from += next[0].length;
        line++;
      }
      records.push({ line, fields: row.data });
      line += countLineBreaks(text.slice(from, end));
      from = end;
    },
  });
  return records;
}

function countLineBreaks(s: string): number {
  return (s.match(/\r\n|\n|\r/g) ?? []).length;
}
