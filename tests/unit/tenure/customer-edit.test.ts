import { describe, expect, it } from 'vitest';
import { captureOffers } from '@/lib/tenure/capture';
import { applyCustomerEdit, checkCustomerEdit, editChanges, isIsoDay } from '@/lib/tenure/customer-edit';
import { customer } from './fixtures';

const TODAY = '2026-11-28';

describe('checking a customer edit', () => {
  it('accepts a plain edit and names each wrong field with its reason', () => {
    expect(checkCustomerEdit({ name: 'Acme', domains: ['acme.com'], customerSince: '2019-04-02', renewalDate: '2027-01-15' }, {}, TODAY)).toEqual([]);
    expect(checkCustomerEdit({ name: '  ' }, {}, TODAY)).toEqual([{ field: 'name', code: 'name_empty' }]);
    expect(checkCustomerEdit({ name: 'x'.repeat(201) }, {}, TODAY)).toEqual([{ field: 'name', code: 'name_long' }]);
    expect(checkCustomerEdit({ domains: ['acme.com', 'Acme.com'] }, {}, TODAY)).toEqual([{ field: 'domains', code: 'domain_invalid' }]);
    expect(checkCustomerEdit({ customerSince: '2019-02-30' }, {}, TODAY)).toEqual([{ field: 'customerSince', code: 'date_invalid' }]);
    expect(checkCustomerEdit({ customerSince: '2026-11-29' }, {}, TODAY)).toEqual([{ field: 'customerSince', code: 'since_future' }]);
    expect(checkCustomerEdit({ renewalDate: '14/03/2027' }, {}, TODAY)).toEqual([{ field: 'renewalDate', code: 'date_invalid' }]);
  });

  it('checks a renewal against customer since, stored or edited, and blames the field edited', () => {
    expect(checkCustomerEdit({ renewalDate: '2018-01-01' }, { customerSince: '2019-04-02' }, TODAY)).toEqual([{ field: 'renewalDate', code: 'renewal_before_since' }]);
    expect(checkCustomerEdit({ customerSince: '2025-01-01' }, { renewalDate: '2024-06-01' }, TODAY)).toEqual([{ field: 'customerSince', code: 'renewal_before_since' }]);
    // clearing the renewal removes the conflict; a renewal in the future is fine
    expect(checkCustomerEdit({ customerSince: '2025-01-01', renewalDate: null }, { renewalDate: '2024-06-01' }, TODAY)).toEqual([]);
    expect(checkCustomerEdit({ renewalDate: '2031-01-01' }, { customerSince: '2019-04-02' }, TODAY)).toEqual([]);
  });

  it('knows an owner only among the given colleagues', () => {
    expect(checkCustomerEdit({ ownerRepId: 'r9' }, {}, TODAY, new Set(['r1']))).toEqual([{ field: 'ownerRepId', code: 'owner_unknown' }]);
    expect(checkCustomerEdit({ ownerRepId: 'r1' }, {}, TODAY, new Set(['r1']))).toEqual([]);
    expect(checkCustomerEdit({ ownerRepId: null }, {}, TODAY, new Set())).toEqual([]);
  });

  it('reads calendar days strictly', () => {
    expect(['2024-02-29', '2019-12-31'].map(isIsoDay)).toEqual([true, true]);
    expect(['2023-02-29', '2019-13-01', '2019-1-01', '1850-01-01', ''].map(isIsoDay)).toEqual([false, false, false, false, false]);
  });
});

describe('applying an edit', () => {
  it('sets, clears with null, leaves absent keys alone and de-duplicates domains', () => {
    const c = customer({ customerSince: '2019-01-01', renewalDate: '2027-01-01', ownerRepId: 'r1' });
    const next = applyCustomerEdit(c, { name: ' Acme Corp ', domains: ['acme.com', 'acme.co.uk', 'acme.com'], renewalDate: null });
    expect(next).toEqual({ ...c, name: 'Acme Corp', domains: ['acme.com', 'acme.co.uk'], renewalDate: undefined });
    expect('renewalDate' in next).toBe(false);
    expect(next.ownerRepId).toBe('r1');
    expect(editChanges(c, { name: 'Acme' })).toBe(false);
    expect(editChanges(c, { ownerRepId: null })).toBe(true);
  });
});

describe('capture offers', () => {
  const summary = { domains: ['acme.com'], customerSince: '2019-03-14', renewalDate: undefined, ownerRepId: 'r1' };
  const reps = [
    { id: 'r1', name: 'Dana Rep', me: true },
    { id: 'r2', name: 'Jane Rep', me: false },
  ];

  it('offers what the page states that differs from, or is missing in, the customer', () => {
    const offers = captureOffers({ customerSince: '2019-04-02', renewalDate: '2027-01-15', website: 'acme-corp.com', ownerName: 'jane  REP' }, summary, reps, TODAY);
    expect(offers).toEqual([
      { field: 'customerSince', value: '2019-04-02', edit: { customerSince: '2019-04-02', sinceSource: 'crm' } },
      { field: 'renewalDate', value: '2027-01-15', edit: { renewalDate: '2027-01-15' } },
      { field: 'website', value: 'acme-corp.com', edit: { domains: ['acme.com', 'acme-corp.com'] } },
      { field: 'owner', value: 'Jane Rep', edit: { ownerRepId: 'r2' } },
    ]);
  });

  it('offers nothing the customer already holds, nothing it could not save, and no unknown owner', () => {
    expect(captureOffers({ customerSince: '2019-03-14', website: 'acme.com', ownerName: 'Dana Rep' }, summary, reps, TODAY)).toEqual([]);
    expect(captureOffers({ ownerName: 'Someone Else' }, summary, reps, TODAY)).toEqual([]);
    // the colleagues are not loaded yet
    expect(captureOffers({ ownerName: 'Jane Rep' }, summary, null, TODAY)).toEqual([]);
    // a renewal before customer since, a start in the future
    expect(captureOffers({ renewalDate: '2018-01-01', customerSince: '2027-01-01' }, summary, reps, TODAY)).toEqual([]);
    expect(captureOffers(undefined, summary, reps, TODAY)).toEqual([]);
  });
});

describe('where customer since came from', () => {
  const base = { id: 'c1', updatedAt: '2026-01-01T00:00:00.000Z', name: 'Acme', domains: [], crmRefs: [] };
  it("the rep's entry is the rep's; a captured page value is the CRM's; clearing forgets the source", async () => {
    const { applyCustomerEdit } = await import('../../../lib/tenure/customer-edit');
    expect(applyCustomerEdit(base, { customerSince: '2019-04-01' }).sinceSource).toBe('rep');
    expect(applyCustomerEdit(base, { customerSince: '2019-04-01', sinceSource: 'crm' }).sinceSource).toBe('crm');
    const crm = { ...base, customerSince: '2019-04-01', sinceSource: 'crm' as const };
    expect(applyCustomerEdit(crm, { name: 'Acme Corp' }).sinceSource).toBe('crm');
    expect(applyCustomerEdit(crm, { customerSince: null }).sinceSource).toBeUndefined();
  });
});
