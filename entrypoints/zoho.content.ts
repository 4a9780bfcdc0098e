import { runOverlay } from '@/components/dock/content-script';
import { zohoAdapter } from '@/lib/sites/zoho';

export default defineContentScript({
  // Registered at run time for PRODUCT_MATCHES.zoho once the user enables the product
  // (lib/sites/registration.ts); no install-time host access.
  registration: 'runtime',
  matches: [],
  main: (ctx) => runOverlay(ctx, [zohoAdapter]),
});
