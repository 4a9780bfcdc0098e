/** Every product adapter with its URL table, for the cross-adapter tests. */
import type { SiteAdapter } from '../../../lib/sites/types';
import type { TestUrl } from '../../../lib/sites/dom';
import * as salesforce from '../../../lib/sites/salesforce';
import * as hubspot from '../../../lib/sites/hubspot';
import * as pipedrive from '../../../lib/sites/pipedrive';
import * as zoho from '../../../lib/sites/zoho';
import * as dynamics from '../../../lib/sites/dynamics';
import * as gmail from '../../../lib/sites/gmail';
import * as outlook from '../../../lib/sites/outlook';
import * as fxiaoke from '../../../lib/sites/fxiaoke';
import * as xiaoshouyi from '../../../lib/sites/xiaoshouyi';
import * as exmail from '../../../lib/sites/exmail';
import * as qqmail from '../../../lib/sites/qqmail';
import * as netease from '../../../lib/sites/netease';
import * as alimail from '../../../lib/sites/alimail';

export const ADAPTERS: { adapter: SiteAdapter; testUrls: TestUrl[] }[] = [
  { adapter: salesforce.salesforceAdapter, testUrls: salesforce.testUrls },
  { adapter: hubspot.hubspotAdapter, testUrls: hubspot.testUrls },
  { adapter: pipedrive.pipedriveAdapter, testUrls: pipedrive.testUrls },
  { adapter: zoho.zohoAdapter, testUrls: zoho.testUrls },
  { adapter: dynamics.dynamicsAdapter, testUrls: dynamics.testUrls },
  { adapter: gmail.gmailAdapter, testUrls: gmail.testUrls },
  { adapter: outlook.outlookAdapter, testUrls: outlook.testUrls },
  { adapter: fxiaoke.fxiaokeAdapter, testUrls: fxiaoke.testUrls },
  { adapter: xiaoshouyi.xiaoshouyiAdapter, testUrls: xiaoshouyi.testUrls },
  { adapter: exmail.exmailAdapter, testUrls: exmail.testUrls },
  { adapter: qqmail.qqmailAdapter, testUrls: qqmail.testUrls },
  { adapter: netease.neteaseAdapter, testUrls: netease.testUrls },
  { adapter: alimail.alimailAdapter, testUrls: alimail.testUrls },
];
