import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ImportResult } from '@/lib/db/import-writes';
import { t } from '@/lib/i18n';
import { rowAccount, type ImportSpec, type RowIssue, type Table } from '@/lib/import';
import { countText } from '../ui/count-text';
import { NextSteps } from './NextSteps';
import { reasonText, warningText } from './messages';

function IssueTable({ issues, testId, label, accountOf }: { issues: RowIssue[]; testId: string; label: string; accountOf: (row: number) => string }) {
  return (
    <div class="scroll" tabIndex={0} role="region" aria-label={label}>
      <table data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('import_colRow')}</th>
            <th scope="col">{t('import_colAccount')}</th>
            <th scope="col">{t('import_colWhy')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((r, i) => (
            <tr key={i}>
              <th scope="row">{t('import_rowRef', r.row)}</th>
              <td class="who">{accountOf(r.row) || <span class="muted">{t('import_noAccountName')}</span>}</td>
              <td class="why">{reasonText(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Counts, warnings, every rejected and skipped row with its account and reason, and what to do next. */
export function ImportReport({ result, table, spec, tenantText }: { result: ImportResult; table: Table; spec: ImportSpec; tenantText: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Skipped rows can be tens of thousands (every lost deal): rendered only when opened.
  const [showSkipped, setShowSkipped] = useState(false);
  // Keyboard and screen-reader users land on the outcome, not back at the top of the page.
  useEffect(() => heading.current?.focus(), [result]);
  const accountOf = useMemo(() => (row: number) => rowAccount(table, spec, row), [table, spec]);

  return (
    <div data-testid="import-report">
      <h3 ref={heading} tabIndex={-1}>{t('import_done')}</h3>
      <ul class="plain counts" data-testid="import-counts">
        <li>{t('import_countTotal', result.total)}</li>
        <li data-count="created">{t('import_countCreated', result.created)}</li>
        <li data-count="updated">{t('import_countUpdated', result.updated)}</li>
        <li data-count="unchanged">{t('import_countUnchanged', result.unchanged)}</li>
        <li data-count="skipped">{t('import_countSkipped', result.skipped.length)}</li>
        <li data-count="rejected">{t('import_countRejected', result.rejected.length)}</li>
        {result.customersCreated > 0 && <li>{countText(result.customersCreated, 'import_countCustomersCreated_one', 'import_countCustomersCreated')}</li>}
      </ul>
      {result.warnings.map((w, i) => (
        <p key={i} class="status" role="note">
          {warningText(w)}
        </p>
      ))}
      <NextSteps result={result} spec={spec} tenantText={tenantText} />
      <h4>{t('import_rejectedTitle')}</h4>
      {result.rejected.length ? (
        <IssueTable issues={result.rejected} testId="import-rejected" label={t('import_rejectedTitle')} accountOf={accountOf} />
      ) : (
        <p class="muted">{t('import_noRejected')}</p>
      )}
      {result.skipped.length > 0 && (
        <details onToggle={(e) => setShowSkipped(e.currentTarget.open)}>
          <summary>{t('import_skippedTitle')} ({result.skipped.length})</summary>
          {showSkipped && <IssueTable issues={result.skipped} testId="import-skipped" label={t('import_skippedTitle')} accountOf={accountOf} />}
        </details>
      )}
    </div>
  );
}
