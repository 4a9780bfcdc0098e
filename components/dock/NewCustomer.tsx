import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { PageSubject } from '@/lib/model/page-subject';
import { CustomerForm } from '../tenure/CustomerForm';
import { valuesFromSubject } from '../tenure/customer-form';
import type { Request } from './state';
import { saveForm } from './tenure-save';
import { useReps } from './useReps';

/**
 * A page Holdfast does not know: the rep fills in a new customer, prefilled from what the page
 * shows (name, domains, the fields it states, its owner), so the panel works without an import.
 * The new customer is tied to the page's CRM record, so the page is recognised next time.
 */
export function NewCustomer({ subject, request, onChanged }: { subject: PageSubject; request: Request; onChanged?: (() => void) | undefined }) {
  const [open, setOpen] = useState(false);
  const reps = useReps(request, open);
  if (!open) {
    return (
      <button type="button" class="link" data-testid="tenure-new" onClick={() => setOpen(true)}>
        {t('tenure_addWithDetails')}
      </button>
    );
  }
  // Wait for the colleagues, so the page's owner can be preselected.
  if (!reps) return <p class="muted" role="status">…</p>;
  return (
    <CustomerForm
      title={t('tenure_newCustomer')}
      initial={valuesFromSubject(subject, reps)}
      reps={reps}
      onCancel={() => setOpen(false)}
      onSave={async (values, badDates) => {
        const errors = await saveForm(request, { subject }, values, null, badDates);
        if (!errors) onChanged?.();
        return errors;
      }}
    />
  );
}
