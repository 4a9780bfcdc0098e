/**
 * The products Holdfast serves, as manifest match patterns. The content script runs only
 * here; every other site sees nothing of Holdfast. (Per-site opt-in at run time comes with
 * the site adapters issue.)
 */
export const CONTENT_MATCHES = [
  'https://*.lightning.force.com/*',
  'https://*.my.salesforce.com/*',
  'https://app.hubspot.com/*',
  'https://app-eu1.hubspot.com/*',
  'https://*.pipedrive.com/*',
  'https://crm.zoho.com/*',
  'https://crm.zoho.eu/*',
  'https://crm.zoho.in/*',
  'https://crm.zoho.com.au/*',
  'https://crm.zoho.com.cn/*',
  'https://*.dynamics.com/*',
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
];
