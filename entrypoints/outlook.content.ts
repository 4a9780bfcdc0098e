import { runOverlay } from '@/components/dock/content-script';
import { COMPANY_HOST_STAND_INS, onCompanyHost } from '@/lib/sites/company-host';
import { outlookAdapter } from '@/lib/sites/outlook';

export default defineContentScript({
  // Registered at run time for PRODUCT_MATCHES.outlook once the user enables the product
  // (entrypoints/background/registration.ts); no install-time host access. Also registered on
  // company hosts the user mapped to outlook (Options → Sites), where the second adapter reads them.
  registration: 'runtime',
  matches: [],
  main: (ctx) => runOverlay(ctx, [outlookAdapter, onCompanyHost(outlookAdapter, COMPANY_HOST_STAND_INS.outlook)]),
});
