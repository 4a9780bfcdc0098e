import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { customerFromSubject, db, ensureMe, fromRow, logProblemAsMe, resolveCustomer, saveCustomer } from '@/lib/db';
import type { Customer, PageSubject, Severity, Channel } from '@/lib/model';
import { freshPending } from '@/lib/owners/run';
import { t } from '@/lib/i18n';
import { activeTabSubject } from '@/lib/tabs/active-subject';
import { nowIso } from '@/lib/util/ids';
import { Field } from '../ui/Field';
import { useLive } from '../ui/useLive';
import { CustomerPicker } from './CustomerPicker';

const SEVERITIES: Severity[] = ['low', 'normal', 'high', 'critical'];
const CHANNELS: Channel[] = ['email', 'phone', 'chat', 'visit', 'other'];
/** Where the context menu leaves the selected text (entrypoints/background/open-ui.ts). */
const PENDING_DETAIL_KEY = 'owner.pendingDetail';

/** A `datetime-local` value (local wall time) as an ISO instant; empty stays undefined. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/**
 * Quick-log: the customer comes from the active tab when it shows one; the title field has
 * focus, so "type, Enter" logs the problem. Enter saves from any field (Shift+Enter is a new
 * line in the detail). Whoever logs it owns it.
 */
export function QuickLog() {
  const [subject, setSubject] = useState<PageSubject | null | undefined>(undefined);
  const [customerId, setCustomerId] = useState<string>('');
  const [title, setTitle] = useState('');
  const [detail, setDetail] = useState('');
  const [severity, setSeverity] = useState<Severity>('normal');
  const [channel, setChannel] = useState<Channel>('email');
  const [due, setDue] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const customers = useLive(() => db().customers.orderBy('nameKey').filter((c) => !c.deleted).limit(500).toArray(), [], []);

  useEffect(() => {
    void (async () => {
      const s = await activeTabSubject();
      setSubject(s);
      const match = s ? await resolveCustomer(db(), s) : null;
      if (match) setCustomerId(match.row.id);
    })();
    // Opened from the context menu: the selected text is the detail (once, and only while fresh).
    void (async () => {
      const session = browser.storage?.session;
      if (!session) return;
      const stored = (await session.get(PENDING_DETAIL_KEY))[PENDING_DETAIL_KEY];
      if (stored === undefined) return;
      await session.remove(PENDING_DETAIL_KEY);
      const pending = freshPending(stored, nowIso());
      if (pending) setDetail(pending.detail);
    })();
    void ensureMe(db());
  }, []);

  const current = customers.find((c) => c.id === customerId);

  async function addFromPage(s: PageSubject) {
    const saved = await saveCustomer(db(), customerFromSubject(s));
    setCustomerId(saved.id);
    setMessage({ kind: 'ok', text: t('savedCustomer') });
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (!customerId) {
      setMessage({ kind: 'error', text: t('owner_pickCustomerFirst') });
      return;
    }
    try {
      const dueAt = localInputToIso(due);
      await logProblemAsMe(db(), {
        customerId,
        title,
        severity,
        channel,
        ...(detail.trim() ? { detail: detail.trim() } : {}),
        ...(dueAt ? { dueAt } : {}),
      });
      setTitle('');
      setDetail('');
      setDue('');
      setMessage({ kind: 'ok', text: t('savedProblem') });
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  }

  /** Enter saves from every field; Shift+Enter in the detail is a new line; IME Enter is the IME's. */
  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== 'Enter' || e.isComposing || e.shiftKey) return;
    const el = e.target as HTMLElement;
    if (el.tagName === 'BUTTON') return;
    if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.tagName === 'INPUT') {
      e.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  return (
    <main>
      <h1>{t('popupTitle')}</h1>
      <section aria-label={t('customerLabel')} class="card">
        {current ? (
          <p>
            <strong data-testid="popup-customer">{current.name}</strong>
          </p>
        ) : subject ? (
          <div>
            <p class="muted">{t('unknownCustomer')}</p>
            <button type="button" class="primary" onClick={() => void addFromPage(subject)}>
              {t('addCustomer', customerFromSubject(subject).name)}
            </button>
          </div>
        ) : null}
        <CustomerPicker customers={customers.map(fromRow) as Customer[]} value={customerId} onChange={setCustomerId} />
      </section>
      <form ref={formRef} onSubmit={submit} onKeyDown={onKeyDown}>
        <Field id="title" label={t('problemTitle')}>
          <input id="title" value={title} required maxLength={200} autoFocus onInput={(e) => setTitle(e.currentTarget.value)} />
        </Field>
        <Field id="detail" label={t('owner_detailLabel')}>
          <textarea id="detail" rows={3} maxLength={20_000} value={detail} aria-describedby="detail-hint" onInput={(e) => setDetail(e.currentTarget.value)} />
        </Field>
        <p id="detail-hint" class="muted small">
          {t('owner_enterHint')}
        </p>
        <div class="row">
          <Field id="severity" label={t('severityLabel')}>
            <select id="severity" value={severity} onChange={(e) => setSeverity(e.currentTarget.value as Severity)}>
              {SEVERITIES.map((s) => (
                <option value={s}>{t(`severity_${s}`)}</option>
              ))}
            </select>
          </Field>
          <Field id="channel" label={t('channelLabel')}>
            <select id="channel" value={channel} onChange={(e) => setChannel(e.currentTarget.value as Channel)}>
              {CHANNELS.map((c) => (
                <option value={c}>{t(`channel_${c}`)}</option>
              ))}
            </select>
          </Field>
        </div>
        <Field id="due" label={t('owner_dueLabel')}>
          <input id="due" type="datetime-local" value={due} onInput={(e) => setDue(e.currentTarget.value)} />
        </Field>
        <p>
          <button type="submit" class="primary" disabled={!customerId}>
            {t('logProblem')}
          </button>
        </p>
      </form>
      <p role="status" class={message?.kind === 'error' ? 'error' : 'muted'}>
        {message?.text}
      </p>
    </main>
  );
}
