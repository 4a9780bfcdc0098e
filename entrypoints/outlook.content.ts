import { runOverlay } from '@/components/dock/content-script';
import { outlookAdapter } from '@/lib/sites/outlook';

export default defineContentScript({
  // Registered at run time for PRODUCT_MATCHES.outlook once the user enables the product
  // (lib/sites/registration.ts); no install-time host access.
  registration: 'runtime',
  matches: [],
  main: (ctx) => runOverlay(ctx, [outlookAdapter]),
});
