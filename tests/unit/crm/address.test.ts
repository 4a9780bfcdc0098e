import { describe, expect, it } from 'vitest';
import { apiHostFor, dynamicsApiHost, permissionsFor, pipedriveApiHost, salesforceApiHost } from '@/lib/crm/address';
import { tenantFromInput } from '@/lib/import/tenant';

describe('CRM API hosts from the address a user knows', () => {
  it.each([
    ['https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABcdeIAD/view', 'acme.my.salesforce.com'],
    ['acme.my.salesforce.com', 'acme.my.salesforce.com'],
    ['https://acme--uat.sandbox.lightning.force.com/lightning/page/home', 'acme--uat.sandbox.my.salesforce.com'],
    ['https://acme--uat.sandbox.my.salesforce.com/001/o', 'acme--uat.sandbox.my.salesforce.com'],
    ['https://acme.lightning.sfcrmapps.cn/lightning/o/Account/home', 'acme.my.sfcrmproducts.cn'],
    ['ACME', 'acme.my.salesforce.com'],
    ['acme--uat', 'acme--uat.my.salesforce.com'],
  ])('Salesforce: %s → %s', (address, host) => {
    expect(salesforceApiHost(address)).toBe(host);
  });

  it('Salesforce: the API host names the tenant the page adapter and import name', () => {
    for (const address of ['https://acme.lightning.force.com/x', 'https://acme--uat.sandbox.lightning.force.com/x']) {
      const host = salesforceApiHost(address)!;
      expect(tenantFromInput('salesforce', `https://${host}`)).toBe(tenantFromInput('salesforce', address));
    }
  });

  it.each(['https://login.salesforce.com', 'https://evil.example/acme.lightning.force.com', 'https://acme.lightning.force.com.evil.example/', 'not a url at all', ''])(
    'Salesforce refuses %s',
    (address) => expect(salesforceApiHost(address)).toBeUndefined(),
  );

  it('Pipedrive: the company host; app/www/api are not a company', () => {
    expect(pipedriveApiHost('https://acme.pipedrive.com/deal/42')).toBe('acme.pipedrive.com');
    expect(pipedriveApiHost('acme')).toBe('acme.pipedrive.com');
    for (const bad of ['https://app.pipedrive.com/', 'https://api.pipedrive.com', 'https://acme.pipedrive.com.evil.example']) expect(pipedriveApiHost(bad)).toBeUndefined();
  });

  it('Dynamics: any org host of any region; nothing else', () => {
    expect(dynamicsApiHost('https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=account')).toBe('contoso.crm4.dynamics.com');
    expect(dynamicsApiHost('contoso.crm.dynamics.com')).toBe('contoso.crm.dynamics.com');
    for (const bad of ['https://dynamics.com', 'https://contoso.crm4.dynamics.com.evil.example', 'contoso']) expect(dynamicsApiHost(bad)).toBeUndefined();
  });

  it('HubSpot reads every portal from api.hubapi.com', () => {
    expect(apiHostFor('hubspot', '')).toBe('api.hubapi.com');
  });

  it('asks for the one org host, and cookies only for Salesforce', () => {
    expect(permissionsFor('salesforce', 'acme.my.salesforce.com')).toEqual({ permissions: ['cookies'], origins: ['https://acme.my.salesforce.com/*'] });
    expect(permissionsFor('dynamics', 'contoso.crm4.dynamics.com')).toEqual({ permissions: [], origins: ['https://contoso.crm4.dynamics.com/*'] });
  });
});
