import { expect, test, type BrowserContext } from '@playwright/test';
import { CASES } from '../fixtures/sites/cases';
import { launchWithExtension } from './browser';
import { DockDriver } from './dock';
import { serveFixtures } from './serve';
import { waitForRegistration } from './sites';

/**
 * Chinese CRMs (Fxiaoke, Xiaoshouyi), Salesforce on Alibaba Cloud, Outlook's ItemID links, and
 * a known product on a company's own host — each at its real address, through the real
 * registered content script: the dock names the customer, adds it, and recognises it again
 * after an in-page navigation; pages that are not one customer are never offered as one.
 */
let context: BrowserContext;
test.afterEach(async () => {
  await context?.close();
});

const byFile = (file: string) => CASES.find((c) => c.file === file)!;

async function open(url: string, file: string, grant?: string[]) {
  ({ context } = await launchWithExtension(grant ? { grant } : {}));
  await serveFixtures(context, { [new URL(url).origin + '/*']: `sites/${file}` });
  const page = await context.newPage();
  return { page, dock: await DockDriver.open(page, url) };
}

async function addShown(dock: DockDriver, name: string) {
  await dock.waitForText((t) => t.includes(`Add “${name}” as a customer`));
  await dock.click('.unknown .primary');
  const text = await dock.waitForText((t) => t.includes('Customer tenure'));
  expect(text).toContain(name);
  return text;
}

test('fxiaoke: the open customer is named, another one after a hash navigation, and the first again on going back', async () => {
  const c = byFile('fxiaoke-account-detail-2026-12.html');
  const { page, dock } = await open(c.url, c.file);
  const text = await addShown(dock, '艾克米科技有限公司');
  expect(text).toContain('Matched by');

  // The rep opens another customer from the new list: the hash changes and the panel shows it.
  await page.evaluate(() => {
    const panel = document.querySelector('.crm-detail-panel')!;
    (window as unknown as { saved: string }).saved = panel.innerHTML;
    panel.querySelector('[data-apiname="name"] .faci-field-display_value')!.textContent = '环球制造';
    panel.querySelector('[data-apiname="email"] .faci-field-display_value')!.textContent = 'sales@globex.example';
    panel.querySelector('[data-apiname="url"] .faci-field-display_value')!.textContent = 'www.globex.example';
    for (const a of panel.querySelectorAll('a[href^="mailto:"]')) a.remove();
    location.hash = '#paasapp/list/=/appId_CRM/AccountObj';
  });
  await dock.waitForText((t) => t.includes('Add “环球制造” as a customer'), 3_000);

  // Back to the first customer: recognised again, not offered as new.
  await page.evaluate(() => {
    document.querySelector('.crm-detail-panel')!.innerHTML = (window as unknown as { saved: string }).saved;
    location.hash = '#crm/list/=/AccountObj';
  });
  const again = await dock.waitForText((t) => t.includes('Customer tenure') && t.includes('艾克米科技有限公司'), 3_000);
  expect(again).not.toContain('as a customer');
});

test('fxiaoke: a customer opened from the list long after the page settled is named', async () => {
  const c = byFile('fxiaoke-account-list-2026-12.html');
  const { page, dock } = await open(c.url, c.file);
  await dock.waitForText((t) => t.includes('Or choose the customer'));
  // The page's own behaviour: a row click opens the customer's panel, address and title unchanged.
  await page.evaluate(() => {
    document.querySelector('tbody tr')!.addEventListener('click', () => {
      const panel = document.createElement('div');
      panel.className = 'crm-detail-panel';
      panel.innerHTML =
        '<div class="crm-detail-fields"><div class="faci-field-display" data-apiname="name"><div class="faci-field-display_label">客户名称</div>' +
        '<div class="faci-field-display_value">艾克米科技有限公司</div></div><div class="faci-field-display" data-apiname="email">' +
        '<div class="faci-field-display_label">邮件</div><div class="faci-field-display_value">info@acme-corp.cn</div></div></div>';
      setTimeout(() => document.body.append(panel), 300); // after its data arrives
    });
  });
  await page.waitForTimeout(8_500); // past the settle window after load (components/dock/navigation.ts)
  await page.click('tbody tr td.td-name');
  await dock.waitForText((t) => t.includes('Add “艾克米科技有限公司” as a customer'), 3_000);
});

test('fxiaoke: a list with no customer open is never offered as one customer', async () => {
  const c = byFile('fxiaoke-account-list-2026-12.html');
  const { dock } = await open(c.url, c.file);
  const text = await dock.waitForText((t) => t.includes('Or choose the customer'));
  expect(text).not.toContain('as a customer');
});

