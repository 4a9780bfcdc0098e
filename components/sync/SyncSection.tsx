import { useState } from 'preact/hooks';
import { send } from '@/lib/messaging';
import { syncConnect, syncDisconnect, syncNow } from '@/lib/messaging/sync-messages';
import { t } from '@/lib/i18n';
import { checkServerUrl } from '@/lib/sync/server-url';
import { Field } from '../ui/Field';
import { useSyncStatus } from './useSyncStatus';
import { agoWords, errorWords, inWords, refusalWords, tableWords, urlProblemWords } from './words';

type Message = { kind: 'ok' | 'error'; text: string } | null;

/**
 * Options → Team sync: connect with the server's address and my token (the background
 * keeps the token; this page hands it over once and never reads it back), then status,
 * Sync now, Disconnect, and the changes the server refused with its reasons.
 */
export function SyncSection() {
  const { status, now, refresh } = useSyncStatus();
  const [serverUrl, setServerUrl] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState<'connect' | 'sync' | 'disconnect' | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [confirmingDisconnect, setConfirmingDisconnect] = useState(false);

  async function run(what: NonNullable<typeof busy>, work: () => Promise<Message>) {
    setBusy(what);
    setMessage(null);
    try {
      setMessage(await work());
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(null);
      refresh();
    }
  }

  function onConnect(e: Event) {
    e.preventDefault();
    const url = checkServerUrl(serverUrl);
    if (!url.ok) return setMessage({ kind: 'error', text: urlProblemWords(url.problem) });
    if (!token.trim()) return setMessage({ kind: 'error', text: t('sync_tokenMissing') });
    void run('connect', async () => {
      const r = await send(syncConnect, { serverUrl: url.url, token: token.trim() });
      if (!r.ok) {
        const why = r.code === 'bad_url' ? urlProblemWords(r.reason) : errorWords({ code: r.code as Parameters<typeof errorWords>[0]['code'], detail: r.reason });
        return { kind: 'error', text: t('sync_connectFailed', why) };
      }
      setToken('');
      return { kind: 'ok', text: t('sync_connectedOk', r.teamName, r.repName) };
    });
  }

  const onSyncNow = () => void run('sync', async () => (await send(syncNow, null), null));

  function onDisconnect() {
    if (status && status.pending > 0 && !confirmingDisconnect) return setConfirmingDisconnect(true);
    setConfirmingDisconnect(false);
    void run('disconnect', async () => {
      await send(syncDisconnect, null);
      return { kind: 'ok', text: t('sync_disconnected') };
    });
  }

  return (
    <section aria-labelledby="sync-h" data-testid="sync-section">
      <h2 id="sync-h">{t('sync_title')}</h2>
      <p class="muted">{t('sync_intro')}</p>
      {!status?.connected ? (
        <form onSubmit={onConnect} aria-labelledby="sync-h">
          <Field id="sync-url" label={t('sync_serverUrl')}>
            <input
              id="sync-url"
              type="url"
              inputMode="url"
              autoComplete="url"
              spellcheck={false}
              placeholder="https://sync.example.com"
              aria-describedby="sync-url-hint"
              value={serverUrl}
              onInput={(e) => setServerUrl(e.currentTarget.value)}
            />
          </Field>
          <p id="sync-url-hint" class="status">{t('sync_serverUrlHint')}</p>
          <Field id="sync-token" label={t('sync_token')}>
            <input id="sync-token" type="password" autoComplete="off" spellcheck={false} aria-describedby="sync-token-hint" value={token} onInput={(e) => setToken(e.currentTarget.value)} />
          </Field>
          <p id="sync-token-hint" class="status">{t('sync_tokenHint')}</p>
          <p>
            <button type="submit" class="primary" disabled={busy !== null}>
              {busy === 'connect' ? t('sync_connecting') : t('sync_connect')}
            </button>
          </p>
        </form>
      ) : (
        <div>
          <p data-testid="sync-connected">{t('sync_connectedTo', status.serverUrl ?? '', status.repName ?? '', status.teamName ?? '')}</p>
          <h3>{t('sync_statusTitle')}</h3>
          <ul data-testid="sync-status">
            <li>{t('sync_lastSync', status.lastSyncAt ? agoWords(status.lastSyncAt, now) : t('sync_never'))}</li>
            <li>{t('sync_pending', status.pending)}</li>
            {status.firstSync && (
              <li>
                {status.progress?.phase === 'queue' && status.progress.total !== undefined
                  ? t('sync_progressQueue', status.progress.done, status.progress.total)
                  : status.progress?.phase === 'pull'
                    ? t('sync_progressPull', status.progress.done)
                    : t('sync_firstSync')}
              </li>
            )}
            {status.lastError && (
              <li class="error">
                {t('sync_lastError', errorWords(status.lastError))}
                {status.nextAttemptAt !== undefined && !status.stopped ? ` ${t('sync_nextAttempt', inWords(status.nextAttemptAt, now))}` : ''}
              </li>
            )}
            {status.stopped && <li class="error">{t('sync_stopped')}</li>}
          </ul>
          <p class="row">
            <button type="button" class="primary" disabled={busy !== null} onClick={onSyncNow}>
              {busy === 'sync' ? t('sync_syncing') : t('sync_now')}
            </button>
            <button type="button" disabled={busy !== null} onClick={onDisconnect}>{t('sync_disconnect')}</button>
          </p>
          {confirmingDisconnect && (
            <div role="alert">
              <p>{t('sync_disconnectPending', status.pending)}</p>
              <p class="row">
                <button type="button" class="danger" onClick={onDisconnect}>{t('sync_disconnectAnyway')}</button>
                <button type="button" onClick={() => setConfirmingDisconnect(false)}>{t('sync_cancel')}</button>
              </p>
            </div>
          )}
          <h3 id="sync-refusals-h">{t('sync_refusalsTitle')}</h3>
          {status.refusals.length === 0 ? (
            <p class="muted">{t('sync_refusalsNone')}</p>
          ) : (
            <ul aria-labelledby="sync-refusals-h" data-testid="sync-refusals">
              {[...status.refusals].reverse().map((r) => (
                <li key={`${r.at}-${r.table}-${r.recordId}`}>
                  {t('sync_refusalItem', tableWords(r.table), r.label ?? r.recordId, refusalWords(r))}{' '}
                  <span class="status">{t('sync_refusalWhen', agoWords(r.at, now))}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p role="status" data-testid="sync-message" class={message?.kind === 'error' ? 'error' : 'muted'}>{message?.text}</p>
    </section>
  );
}
