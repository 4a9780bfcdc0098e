import { useState } from 'preact/hooks';
import { db, searchCustomers } from '@/lib/db';
import { addReferral } from '@/lib/db/coaches';
import { t } from '@/lib/i18n';
import type { Referral } from '@/lib/model';
import { Field } from '../ui/Field';
import { FormActions } from './FormActions';

/** Record that the coach introduced a customer: find it by name, the day, the outcome. */
export function ReferralForm({ coachId, today, onDone }: { coachId: string; today: string; onDone: (saved: boolean) => void }) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Array<{ id: string; name: string }>>([]);
  const [customerId, setCustomerId] = useState('');
  const [date, setDate] = useState(today);
  const [outcome, setOutcome] = useState<Referral['outcome']>('pending');
  const [error, setError] = useState('');
  const id = (f: string) => `ref-${coachId}-${f}`;

  async function find(q: string) {
    setQuery(q);
    const list = await searchCustomers(db(), q, 10);
    setFound(list);
    setCustomerId(list[0]?.id ?? '');
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (!customerId) return setError(t('coachReferralPick'));
    try {
      await addReferral(db(), coachId, { customerId, date, outcome });
      onDone(true);
    } catch (err) {
      setError(t('coachActionFailed', err instanceof Error ? err.message : String(err)));
    }
  }

  return (
    <form class="coach-form" onSubmit={submit} aria-label={t('coachAddReferral')}>
      <Field id={id('find')} label={t('coachReferralFind')}>
        <input id={id('find')} type="search" autocomplete="off" value={query} onInput={(e) => void find(e.currentTarget.value)} />
      </Field>
      <Field id={id('customer')} label={t('coachReferralCustomer')}>
        <select id={id('customer')} required value={customerId} onChange={(e) => setCustomerId(e.currentTarget.value)}>
          {!found.length && <option value="">{t('coachReferralPick')}</option>}
          {found.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </Field>
      <div class="row">
        <Field id={id('date')} label={t('coachReferralDate')}>
          <input id={id('date')} type="date" required value={date} onInput={(e) => setDate(e.currentTarget.value)} />
        </Field>
        <Field id={id('outcome')} label={t('coachReferralOutcome')}>
          <select id={id('outcome')} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value as Referral['outcome'])}>
            <option value="pending">{t('coachOutcome_pending')}</option>
            <option value="won">{t('coachOutcome_won')}</option>
            <option value="lost">{t('coachOutcome_lost')}</option>
          </select>
        </Field>
      </div>
      <FormActions error={error} saveLabel={t('coachReferralSave')} onCancel={() => onDone(false)} />
    </form>
  );
}
