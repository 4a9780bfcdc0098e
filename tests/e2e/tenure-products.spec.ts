import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { withExtension } from './browser';
import { DockDriver } from './dock';
import { openOptions } from './options-nav';

/**
 * Issue 4, "done when": customers imported from each CRM's export format (the fixture files
 * of tests/fixtures/import, through the options page's import) show correct tenure figures
 * in the dock on a fixture page of every supported product that resolves to them.
 *
 * The deals files are the fixture exports with the Acme deals' dates moved relative to
 * today (in the file's own date format), so the 12-month window holds one of them on any
 * day the test runs: the first purchase 20 months ago, the second 3 months ago. Acme has been
 * a customer since 2019, so neither is new business (issue 13: an export covers a period, not
 * the whole relationship). The expected figures below are worked out by hand from the files.
 */
const IMPORT = path.resolve('tests/fixtures/import');
const FIXTURES = path.resolve('tests/fixtures/sites');

const now = new Date();
const pad = (n: number) => String(n).padStart(2, '0');
/** The local calendar day `months` before today (day clamped to the month's end). */
function monthsAgo(months: number): { y: number; m: number; d: number } {
  const first = new Date(now.getFullYear(), now.getMonth() - months, 1);
  const last = new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate();
  return { y: first.getFullYear(), m: first.getMonth() + 1, d: Math.min(now.getDate(), last) };
}
const FIRST = monthsAgo(20);
const SECOND = monthsAgo(3);

/** Whole years and months from `since` (YYYY-MM-DD) to today, counted on the calendar. */
function tenure(since: string): string {
  const [y, m, d] = since.split('-').map(Number) as [number, number, number];
  let months = (now.getFullYear() - y) * 12 + (now.getMonth() + 1 - m);
  if (now.getDate() < d) months--;
  return `${Math.floor(months / 12)} years ${months % 12} months`;
}

interface Source {
  label: string;
  accounts: string;
  deals: { file: string; first: string; second: string; date: (x: { y: number; m: number; d: number }) => string };
  /** What to type as "Your CRM address or account". */
  tenant: string;
  accountsImported: number;
  /** The export has no customer-since column: the user chooses the created date (labelled). */
  sinceFromCreated: boolean;
  since: { iso: string; shown: string; source: string };
  /** The product whose page is the imported record itself, and that page's address. */
  own: { site: string; url: string };
  /** The second Acme deal in the 12-month window: a product new to Acme, or the same one again. */
  secondKind: 'cross_sell' | 'existing';
}

