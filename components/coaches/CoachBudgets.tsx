import { useState } from 'preact/hooks';
import { db } from '@/lib/db';
import { setCoachBudget } from '@/lib/db/coaches';
import { t } from '@/lib/i18n';
import { normaliseCurrency, parseMoney, formatMinor, currencyExponent } from '@/lib/import/money';
import type { Coach } from '@/lib/model';
import { useLive } from '../ui/useLive';

type Period = NonNullable<Coach['budget']>['period'];

/** The team lead's gift budget per coach: a period, an amount, a currency. */
export function CoachBudgets() {
  const rows = useLive(
    async () => {
      const coaches = (await db().coaches.toArray()).filter((c) => !c.deleted);
      const contacts = await db().contacts.bulkGet(coaches.map((c) => c.contactId));
      return coaches.map((c, i) => ({ coach: c, name: contacts[i]?.name ?? '?' })).sort((a, b) => a.name.localeCompare(b.name));
    },
    [],
    [],
  );
  return (
    <div>
      <h3 id="coach-budgets-h">{t('coachBudgetsTitle')}</h3>
      <p class="muted">{t('coachBudgetsHelp')}</p>
      {rows.length ? (
        <table class="coach-budgets" aria-labelledby="coach-budgets-h">
          <thead>
            <tr>
              <th scope="col">{t('coachBudgetCoach')}</th>
              <th scope="col">{t('coachBudgetPeriod')}</th>
              <th scope="col">{t('coachBudgetAmount')}</th>
              <th scope="col">{t('coachGiftCurrency')}</th>
              <th scope="col">
                <span class="sr-only">{t('coachBudgetActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <BudgetRow key={r.coach.id + r.coach.updatedAt} coach={r.coach} name={r.name} />
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">{t('coachBudgetNone')}</p>
      )}
    </div>
  );
}

function BudgetRow({ coach, name }: { coach: Coach; name: string }) {
  const b = coach.budget;
  const [period, setPeriod] = useState<Period>(b?.period ?? 'quarter');
  const [amount, setAmount] = useState(b ? (b.amount / 10 ** currencyExponent(b.currency)).toFixed(currencyExponent(b.currency)) : '');
  const [currency, setCurrency] = useState(b?.currency ?? 'USD');
  const [status, setStatus] = useState('');
  const id = (f: string) => `budget-${coach.id}-${f}`;

  async function save() {
    const cur = normaliseCurrency(currency);
    if (!cur) return setStatus(t('coachGiftBadCurrency'));
    const m = parseMoney(amount, cur);
    if (!m.ok || m.minor < 0) return setStatus(t('coachGiftBadAmount'));
    await setCoachBudget(db(), coach.id, { period, amount: m.minor, currency: cur });
    setStatus(t('coachBudgetSaved', formatMinor(m.minor, cur)));
  }

  return (
    <tr data-coach={name}>
      <th scope="row">{name}</th>
      <td>
        <label class="sr-only" for={id('period')}>
          {t('coachBudgetPeriodFor', name)}
        </label>
        <select id={id('period')} value={period} onChange={(e) => setPeriod(e.currentTarget.value as Period)}>
          <option value="month">{t('coachPeriodName_month')}</option>
          <option value="quarter">{t('coachPeriodName_quarter')}</option>
          <option value="year">{t('coachPeriodName_year')}</option>
        </select>
      </td>
      <td>
        <label class="sr-only" for={id('amount')}>
          {t('coachBudgetAmountFor', name)}
        </label>
        <input id={id('amount')} inputMode="decimal" size={8} value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
      </td>
      <td>
        <label class="sr-only" for={id('currency')}>
          {t('coachBudgetCurrencyFor', name)}
        </label>
        <input id={id('currency')} size={4} maxLength={3} value={currency} onInput={(e) => setCurrency(e.currentTarget.value.trim().toUpperCase())} />
      </td>
      <td>
        <button type="button" onClick={() => void save()}>
          {t('coachBudgetSave')}
        </button>
        {b && (
          <button type="button" onClick={() => void setCoachBudget(db(), coach.id, undefined)}>
            {t('coachBudgetRemove')}
          </button>
        )}
        <span role="status" class="status">
          {status}
        </span>
      </td>
    </tr>
  );
}
