import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { decodeText, type Table, type TextEncodingName } from '@/lib/import';
import { Field } from '../ui/Field';
import { toWellFormed } from '@/lib/util/well-formed';

/** What the file turned out to be, for the preview to say ("Encoding: GB18030"). */
export type FileFormat = { format: 'csv'; encoding: TextEncodingName } | { format: 'xlsx' } | { format: 'pasted' };

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Where a CSV comes from: a file, or text pasted in. One piece for every import (CRM exports,
 * coach sheets), so that both read files, report unreadable ones and take pasted text alike.
 * Files are read as bytes and decoded here (UTF-8 or GBK/GB18030, see lib/import/encoding.ts);
 * with `onTable`, Excel workbooks (.xlsx) are accepted too, their reader loaded only then.
 */
export function CsvSource({ id, fileLabel, fileHint, pasteLabel, busy, fileInput, pasted, onPasted, onText, onTable, onError }: {
  /** Prefix of the controls' ids (`<id>-file`, `<id>-paste`). */
  id: string;
  fileLabel: string;
  /** What files are taken, said under the file control. */
  fileHint?: string;
  pasteLabel: string;
  busy: boolean;
  /** The file input, for the caller to clear and focus after an import. */
  fileInput: RefObject<HTMLInputElement>;
  pasted: string;
  onPasted: (text: string) => void;
  onText: (name: string, text: string, format: FileFormat) => void | Promise<void>;
  /** Given: .xlsx files are read into a table and handed here. */
  onTable?: (name: string, table: Table, format: FileFormat) => void | Promise<void>;
  onError: (message: string) => void;
}) {
  // A large workbook takes seconds to unpack: say so rather than look frozen.
  const [reading, setReading] = useState('');

  async function onFile(e: Event) {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    try {
      setReading(file.name);
      const data = await file.arrayBuffer();
      const bytes = new Uint8Array(data);
      // A zip ("PK\3\4") is an .xlsx workbook; checked here so a CSV never loads the reader.
      const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
      if (onTable && zip) {
        // Loaded on first use: the reader is a chunk of its own (see lib/import/xlsx.ts).
        const { readXlsx } = await import('@/lib/import/xlsx');
        const table = await readXlsx(data);
        await onTable(file.name, { ...table, headers: table.headers.map(toWellFormed), rows: table.rows.map((r) => r.map(toWellFormed)) }, { format: 'xlsx' });
        return;
      }
      if (zip || /\.xlsx?$/i.test(file.name)) {
        onError(t('import_notSpreadsheet'));
        return;
      }
      const { text, encoding } = decodeText(bytes);
      // Well-formed where it enters (no NUL, no half of an emoji): see lib/util/well-formed.ts.
      await onText(file.name, toWellFormed(text), { format: 'csv', encoding });
    } catch (err) {
      onError(t('import_readError', String(err)));
    } finally {
      setReading('');
    }
  }

  return (
    <>
      <Field id={`${id}-file`} label={fileLabel}>
        <input
          id={`${id}-file`}
          ref={fileInput}
          type="file"
          accept={onTable ? `.csv,.xlsx,text/csv,text/plain,${XLSX_TYPE}` : '.csv,text/csv,text/plain'}
          disabled={busy || reading !== ''}
          onChange={onFile}
          {...(fileHint ? { 'aria-describedby': `${id}-file-hint` } : {})}
        />
        {fileHint && (
          <p id={`${id}-file-hint`} class="status">
            {fileHint}
          </p>
        )}
      </Field>
      {reading && (
        <p role="status" class="status">
          {t('import_readingFile', reading)}
        </p>
      )}
      <details>
        <summary>{pasteLabel}</summary>
        <Field id={`${id}-paste`} label={pasteLabel}>
          <textarea id={`${id}-paste`} value={pasted} disabled={busy} onInput={(e) => onPasted(toWellFormed(e.currentTarget.value))} />
        </Field>
        <p>
          <button type="button" disabled={busy || !pasted.trim()} onClick={() => void onText(t('import_pastedName'), pasted, { format: 'pasted' })}>
            {t('import_usePasted')}
          </button>
        </p>
      </details>
    </>
  );
}

/** One target field's column: which of the file's columns fills it, or none. */
export function ColumnSelect({ id, label, headers, value, onChange }: {
  id: string;
  label: string;
  headers: readonly string[];
  value: number | undefined;
  onChange: (column: number | undefined) => void;
}) {
  return (
    <Field id={id} label={label}>
      <select id={id} value={value === undefined ? '' : String(value)} onChange={(e) => onChange(e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value))}>
        <option value="">{t('import_notImported')}</option>
        {headers.map((h, i) => (
          <option key={i} value={String(i)}>
            {h || `#${i + 1}`}
          </option>
        ))}
      </select>
    </Field>
  );
}
