import { useLayoutEffect, useRef } from 'preact/hooks';
import type { CustomerSummary } from '@/lib/messaging/protocol';
import type { TenureSummary } from '@/lib/messaging/tenure-schema';
import { t } from '@/lib/i18n';
import { TenureView } from '../tenure/TenureView';
import css from '../tenure/tenure.css?inline';

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

/** The dock's tenure panel: figures computed in the background (lib/db/tenure-query.ts). */
export function TenurePanel({ customer, tenure }: { customer: CustomerSummary; tenure?: TenureSummary }) {
  const ref = useRef<HTMLDivElement>(null);
  useTenureStyles(ref);
  return (
    <div class="tenure" ref={ref}>
      {tenure ? (
        <TenureView tenure={tenure} renewalDate={customer.renewalDate} lastContactAt={customer.lastContactAt} />
      ) : (
        <p class="muted">{t('sinceUnknown')}</p>
      )}
      <p class="muted small">{t('matchedBy', t(`match_${customer.matchedBy}`))}</p>
    </div>
  );
}
