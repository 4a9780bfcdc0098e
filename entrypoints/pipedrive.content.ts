import { runOverlay } from '@/components/dock/content-script';
import { PRODUCT_MATCHES } from '@/lib/sites/hosts';
import { pipedriveAdapter } from '@/lib/sites/pipedrive';

export default defineContentScript({
  matches: [...PRODUCT_MATCHES.pipedrive],
  // document_end runs as the DOM is parsed (≈ DOMContentLoaded): the collapsed dock shows at once.
  runAt: 'document_end',
  main: (ctx) => runOverlay(ctx, pipedriveAdapter),
});
