import { useMemo } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { UNSPECIFIED_PRODUCT, convertAccount, convertDeal, formatMinor, prepare, rowNumber, type AccountDraft, type DealDraft, type ImportSpec, type RowOutcome, type Table, type TargetField } from '@/lib/import';
import { fieldLabel, reasonText } from './messages';

export const PREVIEW_ROWS = 10;

type Cells = Array<string | undefined>;

const ACCOUNT_COLUMNS: TargetField[] = ['recordId', 'name', 'website', 'customerSince', 'renewalDate', 'owner', 'accountType'];
const DEAL_COLUMNS: TargetField[] = ['recordId', 'accountName', 'date', 'amount', 'product', 'dealType'];

function accountCells(d: AccountDraft): Cells {
  // A created date standing in for "customer since" is labelled as one, here as in the dock.
  const since = d.customerSince && d.sinceSource === 'crm_created' ? `${d.customerSince}${t('tenure_parenthetical', t('tenure_sinceSource_crm_created'))}` : d.customerSince;
  const type = d.prospect === true ? t('import_isProspect') : d.prospect === false ? t('import_isCustomer') : undefined;
  return [d.recordId, d.name, d.domains.join(', '), since, d.renewalDate, d.owner, type];
}

function dealCells(d: DealDraft): Cells {
  const type = d.dealType ? t(d.dealType === 'new_business' ? 'import_newBusiness' : 'import_existingBusiness') : undefined;
  // The stored placeholder for "no product column" is shown in the reader's words.
  const product = d.product === UNSPECIFIED_PRODUCT ? t('import_productUnspecified') : d.product;
  return [d.recordId, d.account.name ?? d.account.domain ?? d.account.id, d.date, formatMinor(d.amount, d.currency, navigator.language), product, type];
}

/** The first rows as they will be stored (converted with the very code the import runs). */
export function PreviewTable({ table, spec }: { table: Table; spec: ImportSpec }) {
  const rows = useMemo(() => {
    const p = prepare(table, spec);
    return table.rows.slice(0, PREVIEW_ROWS).map((cells, i) => {
      const outcome: RowOutcome<AccountDraft | DealDraft> = spec.kind === 'accounts' ? convertAccount(p, cells, i) : convertDeal(p, cells, i);
      return { i, outcome };
    });
  }, [table, spec]);
  const columns = spec.kind === 'accounts' ? ACCOUNT_COLUMNS : DEAL_COLUMNS;

  return (
    <div class="scroll" tabIndex={0} role="region" aria-labelledby="imp-preview-h">
      <table data-testid="import-preview">
        <thead>
          <tr>
            <th scope="col">{t('import_colRow')}</th>
            {columns.map((c) => (
              <th key={c} scope="col">{fieldLabel(c)}</th>
            ))}
            <th scope="col">{t('import_colResult')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ i, outcome }) => {
            const cells: Cells =
              'draft' in outcome
                ? spec.kind === 'accounts'
                  ? accountCells(outcome.draft as AccountDraft)
                  : dealCells(outcome.draft as DealDraft)
                : columns.map(() => undefined);
            const result =
              'draft' in outcome
                ? t('import_willImport')
                : 'skipped' in outcome
                  ? t('import_willSkip', reasonText(outcome.skipped))
                  : t('import_willReject', reasonText(outcome.rejected));
            return (
              <tr key={i}>
                <td>{rowNumber(i, table.rowNumbers)}</td>
                {cells.map((c, k) => (
                  <td key={k}>{c ?? ''}</td>
                ))}
                <td class={'rejected' in outcome ? 'why error' : 'why'}>{result}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
