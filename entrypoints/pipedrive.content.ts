import { runOverlay } from '@/components/dock/content-script';
import { pipedriveAdapter } from '@/lib/sites/pipedrive';

export default defineContentScript({
  // Registered at run time for PRODUCT_MATCHES.pipedrive once the user enables the product
  // (lib/sites/registration.ts); no install-time host access.
  registration: 'runtime',
  matches: [],
  main: (ctx) => runOverlay(ctx, [pipedriveAdapter]),
});
