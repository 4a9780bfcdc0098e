import { expect, test, type BrowserContext } from '@playwright/test';
import { isCustomerLike } from '../../lib/model/subject-kind';
import { CASES, CN_CRM_CASES, CN_MAIL_CASES } from '../fixtures/sites/cases';
import { launchWithExtension } from './browser';
import { DockDriver } from './dock';
import { serveFixtures } from './serve';

/**
 * Every product, at its real address, through its real registered content script: the dock
 * names the customer the page shows, adds it, recognises it again, and follows an in-page
 * navigation to another record.
 */
const MAIL = new Set(['gmail', 'outlook']);

/** Where each fixture navigates in place next, and what the dock must then say. */
const NEXT: Record<string, { url: string; expect: string; rewrite?: boolean }> = {
  'salesforce-account-record-2026-11.html': { url: '/lightning/r/Account/001Dn00000ZZzzzIAD/view', expect: 'Matched by email domain' },
  'salesforce-case-console-2026-11.html': { url: '/lightning/r/Case/500Dn00000CaSe2IAD/view', expect: 'Matched by email domain' },
  'salesforce-classic-account-2026-11.html': { url: '/001xx000003DGb3', expect: 'Matched by email domain' },
  'hubspot-contact-record-2026-11.html': { url: '/contacts/2345678/record/0-1/52', expect: 'Matched by email domain' },
  'hubspot-company-record-2026-11.html': { url: '/contacts/26555111/record/0-2/18213999002', expect: 'Matched by email domain' },
  'pipedrive-person-record-2026-11.html': { url: '/person/1843', expect: 'Matched by email domain' },
  'pipedrive-organization-record-2026-11.html': { url: '/organization/378', expect: 'Matched by email domain' },
  'zoho-account-record-2026-11.html': { url: '/crm/org123456/tab/Accounts/4150868000000224006', expect: 'Matched by email domain' },
  'dynamics-account-record-2026-11.html': {
    url: '/main.aspx?appid=0b7a2f4e-1c3d-4e5f-8a9b-112233445566&pagetype=entityrecord&etn=account&id=%7B00000000-4E5F-4A6B-8C9D-0E1F2A3B4C5D%7D',
    expect: 'Matched by email domain',
  },
  // Webmail opens another thread in place: new address, other addresses on the page. The
  // subject still names Acme Corp, so the dock offers to add the new domain to it (issue 15).
  'gmail-thread-2026-11.html': { url: '/mail/u/1/#inbox/FMfcgzQXJWDsKmTskbNvbGxkMXDvmxTz', expect: 'Add globex.example to Acme Corp', rewrite: true },
  'outlook-message-2026-11.html': { url: '/mail/inbox/id/AAQkADAwATM0MDAAMS1hYjI4LWM3MjctMDACLTAwCgAQAHs0B', expect: 'Add globex.example to Acme Corp', rewrite: true },
};

// A fresh profile per page: what one test adds must not make the next one's customer known.
let context: BrowserContext;
test.afterEach(async () => {
  await context?.close();
});

async function open(c: (typeof CASES)[number]) {
  ({ context } = await launchWithExtension());
  await serveFixtures(context, { [new URL(c.url).origin + '/*']: `sites/${c.file}` });
  const page = await context.newPage();
  return { page, dock: await DockDriver.open(page, c.url) };
}

/** Fixtures with a spec of their own: a coach's move seen from mail (coaches.spec.ts). */
const OWN_SPEC = new Set(['gmail-thread-coach-move-2026-11.html', 'outlook-message-coach-move-2026-11.html']);

/** Chinese webmail (frames, rows that open mail in place): products-cn-mail.spec.ts. */
const CN_MAIL = new Set(CN_MAIL_CASES.map((c) => c.file));
/** Chinese CRMs (a record that opens over a list, hash navigation): products-cn-crm.spec.ts. */
const CN_CRM = new Set(CN_CRM_CASES.map((c) => c.file));

// A CRM's own user page is never offered as a customer (mail-to-company.spec.ts).
for (const c of CASES.filter((c) => c.want.name && isCustomerLike(c.want) && !OWN_SPEC.has(c.file) && !CN_MAIL.has(c.file) && !CN_CRM.has(c.file))) {
  test(`${c.want.site}: ${c.file}`, async () => {
    const { page, dock } = await open(c);
    // Mail: the company the person writes for is added, never the person (issue 15, point 3).
    const offer = MAIL.has(c.want.site) ? 'Add company Acme Corp (acme-corp.com)' : `Add “${c.want.name}” as a customer`;
    await dock.waitForText((t) => t.includes(offer));
    await dock.click('.unknown .primary');
    const text = await dock.waitForText((t) => t.includes('Customer tenure'));
    expect(text).toContain(MAIL.has(c.want.site) ? 'Acme Corp' : c.want.name!);
    expect(text).toContain(MAIL.has(c.want.site) ? 'Matched by email domain' : 'Matched by CRM record');

    const next = NEXT[c.file]!;
    await page.evaluate(({ url, rewrite }) => {
      if (rewrite) {
        // Another correspondent: every acme-corp.com address on the page becomes globex.example.
        const swap = (v: string) => v.replaceAll('acme-corp.com', 'globex.example');
        for (const el of document.querySelectorAll('*')) {
          for (const a of [...el.attributes]) if (a.value.includes('acme-corp.com')) el.setAttribute(a.name, swap(a.value));
        }
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeValue?.includes('acme-corp.com')) n.nodeValue = swap(n.nodeValue);
      }
      history.pushState({}, '', url);
    }, next);
    await dock.waitForText((t) => t.includes(next.expect), 2_000);
  });
}

test('gmail inbox: a list of senders is never offered as one customer', async () => {
  const { dock } = await open(CASES.find((x) => x.file === 'gmail-inbox-2026-11.html')!);
  const text = await dock.waitForText((t) => t.includes('Or choose the customer'));
  expect(text).not.toContain('as a customer');
});
