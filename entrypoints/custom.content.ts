import { runOverlay } from '@/components/dock/content-script';
import { createTeach } from '@/components/dock/teach';

export default defineContentScript({
  // Registered at run time for each in-house CRM host the user adds (entrypoints/background/
  // registration.ts). The generic adapter reads the page, and teach mode lets the user point
  // at what it should read instead.
  registration: 'runtime',
  matches: [],
  main: (ctx) => runOverlay(ctx, [], { teach: createTeach }),
});
