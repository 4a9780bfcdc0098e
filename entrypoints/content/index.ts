import { CONTENT_MATCHES } from '@/lib/sites/hosts';
import { startOverlay } from './overlay';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  // document_end runs as the DOM is parsed (≈ DOMContentLoaded): the collapsed dock shows
  // at once, before images and other subresources.
  runAt: 'document_end',
  main(ctx) {
    try {
      startOverlay(ctx);
    } catch (err) {
      // Never throw into the host page.
      console.debug('[holdfast] overlay failed to start', err);
    }
  },
});
