import { browser } from 'wxt/browser';
import type { ImportResult } from '@/lib/db/import-writes';
import { t } from '@/lib/i18n';
import type { ImportSpec } from '@/lib/import';
import { sourceName } from './messages';

/** The CRM's address as a link target: only an https address the user gave or the browser granted. */
function crmLink(tenantText: string): string | undefined {
  try {
    const url = new URL(tenantText.trim());
    return url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * "What now" after an import: where the imported customers show up (the CRM's own pages, with
 * Holdfast's tab; the book in the side panel), and what to import next for full figures.
 */
export function NextSteps({ result, spec, tenantText }: { result: ImportResult; spec: ImportSpec; tenantText: string }) {
  const wrote = result.created + result.updated + result.unchanged + result.customersCreated;
  if (!wrote) return null;
  const link = crmLink(tenantText);
  const crm = spec.source === 'generic' ? t('import_next_yourCrm') : sourceName(spec.source);
  return (
    <div class="next" data-testid="import-next">
      <h4>{t('import_next_title')}</h4>
      <ol>
        <li>
          {t('import_next_crm', crm)}{' '}
          {link && (
            <a href={link} target="_blank" rel="noopener noreferrer">
              {t('import_next_openCrm', crm)}
            </a>
          )}
        </li>
        <li>
          {t('import_next_book')}{' '}
          <a href={browser.runtime.getURL('/sidepanel.html')} target="_blank" rel="noopener">
            {t('import_next_openBook')}
          </a>
        </li>
        <li>{t(spec.kind === 'accounts' ? 'import_next_deals' : 'import_next_revenue')}</li>
      </ol>
    </div>
  );
}
