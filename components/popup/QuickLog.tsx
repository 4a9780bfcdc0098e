import { useEffect, useState } from 'preact/hooks';
import { customerFromSubject, db, ensureMe, resolveCustomer, saveCustomer, fromRow } from '@/lib/db';
import type { Customer, PageSubject, Severity, Channel } from '@/lib/model';
import { logProblem } from '@/lib/owners/log';
import { t } from '@/lib/i18n';
import { activeTabSubject } from '@/lib/tabs/active-subject';
import { newId, nowIso } from '@/lib/util/ids';
import { Field } from '../ui/Field';
import { useLive } from '../ui/useLive';
import { CustomerPicker } from './CustomerPicker';

const SEVERITIES: Severity[] = ['low', 'normal', 'high', 'critical'];
const CHANNELS: Channel[] = ['email', 'phone', 'chat', 'visit', 'other'];

/**
 * Quick-log: the customer comes from the active tab when it shows one; the title field has
 * focus, so "type, Enter" logs the problem. Whoever logs it owns it.
 */
export function QuickLog() {
  const [subject, setSubject] = useState<PageSubject | null | undefined>(undefined);
  const [customerId, setCustomerId] = useState<string>('');
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<Severity>('normal');
  const [channel, setChannel] = useState<Channel>('email');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const customers = useLive(() => db().customers.orderBy('nameKey').filter((c) => !c.deleted).limit(500).toArray(), [], []);

  useEffect(() => {
    void (async () => {
      const s = await activeTabSubject();
      setSubject(s);
      const match = s ? await resolveCustomer(db(), s) : null;
      if (match) setCustomerId(match.row.id);
    })();
  }, []);

  const current = customers.find((c) => c.id === customerId);

  async function addFromPage(s: PageSubject) {
    const saved = await saveCustomer(db(), customerFromSubject(s));
    setCustomerId(saved.id);
    setMessage({ kind: 'ok', text: t('savedCustomer') });
  }

  async function submit(e: Event) {
    e.preventDefault();
    try {
      const me = await ensureMe(db());
      const problem = logProblem({ customerId, title, severity, channel }, { me: me.id, now: nowIso(), newId });
      await db().problems.add(problem);
      setTitle('');
      setMessage({ kind: 'ok', text: t('savedProblem') });
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
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
      <form onSubmit={submit}>
        <Field id="title" label={t('problemTitle')}>
          <input id="title" value={title} required maxLength={200} autoFocus onInput={(e) => setTitle(e.currentTarget.value)} />
        </Field>
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
