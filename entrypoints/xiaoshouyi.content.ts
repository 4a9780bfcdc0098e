import { runOverlay } from '@/components/dock/content-script';
import { xiaoshouyiAdapter } from '@/lib/sites/xiaoshouyi';

export default defineContentScript({
  // Registered at run time for PRODUCT_MATCHES.xiaoshouyi once the user enables the product
  // (entrypoints/background/registration.ts); no install-time host access.
  registration: 'runtime',
  matches: [],
  main: (ctx) => runOverlay(ctx, [xiaoshouyiAdapter]),
});
