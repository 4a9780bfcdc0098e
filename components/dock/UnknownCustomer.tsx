import { useEffect, useState } from 'preact/hooks';
import { isCustomerLike, isListPage, isMailPage } from '@/lib/model/subject-kind';
import { t } from '@/lib/i18n';
import type { PageSubject } from '@/lib/model/page-subject';
import { resolveMailCompany, suggestMailCompany, type MailCompany, type SubjectInfo } from '@/lib/messaging/protocol';
import type { PanelsProps, Request } from './state';
import { NewCustomer } from './NewCustomer';
import { ManualPick } from './ManualPick';

export interface UnknownCustomerProps extends Pick<PanelsProps, 'onAddCustomer' | 'search' | 'onPick' | 'request' | 'onChanged'> {
  subject: PageSubject;
  info: SubjectInfo;
}

/**
 * A page Holdfast does not know: what the rep can do to tie it to a customer. On a mail page
 * the company comes first (issue 15, point 3): the likely existing customer, else a new
 * company from the sender's domain, with the person as its contact; a CRM's own user, report
 * or dashboard page is never offered as a customer.
 */
export function UnknownCustomer({ subject, onAddCustomer, search, onPick, request, onChanged }: UnknownCustomerProps) {
  if (!isCustomerLike(subject) && !isListPage(subject)) {
    return (
      <div class="unknown">
        <p class="muted" data-testid="not-customer">{t('notCustomerPage')}</p>
      </div>
    );
  }
  if (isMailPage(subject) && request) {
    return <MailCompanyChoice subject={subject} request={request} search={search} onChanged={onChanged} />;
  }
  return (
    <div class="unknown">
      <p>{t('unknownCustomer')}</p>
      {!isListPage(subject) && (subject.name || subject.domains[0]) && (
        <button type="button" class="primary" onClick={() => onAddCustomer(subject)}>
          {t('addCustomer', subject.name ?? subject.domains[0] ?? '?')}
        </button>
      )}
      {!isListPage(subject) && request && <NewCustomer subject={subject} request={request} onChanged={onChanged} />}
      <ManualPick search={search} onPick={onPick} />
    </div>
  );
}

interface MailProps extends Pick<PanelsProps, 'search' | 'onChanged'> {
  subject: PageSubject;
  request: Request;
}

function MailCompanyChoice({ subject, request, search, onChanged }: MailProps) {
  const [offer, setOffer] = useState<MailCompany | null>(null);
  const [contact, setContact] = useState(true);
  const [coach, setCoach] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const key = JSON.stringify(subject);
  useEffect(() => {
    let live = true;
    setOffer(null);
    request(suggestMailCompany, subject)
      .then((o) => live && setOffer(o))
      .catch((err: unknown) => {
        console.debug('[holdfast] no company suggestion', err);
        if (live) setOffer({});
      });
    return () => {
      live = false;
    };
    // Keyed by the subject's content, not its identity: the dock hands a new object on every paint.
  }, [key]);

  async function resolve(customerId: string | undefined) {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      await request(resolveMailCompany, { subject, ...(customerId ? { customerId } : {}), contact: contact || coach, coach });
      onChanged?.();
    } catch (err) {
      setError(t('mailResolveFailed', err instanceof Error ? err.message : String(err)));
    } finally {
      setBusy(false);
    }
  }

  if (!offer) return <p class="muted" role="status">…</p>;
  const { match, domain, person, companyName } = offer;
  const who = person ? (person.name ?? person.email) : '';
  // The form "Add with details" starts from the company, not from the person who wrote.
  const company: PageSubject = { ...subject, name: match?.name ?? companyName ?? domain, domains: domain ? [domain] : [] };
  if (!company.name) delete company.name;
  return (
    <div class="unknown mail-company" data-testid="mail-company">
      {match ? (
        <p>{match.why === 'domain' && domain ? t('mailFromLooksLike', domain, match.name) : t('mailNamesCustomer', match.name)}</p>
      ) : domain ? (
        <p>{t('mailNewCompany', domain)}</p>
      ) : (
        <p>{person ? t('mailPublicSender', who) : t('unknownCustomer')}</p>
      )}
      {match && (
        <button type="button" class="primary" data-act="linkCompany" disabled={busy} onClick={() => void resolve(match.id)}>
          {domain ? t('mailAddDomainTo', domain, match.name) : t('mailLinkTo', match.name)}
        </button>
      )}
      {!match && domain && (
        <button type="button" class="primary" data-act="addCompany" disabled={busy} onClick={() => void resolve(undefined)}>
          {companyName ? t('mailAddCompanyNamed', companyName, domain) : t('mailAddCompany', domain)}
        </button>
      )}
      {person && (match || domain) && (
        <div class="mail-person">
          <label>
            <input type="checkbox" data-act="asContact" checked={contact || coach} disabled={busy} onChange={(e) => {
              setContact(e.currentTarget.checked);
              if (!e.currentTarget.checked) setCoach(false);
            }} />{' '}
            {t('mailPersonContact', who)}
          </label>
          <label>
            <input type="checkbox" data-act="asCoach" checked={coach} disabled={busy} onChange={(e) => setCoach(e.currentTarget.checked)} /> {t('mailPersonCoach')}
          </label>
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {match && domain && (
        <button type="button" class="link" data-act="addCompany" disabled={busy} onClick={() => void resolve(undefined)}>
          {t('mailOtherCompany', domain)}
        </button>
      )}
      <NewCustomer subject={company} request={request} onChanged={onChanged} />
      {/* A customer picked by name gets the sender's domain (or the person) too, so the pick lasts beyond this thread. */}
      <ManualPick search={search} onPick={(id) => void resolve(id)} />
    </div>
  );
}
