import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { db } from '@/lib/db';
import { importCoaches, type CoachImportResult } from '@/lib/db/coach-import';
import { t, type MessageKey } from '@/lib/i18n';
import { parseCsv, type DateOrder, type Table } from '@/lib/import';
import {
  COACH_FIELDS, convertCoachRow, missingCoachFields, prepareCoaches, proposeCoachMapping,
  type CoachField, type CoachIssue, type CoachMapping,
} from '@/lib/coaches/csv';
import { localIsoDate } from '@/lib/tenure/summary';
import { Field } from '../ui/Field';
import { ColumnSelect, CsvSource } from '../import/CsvSource';
import '../import/import.css';
import './coaches.css';

const PREVIEW_ROWS = 10;

export const fieldLabel = (f: CoachField) => t(`coachField_${f}` as MessageKey);

/** "Email: “x” is not an email address" (the row number is shown apart). */
export function issueText(i: CoachIssue): string {
  const why = t(`coachIssue_${i.code}` as MessageKey, ...i.params);
  return i.column ? `${i.column}: ${why}` : why;
}

interface Loaded {
  name: string;
  table: Table;
}

/**
 * Options: coaches and their referrals from CSV (issue 7), in the steps of the CRM import
 * (components/import): pick or paste a file → the columns proposed from its headers → a
 * preview of the first rows as they will be stored → import → a report of every rejected row
 * while the good rows are in.
 */
export function CoachImport() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [mapping, setMapping] = useState<CoachMapping>({});
  const [dateOrder, setDateOrder] = useState<DateOrder>('auto');
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CoachImportResult | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [result]);

  function load(name: string, text: string) {
    setError('');
    setResult(null);
    const table = parseCsv(text);
    if (!table.rows.length) {
      setLoaded(null);
      setError(t('coachImportEmpty'));
      return;
    }
    setLoaded({ name, table });
    setMapping(proposeCoachMapping(table.headers));
  }

  async function start(e: Event) {
    e.preventDefault();
    if (!loaded) return;
    setBusy(true);
    try {
      setResult(await importCoaches(db(), loaded.table, { mapping, dateOrder }, localIsoDate()));
    } catch (err) {
      setError(t('coachImportFailed', err instanceof Error ? err.message : String(err)));
    } finally {
      setBusy(false);
    }
  }

  function reset() {
    setLoaded(null);
    setResult(null);
    setPasted('');
    if (fileInput.current) fileInput.current.value = '';
    fileInput.current?.focus();
  }

  const missing = missingCoachFields(mapping);
  const preview = useMemo(() => {
    if (!loaded) return [];
    const p = prepareCoaches(loaded.table, { mapping, dateOrder });
    return loaded.table.rows.slice(0, PREVIEW_ROWS).map((cells, i) => convertCoachRow(p, cells, i));
  }, [loaded, mapping, dateOrder]);

  return (
    <div class="coach-import import">
      <h3 id="coach-import-h">{t('coachImportTitle')}</h3>
      <p class="muted">{t('coachImportHelp', COACH_FIELDS.map(fieldLabel).join(', '))}</p>
      <CsvSource
        id="coach"
        fileLabel={t('coachImportFile')}
        pasteLabel={t('coachImportPaste')}
        busy={busy}
        fileInput={fileInput}
        pasted={pasted}
        onPasted={setPasted}
        onText={load}
        onError={setError}
      />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}

      {loaded && !result && (
        <form onSubmit={start} aria-labelledby="coach-import-h">
          <p class="status" data-testid="coach-import-file">
            {t('import_fileSummary', loaded.name, loaded.table.rows.length, loaded.table.headers.length)}
          </p>
          <fieldset disabled={busy}>
            <legend>{t('coachImportMapping')}</legend>
            <Field id="coach-dates" label={t('import_dateOrder')}>
              <select id="coach-dates" value={dateOrder} onChange={(e) => setDateOrder(e.currentTarget.value as DateOrder)}>
                <option value="auto">{t('import_dateAuto')}</option>
                <option value="mdy">{t('import_dateMdy')}</option>
                <option value="dmy">{t('import_dateDmy')}</option>
              </select>
            </Field>
            <div class="mapping">
              {COACH_FIELDS.map((field) => (
                <ColumnSelect
                  key={field}
                  id={`coach-map-${field}`}
                  label={fieldLabel(field)}
                  headers={loaded.table.headers}
                  value={mapping[field]}
                  onChange={(column) => {
                    const next = { ...mapping };
                    if (column === undefined) delete next[field];
                    else next[field] = column;
                    setMapping(next);
                  }}
                />
              ))}
            </div>
          </fieldset>
          {missing.length > 0 && (
            <p class="error" role="alert">
              {t('coachImportRequired', missing.map(fieldLabel).join(', '))}
            </p>
          )}
          <h4 id="coach-preview-h">{t('import_preview', Math.min(PREVIEW_ROWS, loaded.table.rows.length))}</h4>
          <div class="scroll" tabIndex={0} role="region" aria-labelledby="coach-preview-h">
            <table data-testid="coach-import-preview">
              <thead>
                <tr>
                  <th scope="col">{t('import_colRow')}</th>
                  <th scope="col">{fieldLabel('name')}</th>
                  <th scope="col">{fieldLabel('email')}</th>
                  <th scope="col">{fieldLabel('company')}</th>
                  <th scope="col">{fieldLabel('referredCustomer')}</th>
                  <th scope="col">{t('import_colResult')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.map((r, i) => (
                  <tr key={i}>
                    <td>{i + 2}</td>
                    <td>{'draft' in r ? r.draft.name : ''}</td>
                    <td>{'draft' in r ? r.draft.email : ''}</td>
                    <td>{'draft' in r ? (r.draft.company ?? r.draft.domain ?? '') : ''}</td>
                    <td>{'draft' in r ? (r.draft.referral?.customer ?? '') : ''}</td>
                    <td class={'draft' in r ? 'why' : 'why error'}>{'draft' in r ? t('import_willImport') : t('import_willReject', issueText(r.rejected))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <button type="submit" class="primary" disabled={busy || missing.length > 0}>
              {t('coachImportStart', loaded.table.rows.length)}
            </button>
          </p>
        </form>
      )}

      {result && (
        <div data-testid="coach-import-report">
          <h4 ref={heading} tabIndex={-1}>
            {t('coachImportDone')}
          </h4>
          <ul class="plain counts" data-testid="coach-import-counts">
            <li>{t('coachImportTotal', result.total)}</li>
            <li data-count="created">{t('coachImportCreated', result.created)}</li>
            <li data-count="updated">{t('coachImportUpdated', result.updated)}</li>
            <li data-count="unchanged">{t('coachImportUnchanged', result.unchanged)}</li>
            <li data-count="rejected">{t('coachImportRejected', result.rejected.length)}</li>
            {result.customersCreated > 0 && <li data-count="prospects">{t('coachImportProspects', result.customersCreated)}</li>}
          </ul>
          {result.rejected.length ? (
            <div class="scroll" tabIndex={0} role="region" aria-label={t('coachImportRejectedTitle')}>
              <table data-testid="coach-import-rejected">
                <tbody>
                  {result.rejected.map((r, i) => (
                    <tr key={i} data-row={r.row}>
                      <th scope="row">{t('import_rowRef', r.row)}</th>
                      <td class="why">{issueText(r)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p class="muted">{t('coachImportNoRejected')}</p>
          )}
          <p>
            <button type="button" onClick={reset}>
              {t('coachImportAnother')}
            </button>
          </p>
        </div>
      )}
    </div>
  );
}
