import { describe, expect, it } from 'vitest';
import { detectSource, missingRequired, normHeader, parseCsv, proposeMapping, type Mapping } from '@/lib/import';
import { fixture } from './helpers';

/** Field → header text, for readable expectations. */
function named(headers: string[], mapping: Mapping): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping).map(([f, i]) => [f, headers[i!]!]));
}

describe('recognising CRM exports', () => {
  const cases: Array<[string, string, string, Record<string, string>]> = [
    ['salesforce-accounts.csv', 'salesforce', 'accounts', {
      // Created Date is offered as the created date, never silently as "customer since" (issue 13).
      recordId: 'Account ID', name: 'Account Name', website: 'Website', createdDate: 'Created Date', owner: 'Account Owner', accountType: 'Type',
    }],
    ['salesforce-opportunities.csv', 'salesforce', 'deals', {
      recordId: 'Opportunity ID', title: 'Opportunity Name', accountId: 'Account ID', accountName: 'Account Name', amount: 'Amount',
      currency: 'Amount Currency', date: 'Close Date', stage: 'Stage', product: 'Product', dealType: 'Type',
    }],
    ['salesforce-opportunity-products.csv', 'salesforce', 'deals', {
      recordId: 'Opportunity ID', title: 'Opportunity Name', accountId: 'Account ID', accountName: 'Account Name', amount: 'Amount',
      lineAmount: 'Total Price', currency: 'Opportunity Currency', date: 'Close Date', stage: 'Stage', product: 'Product Name', dealType: 'Type',
    }],
    ['hubspot-companies.csv', 'hubspot', 'accounts', {
      recordId: 'Record ID', name: 'Company name', website: 'Company Domain Name', customerSince: 'Became a Customer Date', createdDate: 'Create Date',
      owner: 'Company owner', accountType: 'Lifecycle Stage',
    }],
    ['hubspot-deals.csv', 'hubspot', 'deals', {
      recordId: 'Record ID', title: 'Deal Name', accountName: 'Associated Company', amount: 'Amount', currency: 'Currency',
      date: 'Close Date', stage: 'Deal Stage', dealType: 'Deal Type',
    }],
    ['pipedrive-organizations.csv', 'pipedrive', 'accounts', {
      recordId: 'Organization - ID', name: 'Organization - Name', website: 'Organization - Website',
      createdDate: 'Organization - Organization created', owner: 'Organization - Owner',
    }],
    ['pipedrive-deals.csv', 'pipedrive', 'deals', {
      recordId: 'Deal - ID', title: 'Deal - Title', accountId: 'Organization - ID', accountName: 'Deal - Organization', amount: 'Deal - Value',
      currency: 'Deal - Currency', date: 'Deal - Won time', stage: 'Deal - Status',
    }],
  ];
  for (const [file, source, kind, expected] of cases) {
    it(`${file}: ${source} ${kind}, every column proposed`, () => {
      const { headers } = fixture(file);
      const detected = detectSource(headers);
      expect(detected).toMatchObject({ source, kind });
      expect(named(headers, proposeMapping(headers, detected.source, detected.kind))).toEqual(expected);
    });
  }

  it('reads Salesforce Data Loader API names too', () => {
    const headers = ['Id', 'Name', 'AccountId', 'StageName', 'CloseDate', 'Amount', 'CurrencyIsoCode'];
    expect(detectSource(headers)).toMatchObject({ source: 'salesforce', kind: 'deals' });
  });

  it('Salesforce opportunities use "Opportunity Currency" when that is the column', () => {
    const headers = ['Opportunity ID', 'Account Name', 'Amount', 'Opportunity Currency', 'Close Date', 'Stage', 'Opportunity Type'];
    const m = proposeMapping(headers, 'salesforce', 'deals');
    expect(named(headers, m)).toMatchObject({ currency: 'Opportunity Currency', dealType: 'Opportunity Type' });
    expect(m.product).toBeUndefined();
  });

  it('a hand-made sheet is generic and still maps itself', () => {
    const { headers } = parseCsv('Company,Domain,Customer since\nAcme,acme.com,2020-01-01\n');
    expect(detectSource(headers)).toMatchObject({ source: 'generic', kind: 'accounts' });
    expect(named(headers, proposeMapping(headers, 'generic', 'accounts'))).toEqual({ name: 'Company', website: 'Domain', customerSince: 'Customer since' });
  });

  it('one column serves one field', () => {
    const headers = ['Id', 'Name', 'Amount', 'StageName', 'CloseDate'];
    const m = proposeMapping(headers, 'salesforce', 'deals');
    expect(new Set(Object.values(m)).size).toBe(Object.values(m).length);
  });

  it('headers compare without BOM, case or extra spaces', () => {
    expect(normHeader('\uFEFF"Account  ID" ')).toBe('account id');
  });

  it('the import waits for the fields a row cannot do without', () => {
    expect(missingRequired('accounts', {}, '')).toEqual(['name']);
    expect(missingRequired('deals', { amount: 0, date: 1, accountName: 2 }, '')).toEqual(['currency']);
    expect(missingRequired('deals', { amount: 0, date: 1, accountName: 2 }, 'EUR')).toEqual([]);
  });
});
