import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { apiHostFor, permissionsFor } from '@/lib/crm/address';
import type { CrmShare, CrmStatus } from '@/lib/crm/state';
import type { CrmProduct } from '@/lib/crm/types';
import { t, type MessageKey } from '@/lib/i18n';
import { send } from '@/lib/messaging';
import { crmCancel, crmConnect, crmDisconnect, crmSyncNow } from '@/lib/messaging/crm-messages';
import { inWords } from '@/components/sync/words';
import { Field } from '../../ui/Field';
import { HUBSPOT_SCOPES, needsAddress, needsToken, PRODUCT_NAMES, SHORT_NAMES } from './products';
import { connectionText, errorText, progressLabel, progressText, progressValue, statusText } from './words';

/** What the card says went wrong: our words, and the API's own under "Details". */
interface Problem {
  text: string;
  detail?: string;
}

type Busy = 'connect' | 'sync' | 'cancel' | 'disconnect' | null;

/** The permission paragraph before an address names the host (the whole sentence: Chinese spaces a host but not a phrase). */
const HOST_UNKNOWN: Partial<Record<CrmProduct, MessageKey>> = {
  salesforce: 'crm_sfHostUnknown',
  pipedrive: 'crm_pdHostUnknown',
  dynamics: 'crm_dynHostUnknown',
};

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * One CRM's card. Not connected: what Holdfast reads and which permission the browser will
 * ask and why — said before anything is asked — then the address / token, whose data it is
 * (me or the whole team), and Connect. Connecting asks the browser for that one org's host
 * (and, for Salesforce, its session cookie) in the click itself, then hands over to the
 * background, which checks who the user is and starts the first sync. Connected: progress
 * while it reads, else when it last synced and what it brought in; Sync now, Disconnect.
 */
