import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { customerFromSubject, db, ensureMe, fromRow, logProblemAsMe, resolveCustomer, saveCustomer } from '@/lib/db';
import type { CustomerRow } from '@/lib/db/database';
import type { Customer, PageSubject, Severity, Channel } from '@/lib/model';
import { freshPending } from '@/lib/owners/run';
import { t } from '@/lib/i18n';
import { activeTabSubject } from '@/lib/tabs/active-subject';
import { nowIso } from '@/lib/util/ids';
import { Field } from '../ui/Field';
import { useLive } from '../ui/useLive';
import { CustomerPicker } from './CustomerPicker';
import { NoCustomers } from './NoCustomers';
import { LoggedNote, type Logged } from './LoggedNote';
import { browserWindowId } from './open-problem';
import './popup.css';

/** What a fresh form starts with, and returns to after each log (a kept "critical" would mislabel the next problem). */
const DEFAULT_SEVERITY: Severity = 'normal';
const DEFAULT_CHANNEL: Channel = 'email';
const SEVERITIES: Severity[] = ['low', 'normal', 'high', 'critical'];
const CHANNELS: Channel[] = ['email', 'phone', 'chat', 'visit', 'other'];
/** Where the context menu leaves the selected text (entrypoints/background/open-ui.ts). */
const PENDING_DETAIL_KEY = 'owner.pendingDetail';
/** Whether the rep keeps severity, channel and due date unfolded: a rep who sets them every time keeps them in view. */
const MORE_OPEN_KEY = 'holdfast.quickLog.moreOpen';

/** A `datetime-local` value (local wall time) as an ISO instant; empty stays undefined. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/**
 * Quick-log: the customer comes from the active tab when it shows one; the title field has
 * focus, so "type, Enter" logs the problem. Enter saves from any field (Shift+Enter is a new
 * line in the detail). Whoever logs it owns it. The Log button comes right after the detail
 * (two Tabs from the title); severity, channel and due date sit folded behind it, their
 * current values in the summary, and return to the defaults after every log.
 */
