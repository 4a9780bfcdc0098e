import { t } from '@/lib/i18n';
import type { TenureSummary } from '@/lib/messaging/tenure-schema';
import { formatMonth } from './format';

/**
 * Where the revenue mix comes from (issue 13): the CRM's deal types, the rep's corrections, or
 * Holdfast's estimate from purchase history; and whether the data reaches back to the start.
 */
export function MixBasis({ tenure }: { tenure: TenureSummary }) {
  const { rep, crm, estimate } = tenure.sources;
  const total = rep + crm + estimate;
  if (total === 0) return null;
  const basis = estimate === 0 ? t('tenure_basis_crm') : rep + crm === 0 ? t('tenure_basis_estimate') : t('tenure_basis_mixed', rep + crm, total);
  return (
    <div class="t-basis small" data-testid="tenure-basis" data-basis={estimate === 0 ? 'crm' : rep + crm === 0 ? 'estimate' : 'mixed'}>
      <p>
        {basis}
        {rep > 0 ? ` ${t('tenure_basis_corrected', rep)}` : ''}
      </p>
      {tenure.earlierNotImported && tenure.dataFrom && (
        <p class="t-gap" data-testid="tenure-gap">
          {t('tenure_earlierNotImported', formatMonth(tenure.dataFrom))}
        </p>
      )}
    </div>
  );
}
