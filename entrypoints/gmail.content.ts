import { runOverlay } from '@/components/dock/content-script';
import { PRODUCT_MATCHES } from '@/lib/sites/hosts';
import { gmailAdapter } from '@/lib/sites/gmail';

export default defineContentScript({
  matches: [...PRODUCT_MATCHES.gmail],
  // document_end runs as the DOM is parsed (≈ DOMContentLoaded): the collapsed dock shows at once.
  runAt: 'document_end',
  main: (ctx) => runOverlay(ctx, gmailAdapter),
});