export function QuickLog() {
  const [subject, setSubject] = useState<PageSubject | null | undefined>(undefined);
  const [customerId, setCustomerId] = useState<string>('');
  const [choosing, setChoosing] = useState(false);
  const [title, setTitle] = useState('');
  const [titleError, setTitleError] = useState('');
  const [detail, setDetail] = useState('');
  const [severity, setSeverity] = useState<Severity>(DEFAULT_SEVERITY);
  const [channel, setChannel] = useState<Channel>(DEFAULT_CHANNEL);
  const [due, setDue] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [logged, setLogged] = useState<Logged | null>(null);
  const [windowId, setWindowId] = useState<number | undefined>(undefined);
  const [moreOpen, setMoreOpen] = useState(() => localStorage.getItem(MORE_OPEN_KEY) === '1');
  const formRef = useRef<HTMLFormElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  // null until read, so an empty book's guidance does not flash up while the customers load.
  const loaded = useLive<CustomerRow[] | null>(() => db().customers.orderBy('nameKey').filter((c) => !c.deleted).limit(500).toArray(), [], null);
  const customers = loaded ?? [];

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
    void browserWindowId().then(setWindowId);
    void ensureMe(db());
  }, []);

  const current = customers.find((c) => c.id === customerId);

  async function addFromPage(s: PageSubject) {
    const saved = await saveCustomer(db(), customerFromSubject(s));
    setCustomerId(saved.id);
    setMessage({ kind: 'ok', text: t('savedCustomer') });
    titleRef.current?.focus();
  }

  function pick(id: string) {
    setCustomerId(id);
    if (id) setChoosing(false);
  }

  async function submit(e: Event) {
    e.preventDefault();
    // Our own message next to the field (the form is noValidate): the browser's tooltip vanishes and is not read out.
    if (!title.trim()) {
      setTitleError(t('popup_titleRequired'));
      titleRef.current?.focus();
      return;
    }
    if (!customerId) {
      setMessage({ kind: 'error', text: t('owner_pickCustomerFirst') });
      return;
    }
    try {
      const dueAt = localInputToIso(due);
      const problem = await logProblemAsMe(db(), {
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
      setSeverity(DEFAULT_SEVERITY);
      setChannel(DEFAULT_CHANNEL);
      setMessage(null);
      setLogged({ id: problem.id, title: problem.title, customerName: current?.name ?? '?' });
      // Ready for the next one: the title again, not wherever Enter was pressed.
      titleRef.current?.focus();
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  }

  /** Enter saves from every field; Shift+Enter in the detail is a new line; IME Enter is the IME's. */
  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== 'Enter' || e.isComposing || e.shiftKey) return;
    const el = e.target as HTMLElement;
    if (el.tagName === 'BUTTON' || el.tagName === 'SUMMARY') return;
    if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.tagName === 'INPUT') {
      e.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  const showPicker = !current || choosing;
  // An empty book and no customer on the tab: nothing to log against yet, so only the way in.
  const emptyBook = !!loaded && loaded.length === 0 && !subject;
  return (
    <main class="quick-log">
      <h1>{t('popupTitle')}</h1>
      {emptyBook ? (
        <NoCustomers />
      ) : (
        <section aria-label={t('customerLabel')} class="ql-customer">
          {current && !choosing ? (
            <p class="ql-for">
              <span class="muted">{t('popup_for')}</span> <strong data-testid="popup-customer">{current.name}</strong>{' '}
              <button type="button" class="ql-link" onClick={() => setChoosing(true)}>
                {t('popup_changeCustomer')}
              </button>
            </p>
          ) : !current && subject ? (
            <div>
              <p class="muted">{t('unknownCustomer')}</p>
              <button type="button" class="primary" onClick={() => void addFromPage(subject)}>
                {t('addCustomer', customerFromSubject(subject).name)}
              </button>
            </div>
          ) : null}
          {showPicker && customers.length > 0 && <CustomerPicker customers={customers.map(fromRow) as Customer[]} value={customerId} onChange={pick} />}
        </section>
      )}
      <form ref={formRef} onSubmit={submit} onKeyDown={onKeyDown} noValidate hidden={emptyBook}>
        <Field id="title" label={t('problemTitle')}>
          <input
            id="title"
            ref={titleRef}
            value={title}
            required
            maxLength={200}
            autoFocus
            aria-invalid={titleError ? 'true' : undefined}
            aria-describedby={titleError ? 'title-error' : undefined}
            onInput={(e) => {
              setTitle(e.currentTarget.value);
              if (titleError) setTitleError('');
            }}
          />
        </Field>
        {titleError && (
          <p id="title-error" class="error ql-field-error" data-testid="title-error">
            {titleError}
          </p>
        )}
        <Field id="detail" label={t('owner_detailLabel')}>
          <textarea id="detail" rows={3} maxLength={20_000} value={detail} aria-describedby="detail-hint" onInput={(e) => setDetail(e.currentTarget.value)} />
        </Field>
        <p id="detail-hint" class="muted small">
          {t('owner_enterHint')}
        </p>
        <p>
          <button type="submit" class="primary" disabled={!customerId}>
            {t('logProblem')}
          </button>
        </p>
        <details
          class="ql-more"
          data-testid="ql-more"
          open={moreOpen}
          onToggle={(e) => {
            const open = e.currentTarget.open;
            setMoreOpen(open);
            localStorage.setItem(MORE_OPEN_KEY, open ? '1' : '0');
          }}
        >
          <summary>
            {t('popup_moreSummary', t(`severity_${severity}`), t(`channel_${channel}`), due ? t('popup_dueSet') : t('popup_noDue'))}
          </summary>
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
        </details>
      </form>
      <div role="status" class="ql-status">
        {logged ? <LoggedNote logged={logged} windowId={windowId} /> : message && <p class={message.kind === 'error' ? 'error' : 'muted'}>{message.text}</p>}
      </div>
    </main>
  );
}
