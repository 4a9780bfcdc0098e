import { runOverlay } from '@/components/dock/content-script';
import { exmailAdapter } from '@/lib/sites/exmail';

export default defineContentScript({
  // Registered at run time for PRODUCT_MATCHES.exmail once the user enables the product
  // (lib/sites/registration.ts); no install-time host access. Top frame only: frames the
  // mail lives in are read from here (lib/sites/frames.ts).
  registration: 'runtime',
  matches: [],
  main: (ctx) => runOverlay(ctx, [exmailAdapter]),
});
