import { runOverlay } from '@/components/dock/content-script';
import { hubspotAdapter } from '@/lib/sites/hubspot';

export default defineContentScript({
  // Registered at run time for PRODUCT_MATCHES.hubspot once the user enables the product
  // (lib/sites/registration.ts); no install-time host access.
  registration: 'runtime',
  matches: [],
  main: (ctx) => runOverlay(ctx, [hubspotAdapter]),
});
