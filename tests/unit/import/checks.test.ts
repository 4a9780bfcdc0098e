import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { customerCheck, revenueLineCheck } from '@/lib/db/import-checks';
import { Customer, RevenueLine } from '@/lib/model';

// The fast checks must give the schema's answer exactly: same yes/no, same data, same message.
function agrees(schema: z.ZodMiniType, check: (v: unknown) => ReturnType<typeof z.safeParse>, value: unknown): void {
  const want = z.safeParse(schema, value);
  const got = check(value);
  expect(got.success, JSON.stringify(value)).toBe(want.success);
  if (want.success) expect(got.data).toEqual(want.data);
  else expect(got.error?.issues).toEqual(want.error.issues);
}

const customer = {
  id: '0b1e7c4e-8f7e-5c3a-9d0e-0a3f4b5c6d7e',
  updatedAt: '2026-12-03T22:00:00.000Z',
  name: 'Acme, Inc.',
  domains: ['acme.com', 'acme.co.uk'],
  crmRefs: [{ site: 'salesforce', objectType: 'Account', recordId: '001Dn00000AcmeCoAA', tenant: 'acme' }],
  customerSince: '2019-03-14',
  sinceSource: 'crm_created',
  prospect: false,
  renewalDate: '2027-01-31',
  ownerRepId: 'rep-1',
};

const line = {
  id: '7c1e7c4e-8f7e-5c3a-9d0e-0a3f4b5c6d7e',
  updatedAt: '2026-12-03T22:00:00.000Z',
  customerId: customer.id,
  date: '2024-02-29',
  amount: -1_200_050,
  currency: 'USD',
  product: 'Platform',
  kind: 'cross_sell',
  dealType: 'existing_business',
  deal: 'salesforce|acme|opportunity|006Dn00000AcmeOpAA',
};

describe('the import checks agree with the schemas', () => {
  const check = customerCheck();
  it.each<[string, Record<string, unknown>]>([
    ['a full customer', customer],
    ['a bare customer', { id: 'x', updatedAt: customer.updatedAt, name: 'A', domains: [], crmRefs: [] }],
    ['a tombstone', { ...customer, deleted: true }],
    ['a name of 200 characters', { ...customer, name: 'n'.repeat(200) }],
    ['a name of 201 characters', { ...customer, name: 'n'.repeat(201) }],
    ['an empty name', { ...customer, name: '' }],
    ['a name with NUL', { ...customer, name: 'Acme\0' }],
    ['a name with half an emoji', { ...customer, name: 'Acme \ud83d' }],
    ['a name with a whole emoji', { ...customer, name: 'Acme \ud83d\ude00' }],
    ['no name', { ...customer, name: undefined }],
    ['a number for a name', { ...customer, name: 42 }],
    ['an upper-case domain', { ...customer, domains: ['Acme.com'] }],
    ['a domain without a dot', { ...customer, domains: ['localhost'] }],
    ['51 domains', { ...customer, domains: Array.from({ length: 51 }, (_, i) => `d${i}.com`) }],
    ['50 domains', { ...customer, domains: Array.from({ length: 50 }, (_, i) => `d${i}.com`) }],
    ['a CRM reference without a site', { ...customer, crmRefs: [{ site: '', objectType: 'Account', recordId: '1' }] }],
    ['a CRM reference with a stray key', { ...customer, crmRefs: [{ ...customer.crmRefs[0], extra: 1 }] }],
    ['February 30th', { ...customer, customerSince: '2021-02-30' }],
    ['a date with a time', { ...customer, renewalDate: '2027-01-31T00:00:00Z' }],
    ['an updatedAt without offset', { ...customer, updatedAt: '2026-12-03T22:00:00' }],
    ['an unknown since source', { ...customer, sinceSource: 'guess' }],
    ['a string for prospect', { ...customer, prospect: 'yes' }],
    ['an id too long', { ...customer, id: 'i'.repeat(65) }],
    ['a key the schema does not know (stripped)', { ...customer, crmKeys: ['x'] }],
    ['the old coach links', { ...customer, coachIds: ['c1', 'c2'] }],
  ])('%s', (_, value) => agrees(Customer, check, value));

  const checkLine = revenueLineCheck();
  it.each<[string, Record<string, unknown>]>([
    ['a full line', line],
    ['a bare line', { id: 'l', updatedAt: line.updatedAt, customerId: 'c', date: '2024-01-01', amount: 0, currency: 'EUR', product: 'A' }],
    ['a fractional amount', { ...line, amount: 10.5 }],
    ['an amount beyond safe integers', { ...line, amount: 2 ** 53 }],
    ['a string amount', { ...line, amount: '10' }],
    ['a lower-case currency', { ...line, currency: 'usd' }],
    ['an empty product', { ...line, product: '' }],
    ['an unknown kind', { ...line, kind: 'upsell' }],
    ['a deal key too long', { ...line, deal: 'd'.repeat(401) }],
    ['February 29th of a common year', { ...line, date: '2023-02-29' }],
    ['no customer', { ...line, customerId: undefined }],
  ])('%s', (_, value) => agrees(RevenueLine, checkLine, value));

  it('answers the same for a value seen before (the memo of repeated values)', () => {
    for (let i = 0; i < 3; i++) {
      agrees(RevenueLine, checkLine, { ...line, date: '2023-02-29' });
      agrees(RevenueLine, checkLine, line);
    }
  });
});
