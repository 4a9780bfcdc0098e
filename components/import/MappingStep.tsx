import { t } from '@/lib/i18n';
import { SOURCES, fieldsOf, missingRequired, type Detection, type ImportKind, type ImportSpec, type SourceId, type Table, type TargetField } from '@/lib/import';
import { Field } from '../ui/Field';
import { ColumnSelect } from './CsvSource';
import { fieldLabel, sourceName } from './messages';

export interface MappingOptions {
  tenantText: string;
  /** The address was proposed from a host the browser has granted, not typed or remembered. */
  tenantFromGrant?: boolean;
  createMissing: boolean;
}

interface Props {
  table: Table;
  detected: Detection;
  spec: ImportSpec;
  options: MappingOptions;
  onSpec: (spec: ImportSpec) => void;
  onKindOrSource: (kind: ImportKind, source: SourceId) => void;
  onOptions: (options: MappingOptions) => void;
}

/** What the file is, where it came from, and which column fills which field. */
export function MappingStep({ table, detected, spec, options, onSpec, onKindOrSource, onOptions }: Props) {
  const setColumn = (field: TargetField, column: number | undefined) => {
    const mapping = { ...spec.mapping };
    if (column === undefined) delete mapping[field];
    else mapping[field] = column;
    onSpec({ ...spec, mapping });
  };
  const missing = missingRequired(spec.kind, spec.mapping, spec.defaultCurrency);

  return (
    <>
      <div class="row">
        <Field id="imp-kind" label={t('import_kind')}>
          <select id="imp-kind" value={spec.kind} onChange={(e) => onKindOrSource(e.currentTarget.value as ImportKind, spec.source)}>
            <option value="accounts">{t('import_kindAccounts')}</option>
            <option value="deals">{t('import_kindDeals')}</option>
          </select>
        </Field>
        <Field id="imp-source" label={t('import_source')}>
          <select id="imp-source" value={spec.source} onChange={(e) => onKindOrSource(spec.kind, e.currentTarget.value as SourceId)}>
            {SOURCES.map((s) => (
              <option key={s} value={s}>
                {s === detected.source ? t('import_sourceDetected', sourceName(s)) : sourceName(s)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {spec.source !== 'generic' && (
        <Field id="imp-tenant" label={t('import_tenant')}>
          <input
            id="imp-tenant"
            value={options.tenantText}
            aria-describedby="imp-tenant-hint"
            onInput={(e) => onOptions({ ...options, tenantText: e.currentTarget.value, tenantFromGrant: false })}
          />
          <p id="imp-tenant-hint" class="status">
            {options.tenantFromGrant ? t('import_tenantFromSite', sourceName(spec.source)) : t('import_tenantHint')}
          </p>
        </Field>
      )}
      <div class="row">
        <Field id="imp-dates" label={t('import_dateOrder')}>
          <select id="imp-dates" value={spec.dateOrder} onChange={(e) => onSpec({ ...spec, dateOrder: e.currentTarget.value as ImportSpec['dateOrder'] })}>
            <option value="auto">{t('import_dateAuto')}</option>
            <option value="mdy">{t('import_dateMdy')}</option>
            <option value="dmy">{t('import_dateDmy')}</option>
          </select>
        </Field>
        {spec.kind === 'deals' && (
          <Field id="imp-currency" label={t('import_defaultCurrency')}>
            <input
              id="imp-currency"
              value={spec.defaultCurrency}
              maxLength={3}
              autocomplete="off"
              onInput={(e) => onSpec({ ...spec, defaultCurrency: e.currentTarget.value.trim().toUpperCase() })}
            />
          </Field>
        )}
      </div>
      {spec.kind === 'deals' && (
        <label class="check" for="imp-create">
          <input id="imp-create" type="checkbox" checked={options.createMissing} onChange={(e) => onOptions({ ...options, createMissing: e.currentTarget.checked })} />
          {t('import_createMissing')}
        </label>
      )}
      {spec.kind === 'accounts' && spec.mapping.createdDate !== undefined && (
        <label class="check" for="imp-since-created">
          <input
            id="imp-since-created"
            type="checkbox"
            checked={spec.sinceFromCreated === true}
            onChange={(e) => onSpec({ ...spec, sinceFromCreated: e.currentTarget.checked })}
          />
          {t('import_sinceFromCreated')}
        </label>
      )}
      <fieldset>
        <legend>{t('import_mapping')}</legend>
        <p class="status">{t('import_mappingHint')}</p>
        <div class="mapping">
          {fieldsOf(spec.kind).map((field) => (
            <ColumnSelect key={field} id={`imp-map-${field}`} label={fieldLabel(field)} headers={table.headers} value={spec.mapping[field]} onChange={(column) => setColumn(field, column)} />
          ))}
        </div>
      </fieldset>
      {missing.length > 0 && (
        <p class="error" role="alert">
          {t('import_required', missing.map((f) => fieldLabel(f as TargetField)).join(', '))}
        </p>
      )}
    </>
  );
}
