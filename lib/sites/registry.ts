import type { SiteAdapter } from './types';
import { salesforceAdapter } from './salesforce';
import { hubspotAdapter } from './hubspot';
import { pipedriveAdapter } from './pipedrive';
import { zohoAdapter } from './zoho';
import { dynamicsAdapter } from './dynamics';
import { gmailAdapter } from './gmail';
import { outlookAdapter } from './outlook';
import { fxiaokeAdapter } from './fxiaoke';
import { xiaoshouyiAdapter } from './xiaoshouyi';
import { exmailAdapter } from './exmail';
import { qqmailAdapter } from './qqmail';
import { neteaseAdapter } from './netease';
import { alimailAdapter } from './alimail';

/**
 * Every product adapter, most specific first; the generic adapter is the fallback and never
 * listed. Content scripts import only their own adapter (see entrypoints/*.content.ts); this
 * list serves tools that must know them all (tests, `npm run detect`).
 */
export const adapters: readonly SiteAdapter[] = [
  salesforceAdapter,
  hubspotAdapter,
  pipedriveAdapter,
  zohoAdapter,
  dynamicsAdapter,
  gmailAdapter,
  outlookAdapter,
  fxiaokeAdapter,
  xiaoshouyiAdapter,
  exmailAdapter,
  qqmailAdapter,
  neteaseAdapter,
  alimailAdapter,
];
