import type { Customer } from '@/lib/model';
import { t } from '@/lib/i18n';
import { Field } from '../ui/Field';

/** When the tab shows no known customer, the rep picks one (keyboard: type-ahead in the list); an empty book shows NoCustomers instead. */
export function CustomerPicker(props: { customers: Customer[]; value: string; onChange: (id: string) => void }) {
  return (
    <Field id="customer" label={t('pickCustomer')}>
      <select id="customer" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">—</option>
        {props.customers.map((c) => (
          <option value={c.id}>{c.name}</option>
        ))}
      </select>
    </Field>
  );
}
