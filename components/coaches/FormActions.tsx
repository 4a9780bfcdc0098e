import { t } from '@/lib/i18n';

/** The end of a coach form (gift, referral): what went wrong, in words, then save or cancel. */
export function FormActions({ error, saveLabel, onCancel }: { error: string | null; saveLabel: string; onCancel: () => void }) {
  return (
    <>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <p class="choices">
        <button type="submit" class="primary">
          {saveLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('coachCancel')}
        </button>
      </p>
    </>
  );
}