const SOURCES: Source[] = [
  {
    label: 'Salesforce',
    accounts: 'salesforce-accounts.csv',
    deals: { file: 'salesforce-opportunities.csv', first: '3/14/2024', second: '6/1/2024', date: ({ y, m, d }) => `${m}/${d}/${y}` },
    tenant: 'acme',
    accountsImported: 8,
    sinceFromCreated: true,
    since: { iso: '2019-03-14', shown: 'Mar 14, 2019', source: "the CRM record's created date" },
    own: { site: 'salesforce', url: 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000AcmeCoAA/view' },
    // Opportunity Product: Platform, then Analytics.
    secondKind: 'cross_sell',
  },
  {
    label: 'HubSpot',
    accounts: 'hubspot-companies.csv',
    deals: { file: 'hubspot-deals.csv', first: '2024-03-14 10:00', second: '2024-06-01 10:00', date: ({ y, m, d }) => `${y}-${pad(m)}-${pad(d)} 10:00` },
    tenant: 'https://app.hubspot.com/contacts/4821337/objects/0-2/views/all/list',
    accountsImported: 3,
    // "Became a Customer Date" is the CRM's own customer-since field.
    sinceFromCreated: false,
    since: { iso: '2019-04-01', shown: 'Apr 1, 2019', source: 'from the CRM' },
    own: { site: 'hubspot', url: 'https://app.hubspot.com/contacts/4821337/record/0-2/5124009871' },
    // No product column (Deal Type is the CRM's new/existing business, not a product): one
    // unnamed product, bought again; the CRM says existing business both times.
    secondKind: 'existing',
  },
  {
    label: 'Pipedrive',
    accounts: 'pipedrive-organizations.csv',
    deals: { file: 'pipedrive-deals.csv', first: '2024-03-14 10:00:00', second: '2024-06-01 10:00:00', date: ({ y, m, d }) => `${y}-${pad(m)}-${pad(d)} 10:00:00` },
    tenant: 'acme',
    accountsImported: 3,
    sinceFromCreated: true,
    since: { iso: '2019-03-14', shown: 'Mar 14, 2019', source: "the CRM record's created date" },
    own: { site: 'pipedrive', url: 'https://acme.pipedrive.com/organization/377' },
    // No product column: one unnamed product, bought again.
    secondKind: 'existing',
  },
];

/** A page of each product, at a real address, and how it finds the imported Acme Corp. */
const PAGES: Array<{ site: string; url: string; file: string; matchedBy: string; mail?: boolean }> = [
  { site: 'salesforce', url: 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000AcmeCoAA/view', file: 'salesforce-account-record-2026-11.html', matchedBy: 'name' },
  { site: 'hubspot', url: 'https://app.hubspot.com/contacts/4821337/record/0-2/5124009871', file: 'hubspot-company-record-2026-11.html', matchedBy: 'name' },
  { site: 'pipedrive', url: 'https://acme.pipedrive.com/organization/377', file: 'pipedrive-organization-record-2026-11.html', matchedBy: 'name' },
  { site: 'zoho', url: 'https://crm.zoho.com/crm/org123456/tab/Accounts/4150868000000224005', file: 'zoho-account-record-2026-11.html', matchedBy: 'name' },
  {
    site: 'dynamics',
    url: 'https://contoso.crm4.dynamics.com/main.aspx?appid=0b7a2f4e-1c3d-4e5f-8a9b-112233445566&pagetype=entityrecord&etn=account&id=%7B7A1B2C3D-4E5F-4A6B-8C9D-0E1F2A3B4C5D%7D',
    file: 'dynamics-account-record-2026-11.html',
    matchedBy: 'name',
  },
  // Mail: a thread with Maria Lopez of Acme. The exports file Acme under acme.com, the fixture
  // threads use acme-corp.com: served with Acme's addresses at acme.com, so the domain resolves.
  { site: 'gmail', url: 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQXJWDsKmTskbNvbGxkMXDvmxTq', file: 'gmail-thread-2026-11.html', matchedBy: 'email domain', mail: true },
  { site: 'outlook', url: 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hYjI4LWM3MjctMDACLTAwCgAQAHs0B%2Fdk%2BNRHjZc2gE9Y1uE%3D', file: 'outlook-message-2026-11.html', matchedBy: 'email domain', mail: true },
];

const MATCH_TEXT: Record<string, string> = { crm: 'CRM record', name: 'name', 'email domain': 'email domain' };

async function servePages(context: BrowserContext): Promise<void> {
  const byOrigin = new Map(PAGES.map((p) => [new URL(p.url).origin, p]));
  await context.route((url) => url.protocol === 'https:' || url.protocol === 'http:', (route) => {
    const page = byOrigin.get(new URL(route.request().url()).origin);
    if (!page) return route.abort('blockedbyclient');
    let html = readFileSync(path.join(FIXTURES, page.file), 'utf8');
    if (page.mail) html = html.replaceAll('acme-corp.com', 'acme.com');
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });
}

const ext = withExtension({});

/** The fixture deals file with Acme's two deals dated 20 and 3 months ago, in the file's own format. */
function dealsFile(s: Source): { name: string; mimeType: string; buffer: Buffer } {
  const text = readFileSync(path.join(IMPORT, s.deals.file), 'utf8');
  const moved = text
    .split('\n')
    .map((line) => (line.includes('Acme') ? line.replace(s.deals.first, s.deals.date(FIRST)).replace(s.deals.second, s.deals.date(SECOND)) : line))
    .join('\n');
  expect(moved).not.toContain(s.deals.first);
  expect(moved).not.toContain(s.deals.second);
  return { name: s.deals.file, mimeType: 'text/csv', buffer: Buffer.from(moved) };
}

async function importBoth(s: Source): Promise<void> {
  const page = await ext.context.newPage();
  await openOptions(page, ext.extensionId, 'data');
  await page.getByLabel('CSV file', { exact: true }).setInputFiles(path.join(IMPORT, s.accounts));
  await expect(page.getByLabel('What the file holds')).toHaveValue('accounts');
  await page.getByLabel('Your CRM address or account (optional)').fill(s.tenant);
  if (s.sinceFromCreated) await page.getByLabel(/use the record's created date/).check();
  await page.getByRole('button', { name: /^Import \d+ rows$/ }).click();
  await expect(page.getByTestId('import-report').locator('[data-count=created]')).toHaveText(`${s.accountsImported} imported (new)`);
  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.getByLabel('CSV file', { exact: true }).setInputFiles(dealsFile(s));
  await expect(page.getByLabel('What the file holds')).toHaveValue('deals');
  await page.getByRole('button', { name: /^Import \d+ rows$/ }).click();
  await expect(page.getByTestId('import-report')).toBeVisible();
  await page.close();
}

async function tenureOn(url: string): Promise<{ dock: DockDriver; page: Page }> {
  const page = await ext.context.newPage();
  const dock = await DockDriver.open(page, url);
  await dock.waitForText((t) => t.includes('Retention risk'), 8_000);
  return { dock, page };
}

for (const s of SOURCES) {
  test(`${s.label} export: since, tenure and the 12-month mix on every product's page`, async () => {
    test.setTimeout(120_000);
    await servePages(ext.context);
    await importBoth(s);

    const kindLabel = s.secondKind === 'cross_sell' ? 'Cross-sell' : 'Existing';
    const other = s.secondKind === 'cross_sell' ? 'existing' : 'cross_sell';
    const otherLabel = other === 'existing' ? 'Existing' : 'Cross-sell';
    for (const p of PAGES) {
      const { dock, page } = await tenureOn(p.url);
      const where = `${s.label} → ${p.site}`;
      const matched = p.site === s.own.site ? 'CRM record' : MATCH_TEXT[p.matchedBy]!;
      expect(await dock.text(), where).toContain(`Matched by ${matched}`);
      expect(await dock.textOf('.head .customer'), where).toBe('Acme Corp');
      expect(await dock.textOf('[data-testid=tenure-since]'), where).toBe(`Customer since ${s.since.shown} (${s.since.source}) · ${tenure(s.since.iso)}`);

      // Last 12 months: only the second deal, 4,500.50 USD.
      const usd12 = '[data-testid=tenure-last12] [data-currency=USD]';
      expect(await dock.textOf(`${usd12} .t-total`), where).toBe('$4,500.50 total');
      expect(await dock.textOf(`${usd12} [data-kind=${s.secondKind}]`), where).toBe(`${kindLabel} $4,500.50 · 100%`);
      expect(await dock.textOf(`${usd12} [data-kind=${other}]`), where).toBe(`${otherLabel} $0.00 · 0%`);
      expect(await dock.textOf(`${usd12} [data-kind=new]`), where).toBe('New $0.00 · 0%');
      // All time: a customer since 2019 renewing, not new business; and the dock says the data starts late.
      const all = '[data-testid=tenure-alltime] [data-currency=USD]';
      expect(await dock.textOf(`${all} .t-total`), where).toBe('$16,500.50 total');
      expect(await dock.textOf(`${all} [data-kind=new]`), where).toBe('New $0.00 · 0%');
      if (s.secondKind === 'cross_sell') {
        expect(await dock.textOf(`${all} [data-kind=existing]`), where).toBe('Existing $12,000.00 · 73%');
        expect(await dock.textOf(`${all} [data-kind=cross_sell]`), where).toBe('Cross-sell $4,500.50 · 27%');
      } else expect(await dock.textOf(`${all} [data-kind=existing]`), where).toBe('Existing $16,500.50 · 100%');
      expect(await dock.textOf('[data-testid=tenure-gap]'), where).toMatch(/^Purchases before \w+ \d{4} are not imported/);
      await page.close();
    }
  });
}
