// @vitest-environment happy-dom
/**
 * Issue 15, point 3: a CRM's own pages — its users, reports, dashboards, settings — were offered
 * as customers ("Add “Sam Partner” as a customer" on a Salesforce User page). Each product's
 * such page is either typed as not customer-like or reads nothing a customer could be made of.
 */
import { describe, expect, it } from 'vitest';
import { isCustomerLike } from '@/lib/model/subject-kind';
import type { PageSubject } from '@/lib/model/page-subject';
import { ADAPTERS } from '../sites/adapters';
import { parseHtml, readFixture } from '../sites/load-fixture';

/** A page with a big name in its header and an address, as user and report pages have. */
const PAGE = parseHtml(
  '<!DOCTYPE html><html><head><title>Sam Partner | User | Salesforce</title></head><body><main><h1 data-test="header-title" data-id="header_title" data-zcqa="detailViewTitle">Sam Partner</h1><a href="mailto:sam@partner-sales.com">sam@partner-sales.com</a></main></body></html>',
);

function detect(url: string, doc: Document = PAGE): PageSubject | null {
  const u = new URL(url);
  const hit = ADAPTERS.find(({ adapter }) => adapter.matches(u));
  expect(hit, url).toBeDefined();
  return hit!.adapter.detect(u, doc);
}

/** What the dock's unknown-customer block offers a page as a customer from (components/dock/UnknownCustomer.tsx). */
const offered = (s: PageSubject | null) => !!s && isCustomerLike(s) && !!(s.name || s.domains.length);

const NOT_CUSTOMERS = [
  'https://acme.lightning.force.com/lightning/r/User/005Dn000002SamPIAA/view',
  'https://acme.lightning.force.com/lightning/r/005Dn000002SamPIAA/view',
  'https://acme.my.salesforce.com/005Dn000002SamP',
  'https://acme.lightning.force.com/lightning/r/Report/00ODn000004RptAMAS/view',
  'https://acme.lightning.force.com/lightning/r/Dashboard/01ZDn000000DshBMAS/view',
  'https://acme.lightning.force.com/lightning/setup/ManageUsers/home',
  'https://app.hubspot.com/settings/2345678/users/user/77',
  'https://app.hubspot.com/reports-dashboard/2345678/view/1200',
  'https://app.hubspot.com/reports-list/2345678/',
  'https://acme.pipedrive.com/users/details/12',
  'https://acme.pipedrive.com/progress/insights/dashboard/3',
  'https://acme.pipedrive.com/settings/personal',
  'https://crm.zoho.com/crm/org123456/tab/Reports/4150868000000123456',
  'https://crm.zoho.com/crm/org123456/tab/Dashboards/4150868000000123457',
  'https://crm.zoho.com/crm/org123456/settings/users/4150868000000000111',
  'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=systemuser&id=7a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d',
  'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=report&id=7a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5e',
  'https://contoso.crm.dynamics.com/main.aspx?pagetype=dashboard&id=7a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5f',
];

describe('pages that are not customers', () => {
  it.each(NOT_CUSTOMERS)('%s is never offered as a customer', (url) => {
    expect(offered(detect(url))).toBe(false);
  });

  it('the Salesforce User fixture is read, and typed as not customer-like', () => {
    const url = 'https://acme.lightning.force.com/lightning/r/User/005Dn000002SamPIAA/view';
    const s = detect(url, parseHtml(readFixture('salesforce-user-record-2026-11.html')))!;
    expect(s.name).toBe('Sam Partner');
    expect(isCustomerLike(s)).toBe(false);
  });

  it('customer records, contacts and mail threads still are', () => {
    const account = detect('https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABcdeIAD/view', parseHtml(readFixture('salesforce-account-record-2026-11.html')));
    expect(offered(account)).toBe(true);
    const contact = detect('https://app.hubspot.com/contacts/2345678/record/0-1/51', parseHtml(readFixture('hubspot-contact-record-2026-11.html')));
    expect(offered(contact)).toBe(true);
    expect(isCustomerLike({ site: 'gmail', objectType: 'thread', emails: [], domains: [] })).toBe(true);
    expect(isCustomerLike({ site: 'gmail', objectType: 'list', emails: [], domains: [] })).toBe(false);
  });
});
