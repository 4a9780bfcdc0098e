import { useRef, useState } from 'preact/hooks';
import { db } from '@/lib/db';
import { runImport, type ImportResult } from '@/lib/db/import-writes';
import { t } from '@/lib/i18n';
import {
  detectSource, missingRequired, parseCsv, proposeMapping, proposedCurrency, tenantAddressFromGrants, tenantFromInput,
  type Detection, type ImportKind, type ImportSpec, type SourceId, type Table,
} from '@/lib/import';
import { useGrantedOrigins } from '../options/useGrantedOrigins';
import { CsvSource, type FileFormat } from './CsvSource';
import { formatText } from './messages';
import { ImportReport } from './ImportReport';
import { MappingStep, type MappingOptions } from './MappingStep';
import { PREVIEW_ROWS, PreviewTable } from './PreviewTable';
import './import.css';

interface Loaded {
  name: string;
  table: Table;
  detected: Detection;
  format: FileFormat;
}

type Phase =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'writing'; done: number; total: number }
  | { step: 'done'; result: ImportResult; table: Table; spec: ImportSpec };

/** The CRM instance last used per source: re-imports must use the same one to stay idempotent. */
const tenantKey = (source: SourceId) => `import.tenant.${source}`;

async function rememberedTenant(source: SourceId): Promise<string> {
  const row = await db().settings.get(tenantKey(source));
  return typeof row?.value === 'string' ? row.value : '';
}

/**
 * Options: CSV import of accounts and deals (issue 4). Pick or paste a file → the mapping
 * step proposes kind, source and columns → preview → import in chunks with a progress bar →
 * a report of every rejected row.
 */
export function ImportSection() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [spec, setSpec] = useState<ImportSpec | null>(null);
  const [options, setOptions] = useState<MappingOptions>({ tenantText: '', createMissing: false });
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [error, setError] = useState('');
  const [pasted, setPasted] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const granted = useGrantedOrigins();

  /**
   * The CRM address to show: the one used last time for this CRM, else the one instance of it
   * the browser has granted (the product the file came from, at the address the user enabled).
   */
  async function tenantFor(source: SourceId): Promise<{ tenantText: string; tenantFromGrant: boolean }> {
    const remembered = await rememberedTenant(source);
    if (remembered) return { tenantText: remembered, tenantFromGrant: false };
    const fromGrant = tenantAddressFromGrants(source, granted);
    return { tenantText: fromGrant ?? '', tenantFromGrant: fromGrant !== undefined };
  }

  async function loadText(name: string, text: string, format: FileFormat) {
    await load(name, parseCsv(text), format);
  }

  async function load(name: string, table: Table, format: FileFormat) {
    setError('');
    setPhase({ step: 'idle' });
    if (!table.rows.length) {
      setLoaded(null);
      setSpec(null);
      setError(t('import_emptyFile'));
      return;
    }
    const detected = detectSource(table.headers);
    // Read the remembered CRM address before the form shows: filling it in afterwards would
    // overwrite what the user types meanwhile (and import without their CRM address).
    const tenant = await tenantFor(detected.source);
    setOptions((o) => ({ ...o, ...tenant }));
    setLoaded({ name, table, detected, format });
    const mapping = proposeMapping(table.headers, detected.source, detected.kind);
    setSpec({ kind: detected.kind, source: detected.source, mapping, dateOrder: 'auto', defaultCurrency: proposedCurrency(table.headers, detected.source, mapping) });
  }

  async function changeKindOrSource(kind: ImportKind, source: SourceId) {
    if (!loaded || !spec) return;
    if (source !== spec.source) {
      const tenant = await tenantFor(source);
      setOptions((o) => ({ ...o, ...tenant }));
    }
    const mapping = proposeMapping(loaded.table.headers, source, kind);
    setSpec({ ...spec, kind, source, mapping, defaultCurrency: spec.defaultCurrency || proposedCurrency(loaded.table.headers, source, mapping) });
  }

  async function start(e: Event) {
    e.preventDefault();
    if (!loaded || !spec) return;
    const tenant = tenantFromInput(spec.source, options.tenantText);
    try {
      await db().settings.put({ key: tenantKey(spec.source), value: options.tenantText.trim() });
      setPhase({ step: 'checking' });
      // Let "checking" paint before the synchronous pass over every row.
      await new Promise((r) => setTimeout(r, 0));
      const used = { ...spec, ...(tenant ? { tenant } : {}) };
      const result = await runImport(db(), loaded.table, used, {
        createMissing: options.createMissing,
        onProgress: (done, total) => setPhase({ step: 'writing', done, total }),
      });
      setPhase({ step: 'done', result, table: loaded.table, spec: used });
    } catch (err) {
      setPhase({ step: 'idle' });
      setError(t('import_failed', err instanceof Error ? err.message : String(err)));
    }
  }

  function reset() {
    setLoaded(null);
    setSpec(null);
    setPasted('');
    setPhase({ step: 'idle' });
    if (fileInput.current) fileInput.current.value = '';
    fileInput.current?.focus();
  }

  const busy = phase.step === 'checking' || phase.step === 'writing';
  const blocked = !spec || missingRequired(spec.kind, spec.mapping, spec.defaultCurrency).length > 0;

  return (
    <section aria-labelledby="import-h" class="import">
      <h2 id="import-h">{t('import_title')}</h2>
      <p class="muted">{t('import_intro')}</p>
      <CsvSource
        id="imp"
        fileLabel={t('import_file')}
        fileHint={t('import_fileHint')}
        pasteLabel={t('import_paste')}
        busy={busy}
        fileInput={fileInput}
        pasted={pasted}
        onPasted={setPasted}
        onText={loadText}
        onTable={load}
        onError={setError}
      />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}

      {loaded && spec && phase.step !== 'done' && (
        <form onSubmit={start}>
          <p class="status" data-testid="import-file">
            {t('import_fileSummary', loaded.name, loaded.table.rows.length, loaded.table.headers.length)}
          </p>
          {loaded.format.format !== 'pasted' && (
            <p class="status" data-testid="import-format">
              {formatText(loaded.format)}
            </p>
          )}
          <fieldset disabled={busy}>
            <MappingStep
              table={loaded.table}
              detected={loaded.detected}
              spec={spec}
              options={options}
              onSpec={setSpec}
              onKindOrSource={(k, s) => void changeKindOrSource(k, s)}
              onOptions={setOptions}
            />
          </fieldset>
          <h3 id="imp-preview-h">{t('import_preview', Math.min(PREVIEW_ROWS, loaded.table.rows.length))}</h3>
          <PreviewTable table={loaded.table} spec={spec} />
          <p>
            <button type="submit" class="primary" disabled={busy || blocked}>
              {t('import_start', loaded.table.rows.length)}
            </button>
          </p>
        </form>
      )}

      {busy && (
        <div>
          <progress
            aria-label={t('import_progress')}
            max={phase.step === 'writing' ? phase.total : undefined}
            value={phase.step === 'writing' ? phase.done : undefined}
          />
          <p role="status" class="status">
            {phase.step === 'writing' ? t('import_progressText', phase.done, phase.total) : t('import_reading')}
          </p>
        </div>
      )}

      {phase.step === 'done' && (
        <>
          <ImportReport result={phase.result} table={phase.table} spec={phase.spec} tenantText={options.tenantText} />
          <p>
            <button type="button" onClick={reset}>
              {t('import_another')}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
