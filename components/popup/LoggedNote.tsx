import { t } from '@/lib/i18n';
import { openProblemInSidePanel, problemPageUrl } from './open-problem';

/** The problem just logged, as the confirmation names it. */
export interface Logged {
  id: string;
  title: string;
  customerName: string;
}

/**
 * The confirmation after a log: what was logged for whom, that I own it, and a way to the
 * problem itself (the side panel, focused on it), so the rep can see it was kept and act on it.
 */
export function LoggedNote({ logged, windowId }: { logged: Logged; windowId: number | undefined }) {
  return (
    <div class="ql-logged" data-testid="logged-note">
      <p>
        <span aria-hidden="true" class="ql-tick">
          ✓
        </span>{' '}
        <strong>{t('popup_loggedFor', logged.title, logged.customerName)}</strong>
      </p>
      <p class="small">{t('popup_youOwnIt')}</p>
      <p class="small">
        <a
          href={problemPageUrl(logged.id)}
          target="_blank"
          rel="noopener"
          data-testid="open-logged"
          onClick={(e) => {
            e.preventDefault();
            openProblemInSidePanel(logged.id, windowId);
          }}
        >
          {t('popup_openProblem')}
        </a>
      </p>
    </div>
  );
}