test('xiaoshouyi: the customer record is named, added, and matched again on the next record', async () => {
  const c = byFile('xiaoshouyi-account-record-2026-12.html');
  const { page, dock } = await open(c.url, c.file);
  expect(await addShown(dock, '艾克米科技有限公司')).toContain('Matched by CRM record');
  await page.evaluate(() => history.pushState({}, '', '/final/account.action?id=1234568'));
  await dock.waitForText((t) => t.includes('Matched by email domain'), 2_000);
});

test('xiaoshouyi: the sign-in page is not a customer', async () => {
  const c = byFile('xiaoshouyi-login-page-2026-12.html');
  const { dock } = await open(c.url, c.file);
  const text = await dock.waitForText((t) => t.includes('Or choose the customer'));
  expect(text).not.toContain('as a customer');
});

test('salesforce on Alibaba Cloud: a Lightning record on sfcrmapps.cn is read by the Salesforce adapter', async () => {
  const url = 'https://acme.lightning.sfcrmapps.cn/lightning/r/Account/001Dn00000ABcdeIAD/view';
  const { dock } = await open(url, 'salesforce-account-record-2026-11.html');
  expect(await addShown(dock, 'Acme Corp')).toContain('Matched by CRM record');
});

test('outlook: a Graph webLink (/owa/?ItemID=…) opens a message that is read as one', async () => {
  const item = 'AAQkADAwATM0MDAAMS1hYjI4LWM3MjctMDACLTAwCgAQAHs0B%2Fdk%2BNRHjZc2gE9Y1uE%3D';
  const url = `https://outlook.office365.com/owa/?ItemID=${item}&exvsurl=1&viewmodel=ReadMessageItem`;
  const { page, dock } = await open(url, 'outlook-message-2026-11.html');
  const text = await dock.waitForText((t) => t.includes('Mail from acme-corp.com'));
  expect(text).toContain('Maria Lopez');
  // The same link form for a calendar event is not a message: nothing on the page is read.
  await page.evaluate((i) => history.pushState({}, '', `/owa/?itemid=${i}&exvsurl=1&path=/calendar/item`), item);
  const event = await dock.waitForText((t) => !t.includes('Mail from') && t.includes('Or choose the customer'), 2_000);
  expect(event).not.toContain('Maria Lopez');
});

test('a company host mapped to Dynamics runs the Dynamics adapter there, not the generic one', async () => {
  const origin = 'https://crm.example-corp.cn/*';
  ({ context } = await launchWithExtension({ grant: [origin] }));
  const worker = context.serviceWorkers()[0]!;
  const registered = () =>
    worker.evaluate(async () => {
      type Scripting = { scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; matches?: string[] }>> } };
      return (await (globalThis as unknown as { chrome: Scripting }).chrome.scripting.getRegisteredContentScripts()).map((r) => [r.id, r.matches ?? []] as const);
    });
  // Before the mapping: an in-house site like any other (generic, teachable script).
  expect(await registered()).toEqual([['holdfast-custom', [origin]]]);

  // What Options → Sites → "Company hosts of a known product" stores.
  await worker.evaluate(async (o) => {
    type Storage = { storage: { local: { set(v: object): Promise<void> } } };
    await (globalThis as unknown as { chrome: Storage }).chrome.storage.local.set({ productHosts: [{ product: 'dynamics', origin: o }] });
  }, origin);
  await waitForRegistration(context, [origin]);
  await expect.poll(registered).toEqual([['holdfast-dynamics', [origin]]]);

  const url = 'https://crm.example-corp.cn/Contoso/main.aspx?pagetype=entityrecord&etn=account&id=%7B7A1B2C3D-4E5F-4A6B-8C9D-0E1F2A3B4C5D%7D';
  await serveFixtures(context, { 'https://crm.example-corp.cn/*': 'sites/dynamics-account-record-2026-11.html' });
  const page = await context.newPage();
  const dock = await DockDriver.open(page, url);
  // Only a product adapter reads a record id: the generic one would match by email domain.
  expect(await addShown(dock, 'Acme Corp')).toContain('Matched by CRM record');
  await page.evaluate(() => history.pushState({}, '', '/Contoso/main.aspx?pagetype=entityrecord&etn=account&id=%7B00000000-4E5F-4A6B-8C9D-0E1F2A3B4C5D%7D'));
  await dock.waitForText((t) => t.includes('Matched by email domain'), 2_000);
});
