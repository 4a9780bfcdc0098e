import { runOverlay } from '@/components/dock/content-script';
import { gmailAdapter } from '@/lib/sites/gmail';

export default defineContentScript({
  // Registered at run time for PRODUCT_MATCHES.gmail once the user enables the product
  // (lib/sites/registration.ts); no install-time host access.
  registration: 'runtime',
  matches: [],
  main: (ctx) => runOverlay(ctx, [gmailAdapter]),
});
