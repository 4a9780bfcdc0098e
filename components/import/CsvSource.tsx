import type { RefObject } from 'preact';
import { t } from '@/lib/i18n';
import { Field } from '../ui/Field';
import { toWellFormed } from '@/lib/util/well-formed';

/**
 * Where a CSV comes from: a file, or text pasted in. One piece for every import (CRM exports,
 * coach sheets), so that both read files, report unreadable ones and take pasted text alike.
 */
export function CsvSource({ id, fileLabel, pasteLabel, busy, fileInput, pasted, onPasted, onText, onError }: {
  /** Prefix of the controls' ids (`<id>-file`, `<id>-paste`). */
  id: string;
  fileLabel: string;
  pasteLabel: string;
  busy: boolean;
  /** The file input, for the caller to clear and focus after an import. */
  fileInput: RefObject<HTMLInputElement>;
  pasted: string;
  onPasted: (text: string) => void;
  onText: (name: string, text: string) => void | Promise<void>;
  onError: (message: string) => void;
}) {
  async function onFile(e: Event) {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    try {
      // Well-formed where it enters (no NUL, no half of an emoji): see lib/util/well-formed.ts.
      await onText(file.name, toWellFormed(await file.text()));
    } catch (err) {
      onError(t('import_readError', String(err)));
    }
  }

  return (
    <>
      <Field id={`${id}-file`} label={fileLabel}>
        <input id={`${id}-file`} ref={fileInput} type="file" accept=".csv,text/csv,text/plain" disabled={busy} onChange={onFile} />
      </Field>
      <details>
        <summary>{pasteLabel}</summary>
        <Field id={`${id}-paste`} label={pasteLabel}>
          <textarea id={`${id}-paste`} value={pasted} disabled={busy} onInput={(e) => onPasted(toWellFormed(e.currentTarget.value))} />
        </Field>
        <p>
          <button type="button" disabled={busy || !pasted.trim()} onClick={() => void onText(t('import_pastedName'), pasted)}>
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
