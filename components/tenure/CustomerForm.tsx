import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { RepChoice } from '@/lib/messaging/tenure-schema';
import type { EditField } from '@/lib/tenure/customer-edit';
import type { FormErrors, FormValues } from './customer-form';

export interface CustomerFormProps {
  title: string;
  initial: FormValues;
  /** Colleagues the owner can be; null while they load. */
  reps: readonly RepChoice[] | null;
  /** Check and save; answers the errors to show, or null when saved. */
  onSave: (values: FormValues, badDates: Set<'customerSince' | 'renewalDate'>) => Promise<FormErrors | null>;
  onCancel: () => void;
}

const ID = 'holdfast-cf';

/**
 * Manual entry and editing of a customer in the dock: name, domains, customer since, renewal
 * date, owner. Enter saves (also from the owner list), Escape cancels without closing the
 * dock; every wrong field says what is wrong beside it, and focus goes to the first.
 */
export function CustomerForm({ title, initial, reps, onSave, onCancel }: CustomerFormProps) {
  const [values, setValues] = useState(initial);
  // What the controls hold now: Enter can come before the re-render that typing schedules.
  const current = useRef(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>(`#${ID}-name`)?.focus();
  }, []);

  const set = (k: keyof FormValues) => (e: Event) => {
    current.current = { ...current.current, [k]: (e.currentTarget as HTMLInputElement).value };
    setValues(current.current);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const badDates = new Set<'customerSince' | 'renewalDate'>();
    for (const k of ['customerSince', 'renewalDate'] as const) {
      if (form.current?.querySelector<HTMLInputElement>(`#${ID}-${k}`)?.validity.badInput) badDates.add(k);
    }
    setBusy(true);
    setFailed(null);
    try {
      const found = await onSave(current.current, badDates);
      if (found) {
        setErrors(found);
        const first = (['name', 'domains', 'customerSince', 'renewalDate', 'ownerRepId'] as const).find((k) => found[k]);
        if (first) form.current?.querySelector<HTMLElement>(`#${ID}-${first}`)?.focus();
      }
    } catch (err) {
      setFailed(t('tenure_saveFailed', err instanceof Error ? err.message : String(err)));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      // The dock closes on Escape; here it only cancels the form.
      e.stopPropagation();
      e.preventDefault();
      onCancel();
    } else if (e.key === 'Enter' && e.target instanceof HTMLSelectElement) {
      e.preventDefault();
      form.current?.requestSubmit();
    }
  };

  const field = (k: EditField, label: string, control: preact.JSX.Element) => (
    <div class="t-field">
      <label for={`${ID}-${k}`}>{label}</label>
      {control}
      {errors[k] && (
        <p id={`${ID}-${k}-error`} class="error small" data-error={k}>
          {errors[k]}
        </p>
      )}
    </div>
  );
  const a11y = (k: EditField) => ({ 'aria-invalid': errors[k] ? true : undefined, 'aria-describedby': errors[k] ? `${ID}-${k}-error` : undefined });

  return (
    <form ref={form} class="t-form" data-testid="customer-form" aria-labelledby={`${ID}-title`} onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <h3 id={`${ID}-title`}>{title}</h3>
      <p class="small muted">{t('tenure_formHint')}</p>
      {Object.keys(errors).length > 0 && (
        <p class="error" role="alert">
          {t('tenure_formInvalid')}
        </p>
      )}
      {failed && (
        <p class="error" role="alert">
          {failed}
        </p>
      )}
      {field('name', t('tenure_fieldName'), <input id={`${ID}-name`} value={values.name} onInput={set('name')} maxLength={400} autoComplete="off" {...a11y('name')} />)}
      {field('domains', t('tenure_fieldDomains'), <input id={`${ID}-domains`} value={values.domains} onInput={set('domains')} placeholder="acme.com" autoComplete="off" {...a11y('domains')} />)}
      {field('customerSince', t('tenure_fieldSince'), <input id={`${ID}-customerSince`} type="date" value={values.customerSince} onInput={set('customerSince')} {...a11y('customerSince')} />)}
      {field('renewalDate', t('tenure_fieldRenewal'), <input id={`${ID}-renewalDate`} type="date" value={values.renewalDate} onInput={set('renewalDate')} {...a11y('renewalDate')} />)}
      {field(
        'ownerRepId',
        t('tenure_fieldOwner'),
        <select id={`${ID}-ownerRepId`} value={values.ownerRepId} onChange={set('ownerRepId')} {...a11y('ownerRepId')}>
          <option value="">{t('tenure_ownerNobody')}</option>
          {(reps ?? []).map((r) => (
            <option key={r.id} value={r.id}>
              {r.me ? t('tenure_ownerMe', r.name) : r.name}
            </option>
          ))}
          {/* The stored owner stays selectable while the list loads (or if they have left). */}
          {values.ownerRepId && !reps?.some((r) => r.id === values.ownerRepId) && <option value={values.ownerRepId}>…</option>}
        </select>,
      )}
      <div class="t-form-actions">
        <button type="submit" class="primary" disabled={busy}>
          {t('tenure_save')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('tenure_cancel')}
        </button>
      </div>
    </form>
  );
}
