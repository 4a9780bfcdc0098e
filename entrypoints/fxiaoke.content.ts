import { runOverlay } from '@/components/dock/content-script';
import { fxiaokeAdapter } from '@/lib/sites/fxiaoke';

export default defineContentScript({
  // Registered at run time for PRODUCT_MATCHES.fxiaoke once the user enables the product
  // (entrypoints/background/registration.ts); no install-time host access.
  registration: 'runtime',
  matches: [],
  main: (ctx) => runOverlay(ctx, [fxiaokeAdapter]),
});
