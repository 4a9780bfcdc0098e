import { runOverlay } from '@/components/dock/content-script';
import { dynamicsAdapter } from '@/lib/sites/dynamics';

export default defineContentScript({
  // Registered at run time for PRODUCT_MATCHES.dynamics once the user enables the product
  // (lib/sites/registration.ts); no install-time host access.
  registration: 'runtime',
  matches: [],
  main: (ctx) => runOverlay(ctx, [dynamicsAdapter]),
});
