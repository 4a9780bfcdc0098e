import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { CaptureOffer } from '@/lib/tenure/capture';
import { formatDay } from './format';

export interface PageCaptureProps {
  offers: CaptureOffer[];
  /** Save one offer; answers the reason when refused. */
  onSave: (offer: CaptureOffer) => Promise<string | null>;
}

function shown(o: CaptureOffer): string {
  return o.field === 'customerSince' || o.field === 'renewalDate' ? formatDay(o.value) : o.value;
}

/**
 * Capture from the page: each field the CRM page states that the customer lacks or holds
 * otherwise — "The page says customer since Apr 2, 2019 — Save" — saved with one click (a
 * real button, so Enter and Space work too).
 */
export function PageCapture({ offers, onSave }: PageCaptureProps) {
  const [busy, setBusy] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  if (!offers.length) return null;
  const save = async (o: CaptureOffer) => {
    setBusy(o.field);
    setRefused(null);
    try {
      setRefused(await onSave(o));
    } catch (err) {
      setRefused(t('tenure_saveFailed', err instanceof Error ? err.message : String(err)));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div class="t-capture" data-testid="tenure-capture">
      <h3>{t('tenure_captureTitle')}</h3>
      <ul>
        {offers.map((o) => {
          const text = t(`tenure_capture_${o.field}`, shown(o));
          return (
            <li key={o.field} data-capture={o.field}>
              <span>{text}</span>{' '}
              <button type="button" class="link" disabled={busy !== null} aria-label={t('tenure_captureSaveLabel', text)} onClick={() => void save(o)}>
                {t('tenure_captureSave')}
              </button>
            </li>
          );
        })}
      </ul>
      {refused && (
        <p class="error small" role="alert">
          {refused}
        </p>
      )}
    </div>
  );
}
