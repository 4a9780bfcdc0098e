import { runOverlay } from '@/components/dock/content-script';
import { COMPANY_HOST_STAND_INS, onCompanyHost } from '@/lib/sites/company-host';
import { dynamicsAdapter } from '@/lib/sites/dynamics';

export default defineContentScript({
  // Registered at run time for PRODUCT_MATCHES.dynamics once the user enables the product
  // (entrypoints/background/registration.ts); no install-time host access. Also registered on
  // company hosts the user mapped to dynamics (Options → Sites), where the second adapter reads them.
  registration: 'runtime',
  matches: [],
  main: (ctx) => runOverlay(ctx, [dynamicsAdapter, onCompanyHost(dynamicsAdapter, COMPANY_HOST_STAND_INS.dynamics)]),
});
