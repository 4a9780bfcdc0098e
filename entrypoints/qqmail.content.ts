import { runOverlay } from '@/components/dock/content-script';
import { qqmailAdapter } from '@/lib/sites/qqmail';

export default defineContentScript({
  // Registered at run time for PRODUCT_MATCHES.qqmail once the user enables the product
  // (lib/sites/registration.ts); no install-time host access. Top frame only: frames the
  // mail lives in are read from here (lib/sites/frames.ts).
  registration: 'runtime',
  matches: [],
  main: (ctx) => runOverlay(ctx, [qqmailAdapter]),
});
