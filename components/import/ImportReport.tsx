import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportResult } from '@/lib/db/import-writes';
import { t } from '@/lib/i18n';
import type { RowIssue } from '@/lib/import';
import { reasonText, warningText } from './messages';

function IssueTable({ issues, testId, label }: { issues: RowIssue[]; testId: string; label: string }) {
  return (
    <div class="scroll" tabIndex={0} role="region" aria-label={label}>
      <table data-testid={testId}>
        <tbody>
          {issues.map((r, i) => (
            <tr key={i}>
              <th scope="row">{t('import_rowRef', r.row)}</th>
              <td class="why">{reasonText(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Counts, warnings, and every rejected and skipped row with its reason. */
export function ImportReport({ result }: { result: ImportResult }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Skipped rows can be tens of thousands (every lost deal): rendered only when opened.
  const [showSkipped, setShowSkipped] = useState(false);
  // Keyboard and screen-reader users land on the outcome, not back at the top of the page.
  useEffect(() => heading.current?.focus(), [result]);

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
        {result.customersCreated > 0 && <li>{t('import_countCustomersCreated', result.customersCreated)}</li>}
      </ul>
      {result.warnings.map((w, i) => (
        <p key={i} class="status" role="note">
          {warningText(w)}
        </p>
      ))}
      <h4>{t('import_rejectedTitle')}</h4>
      {result.rejected.length ? <IssueTable issues={result.rejected} testId="import-rejected" label={t('import_rejectedTitle')} /> : <p class="muted">{t('import_noRejected')}</p>}
      {result.skipped.length > 0 && (
        <details onToggle={(e) => setShowSkipped(e.currentTarget.open)}>
          <summary>{t('import_skippedTitle')} ({result.skipped.length})</summary>
          {showSkipped && <IssueTable issues={result.skipped} testId="import-skipped" label={t('import_skippedTitle')} />}
        </details>
      )}
    </div>
  );
}