export function CrmCard(props: {
  product: CrmProduct;
  status: CrmStatus | undefined;
  /** The address to propose (one instance of this product granted), until the user types. */
  proposed: string | undefined;
  now: number;
  onStatuses: (s: CrmStatus[]) => void;
  refresh: () => void;
}) {
  const { product, status, proposed, now } = props;
  const id = `crm-${product}`;
  const name = SHORT_NAMES[product];
  const [typed, setTyped] = useState<string | null>(null);
  const [token, setToken] = useState('');
  const [share, setShare] = useState<CrmShare>('me');
  const [addressError, setAddressError] = useState('');
  const [tokenError, setTokenError] = useState('');
  const [busy, setBusy] = useState<Busy>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [note, setNote] = useState('');
  // Said, not shown: the connected card already shows the same words (crm-connection).
  const [said, setSaid] = useState('');
  const [confirming, setConfirming] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const addressInput = useRef<HTMLInputElement>(null);
  const tokenInput = useRef<HTMLInputElement>(null);
  const actionButton = useRef<HTMLButtonElement>(null);
  const disconnectButton = useRef<HTMLButtonElement>(null);
  // Whether keyboard focus is in this card: when the button holding it goes away (Sync now
  // becomes Cancel, Cancel goes when the sync ends) focus moves to the button that replaced it.
  const focusInCard = useRef(false);
  const running = !!status?.running;
  useEffect(() => {
    if (focusInCard.current && (document.activeElement === document.body || document.activeElement === null)) actionButton.current?.focus({ preventScroll: true });
  }, [running]);

  const address = typed ?? proposed ?? '';
  const apiHost = needsAddress(product) ? (address.trim() ? apiHostFor(product, address) : undefined) : apiHostFor(product, '');
  const permission =
    product === 'hubspot' ? t('crm_perm_hubspot') : apiHost ? t(`crm_perm_${product}` as MessageKey, apiHost) : t(HOST_UNKNOWN[product]!);

  /** The browser's prompt for this org's host (and Salesforce's cookie): call it synchronously in the click. */
  function askFor(host: string): Promise<boolean> {
    try {
      // permissionsFor names only 'cookies' among API permissions, one the browser knows.
      return browser.permissions.request(permissionsFor(product, host) as Parameters<typeof browser.permissions.request>[0]);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /** Focus the card's heading after the form it held goes away, so keyboard users are not dropped on the page. */
  const focusHeading = () => requestAnimationFrame(() => heading.current?.focus());

  async function act(what: NonNullable<Busy>, work: () => Promise<void>) {
    setBusy(what);
    setProblem(null);
    setNote('');
    setSaid('');
    try {
      await work();
    } catch (err) {
      setProblem({ text: t('crm_unavailable'), detail: messageOf(err) });
    } finally {
      setBusy(null);
      props.refresh();
    }
  }

  function onConnect(e: Event) {
    e.preventDefault();
    setProblem(null);
    setNote('');
    setAddressError('');
    setTokenError('');
    if (needsAddress(product) && !apiHost) {
      setAddressError(address.trim() ? t(`crm_badAddress_${product}` as MessageKey) : t('crm_addressMissing', name));
      addressInput.current?.focus();
      return;
    }
    if (needsToken(product) && !token.trim()) {
      setTokenError(t('crm_tokenMissing'));
      tokenInput.current?.focus();
      return;
    }
    // Asked here, in the click (or Enter) itself: the browser only shows its prompt for a user gesture.
    const asked = askFor(apiHost!);
    void act('connect', async () => {
      let granted: boolean;
      try {
        granted = await asked;
      } catch (err) {
        setProblem({ text: errorText('no_permission', product), detail: messageOf(err) });
        return;
      }
      if (!granted) {
        setProblem({ text: t('crm_denied', name) });
        return;
      }
      const reply = await send(crmConnect, {
        product,
        share,
        ...(needsAddress(product) ? { address: address.trim() } : {}),
        ...(needsToken(product) ? { token: token.trim() } : {}),
      });
      if (!reply.ok) {
        setProblem({ text: errorText(reply.code, product, reply.detail, 'connect'), ...(reply.detail ? { detail: reply.detail } : {}) });
        return;
      }
      setToken('');
      props.onStatuses([reply.status]);
      // Focus on the heading alone reads only the product's name: the outcome is said too.
      setSaid(connectionText(reply.status));
      focusHeading();
    });
  }

  function onSyncNow() {
    // Access taken back (the browser's site settings): ask again, in this click, before reading.
    const again = status?.lastError?.code === 'no_permission' ? askFor(status.apiHost) : undefined;
    void act('sync', async () => {
      if (again && !(await again.catch(() => false))) return setProblem({ text: t('crm_deniedSync', name) });
      props.onStatuses(await send(crmSyncNow, { product }));
    });
  }
  const onCancel = () => void act('cancel', async () => props.onStatuses(await send(crmCancel, { product })));

  function onDisconnect() {
    if (!confirming) return setConfirming(true);
    setConfirming(false);
    void act('disconnect', async () => {
      await send(crmDisconnect, { product });
      setNote(t('crm_disconnected', name));
      focusHeading();
    });
  }

  // The last sync's failure, unless something newer is being said; hidden while a new sync runs.
  const lastError = !status?.running && status?.lastError ? { text: errorText(status.lastError.code, product, status.lastError.detail), detail: status.lastError.detail } : null;
  const shown = problem ?? lastError;

  return (
    <article
      class="card crm-card"
      data-testid={id}
      aria-labelledby={`${id}-h`}
      onFocusIn={() => (focusInCard.current = true)}
      onFocusOut={(e) => {
        // A removed button's focusout has no relatedTarget: focus was lost, not moved away.
        const to = e.relatedTarget as Node | null;
        if (to && !e.currentTarget.contains(to)) focusInCard.current = false;
      }}
    >
      <h3 id={`${id}-h`} ref={heading} tabIndex={-1}>
        {PRODUCT_NAMES[product]}
      </h3>
      {!status ? (
        <form onSubmit={onConnect} aria-labelledby={`${id}-h`} noValidate>
          <p>{t('crm_reads', name)}</p>
          <p id={`${id}-perm`} class="crm-perm">
            {permission}
          </p>
          {product === 'hubspot' && (
            <div class="crm-scopes">
              <p id={`${id}-scopes`} class="status">{t('crm_scopesLabel')}</p>
              <ul aria-labelledby={`${id}-scopes`}>
                {HUBSPOT_SCOPES.map((s) => (
                  <li key={s}>
                    <code>{s}</code>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {needsAddress(product) && (
            <>
              <Field id={`${id}-address`} label={t('crm_address')}>
                <input
                  id={`${id}-address`}
                  ref={addressInput}
                  type="url"
                  inputMode="url"
                  autoComplete="url"
                  spellcheck={false}
                  value={address}
                  aria-invalid={addressError ? true : undefined}
                  aria-describedby={addressError ? `${id}-address-error ${id}-address-hint` : `${id}-address-hint`}
                  onInput={(e) => {
                    setTyped(e.currentTarget.value);
                    setAddressError('');
                  }}
                />
              </Field>
              {addressError && (
                <p id={`${id}-address-error`} class="error crm-field-error" role="alert" data-testid="crm-address-error">
                  {addressError}
                </p>
              )}
              <p id={`${id}-address-hint`} class="status">
                {t(`crm_addressHint_${product}` as MessageKey)}
              </p>
            </>
          )}
          {needsToken(product) && (
            <>
              <Field id={`${id}-token`} label={t('crm_token')}>
                <input
                  id={`${id}-token`}
                  ref={tokenInput}
                  type="password"
                  autoComplete="off"
                  spellcheck={false}
                  value={token}
                  aria-invalid={tokenError ? true : undefined}
                  aria-describedby={tokenError ? `${id}-token-error ${id}-perm` : `${id}-perm`}
                  onInput={(e) => {
                    setToken(e.currentTarget.value);
                    setTokenError('');
                  }}
                />
              </Field>
              {tokenError && (
                <p id={`${id}-token-error`} class="error crm-field-error" role="alert" data-testid="crm-token-error">
                  {tokenError}
                </p>
              )}
            </>
          )}
          <fieldset class="crm-share">
            <legend>{t('crm_share')}</legend>
            <label>
              <input type="radio" name={`${id}-share`} value="me" checked={share === 'me'} onChange={() => setShare('me')} />
              {t('crm_shareMe')}
            </label>
            <label>
              <input type="radio" name={`${id}-share`} value="team" checked={share === 'team'} aria-describedby={`${id}-team-warn`} onChange={() => setShare('team')} />
              {t('crm_shareTeam')}
            </label>
            <p id={`${id}-team-warn`} class={share === 'team' ? 'crm-warn crm-warn-on' : 'crm-warn status'} data-testid="crm-share-warning">
              {t('crm_shareTeamWarn')}
            </p>
          </fieldset>
          <p>
            <button type="submit" class="primary" disabled={busy !== null} aria-describedby={`${id}-perm`}>
              {busy === 'connect' ? t('crm_connecting') : t(`crm_connect_${product}` as MessageKey)}
            </button>
          </p>
        </form>
      ) : (
        <div>
          <p data-testid="crm-connection">{connectionText(status)}</p>
          {status.running ? (
            <div class="crm-running">
              <Progress product={product} status={status} now={now} />
              <p class="row crm-actions">
                <button type="button" ref={actionButton} disabled={busy !== null} onClick={onCancel}>
                  {t('crm_cancel')}
                </button>
              </p>
              <p class="status">{t('crm_runningNote')}</p>
            </div>
          ) : (
            <>
              <p data-testid="crm-status">{statusText(status)}</p>
              {status.lastError && status.nextAttemptAt !== undefined && status.nextAttemptAt > now && (
                <p class="status">{t('crm_nextAttempt', inWords(status.nextAttemptAt, now))}</p>
              )}
              <p class="row crm-actions">
                <button type="button" class="primary" ref={actionButton} disabled={busy !== null} onClick={onSyncNow}>
                  {t('crm_syncNow')}
                </button>
                <button type="button" ref={disconnectButton} disabled={busy !== null} onClick={onDisconnect} aria-expanded={confirming} aria-controls={`${id}-confirm-box`}>
                  {t('crm_disconnect')}
                </button>
              </p>
              {confirming && (
                <div class="crm-confirm" id={`${id}-confirm-box`} role="group" aria-labelledby={`${id}-confirm`}>
                  <p id={`${id}-confirm`}>{t('crm_disconnectConfirm', name)}</p>
                  <p class="row crm-actions">
                    <button type="button" class="danger" onClick={onDisconnect}>
                      {t('crm_disconnectYes', name)}
                    </button>
                    <button
                      type="button"
                      onClick={() => {
                        setConfirming(false);
                        requestAnimationFrame(() => disconnectButton.current?.focus());
                      }}
                    >
                      {t('crm_keep')}
                    </button>
                  </p>
                </div>
              )}
            </>
          )}
        </div>
      )}
      {shown && (
        <div role="alert" data-testid="crm-error" class="crm-error">
          <p>{shown.text}</p>
          {shown.detail && (
            <details>
              <summary>{t('crm_details')}</summary>
              <code>{shown.detail}</code>
            </details>
          )}
        </div>
      )}
      <p role="status" class="status crm-note">
        {note}
        <span class="visually-hidden" data-testid="crm-said">
          {said}
        </span>
      </p>
    </article>
  );
}

/** The bar (determinate when the API said how many records the phase holds) and its line. */
function Progress({ product, status, now }: { product: CrmProduct; status: CrmStatus; now: number }) {
  const p = status.running!;
  const v = progressValue(p);
  return (
    <>
      {v ? <progress aria-label={progressLabel(product)} value={v.value} max={v.max} /> : <progress aria-label={progressLabel(product)} />}
      <p data-testid="crm-progress">{progressText(product, p, now)}</p>
    </>
  );
}
