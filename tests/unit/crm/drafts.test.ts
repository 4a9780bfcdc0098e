import { describe, expect, it } from 'vitest';
import { accountDraft, dealDrafts, minorUnits } from '@/lib/crm/drafts';
import type { CrmDeal } from '@/lib/crm/types';

describe('CRM amounts in minor units', () => {
  it('are exact where a float multiply is not', () => {
    expect(0.29 * 100).not.toBe(29);
    expect(minorUnits(0.29, 'USD')).toBe(29);
    expect(minorUnits(1.005, 'USD')).toBe(101); // 1.005 * 100 is 100.49999…
    expect(minorUnits(12500.5, 'EUR')).toBe(1250050);
    expect(minorUnits(4_503_599_627_370.49, 'USD')).toBe(450_359_962_737_049);
  });
  it('follow the currency exponent and round extra digits half away from zero', () => {
    expect(minorUnits(1500, 'JPY')).toBe(1500);
    expect(minorUnits(1500.5, 'JPY')).toBe(1501);
    expect(minorUnits(1.2345, 'KWD')).toBe(1235);
    expect(minorUnits(-19.995, 'USD')).toBe(-2000);
    expect(minorUnits(-0.001, 'USD')).toBe(0);
    expect(minorUnits(1e-7, 'USD')).toBe(0);
  });
  it('refuse what is not a finite amount that fits', () => {
    expect(minorUnits(Number.NaN, 'USD')).toBeUndefined();
    expect(minorUnits(Infinity, 'USD')).toBeUndefined();
    expect(minorUnits(1e21, 'USD')).toBeUndefined();
    expect(minorUnits(9e15, 'USD')).toBeUndefined();
  });
});

describe('CRM accounts as drafts', () => {
  it('owner by email before name, domains from the website, since only from a CRM field', () => {
    expect(accountDraft({ id: '001A', name: ' Acme ', website: 'https://www.acme.com/about', ownerEmail: 'ana@x.com', ownerName: 'Ana' }, 1)).toEqual({
      row: 1, recordId: '001A', name: 'Acme', domains: ['acme.com'], owner: 'ana@x.com',
    });
    expect(accountDraft({ id: '001B', name: 'Beta', ownerName: 'Bo', customerSince: '2019-03-01', prospect: true }, 2)).toEqual({
      row: 2, recordId: '001B', name: 'Beta', domains: [], owner: 'Bo', customerSince: '2019-03-01', sinceSource: 'crm', prospect: true,
    });
    expect(accountDraft({ id: '001C', name: 'Gamma', customerSince: 'last year' }, 3)).not.toHaveProperty('customerSince');
  });
});

const deal = (over: Partial<CrmDeal> = {}): CrmDeal => ({ id: '006A', name: 'Acme renewal', accountId: '001A', accountName: 'Acme', closeDate: '2024-05-31', amount: 300.1, currency: 'USD', type: 'Existing Business', lines: [], ...over });

describe('CRM deals as drafts', () => {
  it('one draft per line, keyed by the line id, with the deal type as a hint', () => {
    const out = dealDrafts(deal({ lines: [{ id: '00k1', product: 'Seats', amount: 100.1 }, { id: '00k2', product: '', amount: 200 }] }), 4);
    expect(out.skipped).toBe(0);
    expect(out.drafts).toEqual([
      { row: 4, recordId: '006A', title: 'Acme renewal', account: { id: '001A', name: 'Acme' }, date: '2024-05-31', amount: 10010, currency: 'USD', product: 'Seats', dealType: 'existing_business', lineKey: '00k1' },
      { row: 4, recordId: '006A', title: 'Acme renewal', account: { id: '001A', name: 'Acme' }, date: '2024-05-31', amount: 20000, currency: 'USD', product: 'Unspecified', dealType: 'existing_business', lineKey: '00k2' },
    ]);
  });
  it('a deal without lines is one draft with its amount; without an amount it brings nothing', () => {
    expect(dealDrafts(deal({ type: 'New Customer' }), 1).drafts).toEqual([
      { row: 1, recordId: '006A', title: 'Acme renewal', account: { id: '001A', name: 'Acme' }, date: '2024-05-31', amount: 30010, currency: 'USD', product: 'Unspecified', dealType: 'new_business' },
    ]);
    expect(dealDrafts(deal({ amount: undefined }), 1)).toEqual({ drafts: [], skipped: 0 });
  });
  it('the org currency fills in; an unreadable currency or date skips the deal', () => {
    expect(dealDrafts(deal({ currency: '' }), 1, 'eur').drafts[0]).toMatchObject({ currency: 'EUR' });
    expect(dealDrafts(deal({ currency: '??', lines: [{ id: 'l', product: 'p', amount: 1 }] }), 1)).toEqual({ drafts: [], skipped: 1 });
    expect(dealDrafts(deal({ closeDate: '31/05/2024' }), 1)).toEqual({ drafts: [], skipped: 1 });
  });
  it('a deal with no account says which company by its name', () => {
    expect(dealDrafts(deal({ accountId: undefined, accountName: undefined }), 1).drafts[0]!.account).toEqual({ name: 'Acme renewal' });
  });
});
