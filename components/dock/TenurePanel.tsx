import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { correctLineKind, type CustomerSummary } from '@/lib/messaging/protocol';
import type { TenureSummary } from '@/lib/messaging/tenure-schema';
import type { PageSubject } from '@/lib/model/page-subject';
import { t } from '@/lib/i18n';
import { captureOffers } from '@/lib/tenure/capture';
import { localIsoDate } from '@/lib/tenure/summary';
import { TenureView } from '../tenure/TenureView';
import { CustomerForm } from '../tenure/CustomerForm';
import { PageCapture } from '../tenure/PageCapture';
import { valuesOf } from '../tenure/customer-form';
import css from '../tenure/tenure.css?inline';
import type { Request } from './state';
import { saveForm, sendEdit } from './tenure-save';
import { useReps } from './useReps';

const styled = new WeakSet<Node>();

/** The tenure styles go once into the dock's shadow root (not into the text of the panel). */
function useTenureStyles(ref: { current: HTMLElement | null }) {
  useLayoutEffect(() => {
    const root = ref.current?.getRootNode();
    if (!root || styled.has(root) || !(root instanceof ShadowRoot)) return;
    const style = document.createElement('style');
    style.textContent = css;
    root.prepend(style);
    styled.add(root);
  }, []);
}

export interface TenurePanelProps {
  customer: CustomerSummary;
  tenure?: TenureSummary | undefined;
  /** Record fields the page states (capture from the page). */
  fields?: PageSubject['fields'];
  /** Absent (read-only) where nothing may be sent, e.g. in tests of the figures. */
  request?: Request | undefined;
  onChanged?: (() => void) | undefined;
}

/**
 * The dock's tenure panel: figures computed in the background (lib/db/tenure-query.ts), the
 * owner, what the page states that the customer lacks (one click saves it), and the customer's
 * own fields edited in place.
 */
export function TenurePanel({ customer, tenure, fields, request, onChanged }: TenurePanelProps) {
  const ref = useRef<HTMLDivElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState(false);
  useTenureStyles(ref);
  const reps = useReps(request, editing || !!fields?.ownerName);
  const offers = request ? captureOffers(fields, customer, reps, localIsoDate()) : [];

  const close = () => {
    setEditing(false);
    // Back to where the rep was, for the keyboard.
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const target = { customerId: customer.id };

  return (
    <div class="tenure" ref={ref}>
      {tenure ? (
        <TenureView
          tenure={tenure}
          renewalDate={customer.renewalDate}
          lastContactAt={customer.lastContactAt}
          // The dock's header shows the risk chip.
          chip={false}
          onCorrect={
            request &&
            (async (lineId, kind) => {
              const { ok } = await request(correctLineKind, { lineId, kind }).catch(() => ({ ok: false }));
              if (ok) onChanged?.();
              return ok;
            })
          }
        />
      ) : (
        <p class="muted">{t('sinceUnknown')}</p>
      )}
      <p data-testid="tenure-owner">{customer.ownerName ? t('tenure_owner', customer.ownerName) : t('tenure_ownerNone')}</p>
      {request && !editing && (
        <PageCapture
          offers={offers}
          onSave={async (o) => {
            const errors = await sendEdit(request, target, o.edit);
            if (errors) return Object.values(errors)[0] ?? null;
            onChanged?.();
            return null;
          }}
        />
      )}
      {request && editing && (
        <CustomerForm
          title={t('tenure_editCustomer')}
          initial={valuesOf(customer)}
          reps={reps}
          onCancel={close}
          onSave={async (values, badDates) => {
            const errors = await saveForm(request, target, values, valuesOf(customer), badDates);
            if (!errors) {
              close();
              onChanged?.();
            }
            return errors;
          }}
        />
      )}
      {request && !editing && (
        <button type="button" class="link" ref={editButton} data-testid="tenure-edit" onClick={() => setEditing(true)}>
          {t('tenure_editCustomer')}
        </button>
      )}
      <p class="muted small">{t('matchedBy', t(`match_${customer.matchedBy}`))}</p>
    </div>
  );
}
