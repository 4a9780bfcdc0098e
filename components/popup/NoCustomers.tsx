import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import './no-customers.css';

/**
 * What a rep with an empty book sees in the popup and the side panel: the two ways in (a CRM
 * page's own "Add as a customer", or Options' import with the setup checklist), not a pointer
 * to something that isn't there.
 */
export function NoCustomers() {
  return (
    <div class="empty-book" data-testid="no-customers">
      <p>
        <strong>{t('empty_noCustomersTitle')}</strong>
      </p>
      <p class="muted">{t('empty_fromCrmPage')}</p>
      <p>
        {/* Options' Data section holds the import; the setup checklist sits above every section. */}
        <a href={browser.runtime.getURL('/options.html#data')} target="_blank" rel="noopener" data-testid="no-customers-import">
          {t('empty_importLink')}
        </a>
      </p>
    </div>
  );
}
