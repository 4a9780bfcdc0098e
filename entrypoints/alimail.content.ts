import { runOverlay } from '@/components/dock/content-script';
import { alimailAdapter } from '@/lib/sites/alimail';

export default defineContentScript({
  // Registered at run time for PRODUCT_MATCHES.alimail once the user enables the product
  // (lib/sites/registration.ts); no install-time host access. Top frame only: frames the
  // mail lives in are read from here (lib/sites/frames.ts).
  registration: 'runtime',
  matches: [],
  main: (ctx) => runOverlay(ctx, [alimailAdapter]),
});
