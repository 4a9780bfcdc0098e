import { afterEach, expect, test } from 'vitest';
import { CASES } from '../fixtures/sites/cases';
import { FirefoxDock, launchFirefox, type FirefoxSession } from './driver';

/**
 * The Chromium suite's product check (tests/e2e/products.spec.ts) in Firefox: on each
 * product's page at its real address, through its registered content script, the dock names
 * the customer, adds it, and follows an in-page navigation to another record.
 */
const MAIL = new Set(['gmail', 'outlook']);

/** One record page per product, and where it navigates in place next. */
const PRODUCTS: Record<string, { url: string; expect: string; rewrite?: boolean }> = {
  'salesforce-account-record-2026-11.html': { url: '/lightning/r/Account/001Dn00000ZZzzzIAD/view', expect: 'Matched by email domain' },
  'hubspot-company-record-2026-11.html': { url: '/contacts/26555111/record/0-2/18213999002', expect: 'Matched by email domain' },
  'pipedrive-organization-record-2026-11.html': { url: '/organization/378', expect: 'Matched by email domain' },
  'zoho-account-record-2026-11.html': { url: '/crm/org123456/tab/Accounts/4150868000000224006', expect: 'Matched by email domain' },
  'dynamics-account-record-2026-11.html': {
    url: '/main.aspx?appid=0b7a2f4e-1c3d-4e5f-8a9b-112233445566&pagetype=entityrecord&etn=account&id=%7B00000000-4E5F-4A6B-8C9D-0E1F2A3B4C5D%7D',
    expect: 'Matched by email domain',
  },
  // Webmail opens another thread in place; the subject still names Acme Corp, so the dock
  // offers to add the new correspondent's domain to it.
  'gmail-thread-2026-11.html': { url: '/mail/u/1/#inbox/FMfcgzQXJWDsKmTskbNvbGxkMXDvmxTz', expect: 'Add globex.example to Acme Corp', rewrite: true },
  'outlook-message-2026-11.html': { url: '/mail/inbox/id/AAQkADAwATM0MDAAMS1hYjI4LWM3MjctMDACLTAwCgAQAHs0B', expect: 'Add globex.example to Acme Corp', rewrite: true },
};

// A fresh profile per page: what one test adds must not make the next one's customer known.
let session: FirefoxSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

for (const [file, next] of Object.entries(PRODUCTS)) {
  const c = CASES.find((x) => x.file === file)!;
  test(`${c.want.site}: ${file}`, async () => {
    session = await launchFirefox();
    const page = await session.browser.newPage();
    await session.serve(page, { [new URL(c.url).origin + '/*']: `sites/${file}` });
    const dock = await FirefoxDock.open(page, c.url);
    const mail = MAIL.has(c.want.site);
    await dock.waitForText((t) => t.includes(mail ? 'Add company Acme Corp (acme-corp.com)' : `Add “${c.want.name}” as a customer`));
    await dock.click('.unknown .primary');
    const text = await dock.waitForText((t) => t.includes('Customer tenure'));
    expect(text).toContain(mail ? 'Acme Corp' : c.want.name!);
    expect(text).toContain(mail ? 'Matched by email domain' : 'Matched by CRM record');

    await page.evaluate(({ url, rewrite }) => {
      if (rewrite) {
        const swap = (v: string) => v.replaceAll('acme-corp.com', 'globex.example');
        for (const el of document.querySelectorAll('*')) {
          for (const a of [...el.attributes]) if (a.value.includes('acme-corp.com')) el.setAttribute(a.name, swap(a.value));
        }
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeValue?.includes('acme-corp.com')) n.nodeValue = swap(n.nodeValue);
      }
      history.pushState({}, '', url);
    }, next);
    await dock.waitForText((t) => t.includes(next.expect), 3_000);
  });
}
