import { runOverlay } from '@/components/dock/content-script';
import { salesforceAdapter } from '@/lib/sites/salesforce';

export default defineContentScript({
  // Registered at run time for PRODUCT_MATCHES.salesforce once the user enables the product
  // (lib/sites/registration.ts); no install-time host access.
  registration: 'runtime',
  matches: [],
  main: (ctx) => runOverlay(ctx, [salesforceAdapter]),
});
