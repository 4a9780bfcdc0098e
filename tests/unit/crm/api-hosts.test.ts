// A CRM connection asks for its org's API host (lib/crm/address.ts permissionsFor). Such a
// grant must not turn into an "in-house CRM" site running the generic (teachable) script.
import { describe, expect, it } from 'vitest';
import { permissionsFor } from '@/lib/crm/address';
import { scriptsFor } from '@/lib/sites/hosts';

describe('granted CRM API hosts and content scripts', () => {
  it('HubSpot’s API host is no page: nothing runs there', () => {
    expect(scriptsFor(permissionsFor('hubspot', 'api.hubapi.com').origins)).toEqual([]);
    expect(scriptsFor(['https://app.hubspot.com/*', 'https://api.hubapi.com/*'])).toEqual([
      { id: 'holdfast-hubspot', js: ['content-scripts/hubspot.js'], matches: ['https://app.hubspot.com/*'] },
    ]);
  });

  it('an org’s own host (Salesforce My Domain, Pipedrive, Dynamics) is that product’s page, not a custom site', () => {
    const origins = [
      ...permissionsFor('salesforce', 'acme.my.salesforce.com').origins,
      ...permissionsFor('pipedrive', 'acme.pipedrive.com').origins,
      ...permissionsFor('dynamics', 'contoso.crm4.dynamics.com').origins,
    ];
    expect(scriptsFor(origins)).toEqual([
      { id: 'holdfast-salesforce', js: ['content-scripts/salesforce.js'], matches: ['https://acme.my.salesforce.com/*'] },
      { id: 'holdfast-pipedrive', js: ['content-scripts/pipedrive.js'], matches: ['https://acme.pipedrive.com/*'] },
      { id: 'holdfast-dynamics', js: ['content-scripts/dynamics.js'], matches: ['https://contoso.crm4.dynamics.com/*'] },
    ]);
  });

  it('with the product’s whole pattern granted, the org host adds nothing; a real in-house site stays custom', () => {
    expect(scriptsFor(['https://*.my.salesforce.com/*', 'https://acme.my.salesforce.com/*', 'https://crm.acme.internal/*'])).toEqual([
      { id: 'holdfast-salesforce', js: ['content-scripts/salesforce.js'], matches: ['https://*.my.salesforce.com/*'] },
      { id: 'holdfast-custom', js: ['content-scripts/custom.js'], matches: ['https://crm.acme.internal/*'] },
    ]);
  });
});

describe('Options → Sites lists in-house sites only', () => {
  it('not a CRM connection’s API or org host', async () => {
    const { isInHouseOrigin } = await import('@/lib/sites/hosts');
    expect(isInHouseOrigin('https://api.hubapi.com/*')).toBe(false);
    expect(isInHouseOrigin('https://acme.my.salesforce.com/*')).toBe(false);
    expect(isInHouseOrigin('https://*.pipedrive.com/*')).toBe(false);
    expect(isInHouseOrigin('https://crm.acme.internal/*')).toBe(true);
  });
});
