import { runOverlay } from '@/components/dock/content-script';
import { PRODUCT_MATCHES } from '@/lib/sites/hosts';
import { outlookAdapter } from '@/lib/sites/outlook';

export default defineContentScript({
  matches: [...PRODUCT_MATCHES.outlook],
  // document_end runs as the DOM is parsed (≈ DOMContentLoaded): the collapsed dock shows at once.
  runAt: 'document_end',
  main: (ctx) => runOverlay(ctx, outlookAdapter),
});
