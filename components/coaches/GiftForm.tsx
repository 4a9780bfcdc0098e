import { useState } from 'preact/hooks';
import { db } from '@/lib/db';
import { addGift } from '@/lib/db/coaches';
import { t } from '@/lib/i18n';
import { normaliseCurrency, parseMoney } from '@/lib/import/money';
import { Field } from '../ui/Field';
import { FormActions } from './FormActions';

/** Log a gift (date, amount in its currency, note): it counts against the period's budget and as a touch. */
export function GiftForm({ coachId, currency, today, onDone }: { coachId: string; currency: string; today: string; onDone: (saved: boolean) => void }) {
  const [amount, setAmount] = useState('');
  const [code, setCode] = useState(currency);
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const id = (f: string) => `gift-${coachId}-${f}`;

  async function submit(e: Event) {
    e.preventDefault();
    const cur = normaliseCurrency(code);
    if (!cur) return setError(t('coachGiftBadCurrency'));
    const m = parseMoney(amount, cur);
    if (!m.ok || m.minor <= 0 || (m.code && m.code !== cur)) return setError(t('coachGiftBadAmount'));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setError(t('coachGiftBadDate'));
    try {
      await addGift(db(), coachId, { date, amount: m.minor, currency: cur, ...(note.trim() ? { note: note.trim().slice(0, 200) } : {}) });
      onDone(true);
    } catch (err) {
      setError(t('coachActionFailed', err instanceof Error ? err.message : String(err)));
    }
  }

  return (
    <form class="coach-form" onSubmit={submit} aria-label={t('coachAddGift')}>
      <div class="row">
        <Field id={id('amount')} label={t('coachGiftAmount')}>
          <input id={id('amount')} inputMode="decimal" required value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
        </Field>
        <Field id={id('currency')} label={t('coachGiftCurrency')}>
          <input id={id('currency')} maxLength={3} required value={code} autocomplete="off" onInput={(e) => setCode(e.currentTarget.value.trim().toUpperCase())} />
        </Field>
      </div>
      <Field id={id('date')} label={t('coachGiftDate')}>
        <input id={id('date')} type="date" required value={date} onInput={(e) => setDate(e.currentTarget.value)} />
      </Field>
      <Field id={id('note')} label={t('coachGiftNote')}>
        <input id={id('note')} maxLength={200} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </Field>
      <FormActions error={error} saveLabel={t('coachGiftSave')} onCancel={() => onDone(false)} />
    </form>
  );
}
