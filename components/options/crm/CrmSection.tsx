import { CRM_PRODUCTS } from '@/lib/crm/types';
import type { CrmStatus } from '@/lib/crm/state';
import { useGrantedOrigins } from '../useGrantedOrigins';
import { CrmCard } from './CrmCard';
import { proposedAddress } from './products';
import { useCrmStatus } from './useCrmStatus';
import './crm.css';

/**
 * Options → Connect CRM: one card per CRM Holdfast reads through its own API (read-only, in
 * the background). The section's heading and intro come from the options page's Panel.
 */
export function CrmSection() {
  const { statuses, now, refresh, accept } = useCrmStatus();
  const granted = useGrantedOrigins();
  // A reply carries the statuses it knows (connect: its own); the others stay as last asked.
  const merge = (fresh: CrmStatus[]) => accept([...statuses.filter((s) => !fresh.some((f) => f.product === s.product)), ...fresh]);
  return (
    <div class="crm-cards" data-testid="crm-section">
      {CRM_PRODUCTS.map((product) => (
        <CrmCard
          key={product}
          product={product}
          status={statuses.find((s) => s.product === product)}
          proposed={proposedAddress(product, granted)}
          now={now}
          onStatuses={merge}
          refresh={refresh}
        />
      ))}
    </div>
  );
}
