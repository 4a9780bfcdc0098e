import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { CrmStatus } from '../../lib/crm/state';
import { PRODUCT_MATCHES } from '../../lib/sites/hosts';
import { salesforceOrg, salesforceStandIn } from '../crm-api/salesforce';
import { routeStandIns } from '../crm-api/serve';
import { launchWithExtension } from './browser';
import { serious, type Violation } from './axe-dock';
import { openOptions } from './options-nav';

// Options → Connect CRM (issue 16), the page alone: what each card explains before the browser
// asks anything, the address checks, the share warning, the keyboard path to the permission
// request, and each state the background can report (shown through a stand-in for the
// background's answers at the page's message boundary, chrome.runtime.sendMessage).

let context: BrowserContext;
let extensionId: string;
test.afterEach(async () => {
  await context?.close();
});

async function open(opts: Parameters<typeof launchWithExtension>[0] = {}): Promise<Page> {
  ({ context, extensionId } = await launchWithExtension(opts));
  const page = await context.newPage();
  await openOptions(page, extensionId, 'crm');
  return page;
}

/**
 * Playwright cannot answer the browser's permission prompt: record what the page asks for
 * (the polyfill calls chrome.permissions.request with a callback) and answer `granted`.
 */
async function recordPermissionRequests(page: Page, granted: boolean): Promise<void> {
  await page.evaluate((granted) => {
    type Perms = { permissions: { request: (p: unknown, cb?: (ok: boolean) => void) => unknown } };
    const w = window as unknown as { __asked: unknown[]; chrome: Perms };
    w.__asked = [];
    w.chrome.permissions.request = (p: unknown, cb?: (ok: boolean) => void) => {
      w.__asked.push(JSON.parse(JSON.stringify(p)));
      if (cb) return void cb(granted);
      return Promise.resolve(granted);
    };
  }, granted);
}
const asked = (page: Page) => page.evaluate(() => (window as unknown as { __asked: unknown[] }).__asked);

/**
 * The background's CRM answers, scripted: crmStatus returns `statuses` (changed from the test
 * with setStatuses), crmConnect / crmSyncNow / crmCancel / crmDisconnect are recorded and
 * answered as given. Every other message goes to the real background.
 */
async function scriptBackground(page: Page, statuses: CrmStatus[], connectReply?: unknown): Promise<void> {
  await page.evaluate(
    ([statuses, connectReply]) => {
      type Rt = { runtime: { sendMessage: (m: unknown) => Promise<unknown> } };
      const w = window as unknown as { chrome: Rt; __crm: { statuses: unknown[]; sent: Array<{ hf: string; data: unknown }> } };
      w.__crm = { statuses, sent: [] };
      const real = w.chrome.runtime.sendMessage.bind(w.chrome.runtime);
      w.chrome.runtime.sendMessage = async (m: unknown) => {
        const env = m as { hf?: string; data?: unknown };
        if (!env.hf?.startsWith('crm')) return real(m);
        w.__crm.sent.push({ hf: env.hf, data: env.data });
        if (env.hf === 'crmConnect') return { ok: true, data: connectReply };
        if (env.hf === 'crmDisconnect') return { ok: true, data: { ok: true } };
        return { ok: true, data: w.__crm.statuses };
      };
    },
    [statuses, connectReply ?? null] as const,
  );
  // The page asks again when it gets focus.
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
}
const setStatuses = (page: Page, statuses: CrmStatus[]) =>
  page.evaluate((s) => {
    (window as unknown as { __crm: { statuses: unknown[] } }).__crm.statuses = s;
    window.dispatchEvent(new Event('focus'));
  }, statuses);
const sent = (page: Page) => page.evaluate(() => (window as unknown as { __crm: { sent: Array<{ hf: string; data: unknown }> } }).__crm.sent);

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('section.panel[data-section="crm"]').analyze();
  return serious(results.violations as Violation[]).map((v) => JSON.stringify(v));
}

const SF: CrmStatus = {
  product: 'salesforce',
  apiHost: 'acme.my.salesforce.com',
  tenant: 'acme',
  share: 'me',
  userName: 'Jane Morgan',
  connectedAt: '2026-12-03T22:00:00.000Z',
};

test('each card says what Holdfast reads and which permission the browser will ask, before anything is asked', async () => {
  const page = await open();
  await recordPermissionRequests(page, false);
  await expect(page.getByRole('heading', { level: 2, name: 'Connect CRM' })).toBeVisible();
  await expect(page.locator('nav a[aria-current="page"]')).toHaveText('Connect CRM');

  const sf = page.getByTestId('crm-salesforce');
  await expect(sf.getByRole('heading', { name: 'Salesforce' })).toBeVisible();
  await expect(sf).toContainText('Holdfast reads your accounts, won deals with their products and amounts, and who owns each account. Read-only: it never writes anything to Salesforce.');
  await expect(sf).toContainText('read your Salesforce sign-in cookie for your org’s my.salesforce.com address');
  await expect(sf).toContainText('The session is never stored or sent anywhere else.');
  await expect(sf.getByLabel('Access token')).toHaveCount(0);
  await expect(sf.getByRole('button', { name: 'Connect Salesforce' })).toBeVisible();

  const hs = page.getByTestId('crm-hubspot');
  await expect(hs.getByRole('heading', { name: 'HubSpot' })).toBeVisible();
  await expect(hs).toContainText('Settings → Integrations → Private Apps');
  await expect(hs.getByRole('list', { name: 'Scopes the app needs' }).getByRole('listitem')).toHaveText([
    'crm.objects.companies.read',
    'crm.objects.deals.read',
    'crm.objects.line_items.read',
    'crm.objects.owners.read',
  ]);
  await expect(hs.getByLabel('CRM address')).toHaveCount(0);
  await expect(hs.getByLabel('Access token')).toHaveAttribute('type', 'password');

  const pd = page.getByTestId('crm-pipedrive');
  await expect(pd).toContainText('open Personal preferences → API and copy it');
  await expect(pd.getByLabel('Access token')).toHaveAttribute('type', 'password');
  await expect(pd.getByLabel('CRM address')).toBeVisible();

  const dyn = page.getByTestId('crm-dynamics');
  await expect(dyn.getByRole('heading', { name: 'Microsoft Dynamics 365' })).toBeVisible();
  await expect(dyn).toContainText('there is no token to paste');
  await expect(dyn.getByLabel('Access token')).toHaveCount(0);
  await expect(dyn.getByRole('button', { name: 'Connect Dynamics 365' })).toBeVisible();

  for (const card of [sf, hs, pd, dyn]) {
    await expect(card.getByRole('radio', { name: 'Just me' })).toBeChecked();
    await expect(card.getByRole('radio', { name: 'My whole team' })).not.toBeChecked();
  }
  // Typing an address names the one host the browser will be asked for.
  await sf.getByLabel('CRM address').fill('https://acme--uat.sandbox.lightning.force.com/lightning/page/home');
  await expect(sf).toContainText('read your Salesforce sign-in cookie for acme--uat.sandbox.my.salesforce.com');
  expect(await asked(page)).toEqual([]);
  expect(await axe(page)).toEqual([]);
});

test('a wrong address is said under its field, and nothing is asked', async () => {
  const page = await open();
  await recordPermissionRequests(page, true);
  const cases = [
    ['crm-salesforce', 'https://example.com/login', 'Connect Salesforce', 'That is not a Salesforce address.'],
    ['crm-pipedrive', 'https://app.pipedrive.com/deals', 'Connect Pipedrive', 'That is not a Pipedrive company address.'],
    ['crm-dynamics', 'contoso.dynamics.com', 'Connect Dynamics 365', 'That is not a Dynamics 365 address.'],
  ] as const;
  for (const [id, address, button, words] of cases) {
    const card = page.getByTestId(id);
    const field = card.getByLabel('CRM address');
    await field.fill(address);
    await card.getByRole('button', { name: button }).click();
    await expect(card.getByTestId('crm-address-error')).toContainText(words);
    // Said to a screen reader with the field, which takes the focus back.
    await expect(field).toBeFocused();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(new RegExp(`^${words.replace(/\./g, '\\.')}`));
    await field.fill('');
    await expect(card.getByTestId('crm-address-error')).toHaveCount(0);
  }
  // Empty: asked for the address; Pipedrive without its token: asked for the token.
  const sf = page.getByTestId('crm-salesforce');
  await sf.getByRole('button', { name: 'Connect Salesforce' }).click();
  await expect(sf.getByTestId('crm-address-error')).toHaveText('Enter your Salesforce address first.');
  const pd = page.getByTestId('crm-pipedrive');
  await pd.getByLabel('CRM address').fill('acme.pipedrive.com');
  await pd.getByRole('button', { name: 'Connect Pipedrive' }).click();
  await expect(pd.getByTestId('crm-token-error')).toHaveText('Paste the access token first.');
  await expect(pd.getByLabel('Access token')).toBeFocused();
  expect(await asked(page)).toEqual([]);
  expect(await axe(page)).toEqual([]);
});

test('the whole-team choice says plainly that everything you can see goes to every rep', async () => {
  const page = await open();
  const card = page.getByTestId('crm-hubspot');
  const team = card.getByRole('radio', { name: 'My whole team' });
  await expect(team).toHaveAccessibleDescription('Meant for a team lead. Everything your CRM lets you see is shared with every rep on the team, through team sync.');
  await team.check();
  await expect(card.getByTestId('crm-share-warning')).toBeVisible();
  await expect(card.getByTestId('crm-share-warning')).toHaveClass(/crm-warn-on/);
});

test('by keyboard alone: address, whole team, Connect reaches the permission request for that one org', async () => {
  ({ context, extensionId } = await launchWithExtension());
  const page = await openOptions(await context.newPage(), extensionId, 'me');
  await recordPermissionRequests(page, false);
  // The navigation: Me, Sites, Data, then Connect CRM, which takes focus to its heading.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Connect CRM' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Connect CRM' })).toBeFocused();
  const sf = page.getByTestId('crm-salesforce');
  // From the section's heading, the first stop is Salesforce's address.
  await page.keyboard.press('Tab');
  await expect(sf.getByLabel('CRM address')).toBeFocused();
  await page.keyboard.type('acme.lightning.force.com');
  await page.keyboard.press('Tab');
  await expect(sf.getByRole('radio', { name: 'Just me' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(sf.getByRole('radio', { name: 'My whole team' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(sf.getByRole('button', { name: 'Connect Salesforce' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => asked(page)).toEqual([{ permissions: ['cookies'], origins: ['https://acme.my.salesforce.com/*'] }]);
  // Declined: said so, nothing connected.
  await expect(sf.getByTestId('crm-error')).toHaveText('The browser did not give Holdfast access, so Salesforce was not connected. Press Connect again and choose Allow.');
  await expect(sf.getByRole('button', { name: 'Connect Salesforce' })).toBeVisible();

  // HubSpot by Enter in its token field: api.hubapi.com only, no cookies.
  const hs = page.getByTestId('crm-hubspot');
  await hs.getByLabel('Access token').focus();
  await page.keyboard.type('pat-eu1-00000000-0000-0000-0000-000000000000');
  await page.keyboard.press('Enter');
  await expect.poll(() => asked(page)).toContainEqual({ permissions: [], origins: ['https://api.hubapi.com/*'] });
});

test('the address is proposed where one instance of the CRM is granted', async () => {
  const page = await open({ grant: ['https://acme.lightning.force.com/*', 'https://acme.pipedrive.com/*'] });
  await expect(page.getByTestId('crm-salesforce').getByLabel('CRM address')).toHaveValue('https://acme.lightning.force.com');
  await expect(page.getByTestId('crm-salesforce')).toContainText('sign-in cookie for acme.my.salesforce.com');
  await expect(page.getByTestId('crm-pipedrive').getByLabel('CRM address')).toHaveValue('https://acme.pipedrive.com');
  // Product-wide (or no) grants name no instance.
  await expect(page.getByTestId('crm-dynamics').getByLabel('CRM address')).toHaveValue('');
});

test('connect hands the address, token and share to the background; progress, status, errors and disconnect as it reports them', async () => {
  const page = await open();
  await recordPermissionRequests(page, true);
  const running: CrmStatus = { ...SF, running: { phase: 'deals', records: 1234, pages: 5, doneInPhase: 400, totalInPhase: 1000, first: true } };
  await scriptBackground(page, [], { ok: true, status: running });
  const sf = page.getByTestId('crm-salesforce');
  await sf.getByLabel('CRM address').fill('https://acme.lightning.force.com/lightning/o/Account/home');
  await sf.getByRole('button', { name: 'Connect Salesforce' }).click();
  await expect.poll(() => sent(page)).toContainEqual({ hf: 'crmConnect', data: { product: 'salesforce', share: 'me', address: 'https://acme.lightning.force.com/lightning/o/Account/home' } });
  await setStatuses(page, [running]);

  // Reading: a determinate bar named for the product, records and pages, Cancel.
  const bar = sf.getByRole('progressbar', { name: 'Reading Salesforce' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('value', '400');
  await expect(bar).toHaveAttribute('max', '1000');
  await expect(sf.getByTestId('crm-progress')).toHaveText('Reading deals · 1,234 records · page 5');
  await expect(sf.getByTestId('crm-connection')).toHaveText('Connected to acme.my.salesforce.com as Jane Morgan. Shared with: just you.');
  expect(await axe(page)).toEqual([]);

  // Waiting out the API's limit; accounts with no total: an indeterminate bar.
  await setStatuses(page, [{ ...SF, running: { phase: 'accounts', records: 1, pages: 1, doneInPhase: 1, first: true, waitingUntil: Date.now() + 12_400 } }]);
  await expect(sf.getByTestId('crm-progress')).toHaveText(/^Waiting for Salesforce’s API limit \(1[23] s\)$/);
  await expect(bar).not.toHaveAttribute('value');
  await setStatuses(page, [{ ...SF, running: { phase: 'accounts', records: 1, pages: 1, doneInPhase: 1, first: true } }]);
  await expect(sf.getByTestId('crm-progress')).toHaveText('Reading accounts · 1 record · page 1');
  await sf.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => sent(page)).toContainEqual({ hf: 'crmCancel', data: { product: 'salesforce' } });

  // Done: when and what it brought in, Sync now, Disconnect.
  const done: CrmStatus = { ...SF, lastSyncAt: '2026-12-03T23:10:00.000Z', lastCounts: { accounts: 3, deals: 5, lines: 9, removed: 0 } };
  await setStatuses(page, [done]);
  await expect(sf.getByTestId('crm-status')).toHaveText(/^Last synced 3 Dec, \d\d:\d\d · 3 customers · 5 deals · 9 product lines$/);
  await sf.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(() => sent(page)).toContainEqual({ hf: 'crmSyncNow', data: { product: 'salesforce' } });

  // A failed sync: worded for the rep, the API's own words under Details.
  await setStatuses(page, [{ ...done, lastError: { code: 'signed_out', detail: 'INVALID_SESSION_ID: Session expired or invalid', at: '2026-12-03T23:20:00.000Z' } }]);
  const alert = sf.getByRole('alert');
  await expect(alert).toHaveAttribute('data-testid', 'crm-error');
  await expect(alert.locator('p')).toHaveText('Your Salesforce session has ended. Open Salesforce, sign in again, then press Sync now.');
  await expect(alert.getByText('INVALID_SESSION_ID: Session expired or invalid')).toBeHidden();
  await alert.getByText('Details').click();
  await expect(alert.getByText('INVALID_SESSION_ID: Session expired or invalid')).toBeVisible();
  expect(await axe(page)).toEqual([]);

  // Disconnect asks first, and says what stays.
  await sf.getByRole('button', { name: 'Disconnect' }).click();
  await expect(sf).toContainText('Disconnect Salesforce? Holdfast stops reading it and forgets the connection. The customers and deals it brought in stay.');
  expect((await sent(page)).some((m) => m.hf === 'crmDisconnect')).toBe(false);
  await sf.getByRole('button', { name: 'Disconnect Salesforce' }).click();
  await expect.poll(() => sent(page)).toContainEqual({ hf: 'crmDisconnect', data: { product: 'salesforce' } });
  await setStatuses(page, []);
  await expect(sf.getByRole('button', { name: 'Connect Salesforce' })).toBeVisible();
  await expect(sf.getByRole('status')).toHaveText('Salesforce is disconnected. The customers and deals it brought in stay.');
});

test('a refused connect is worded per code with the product’s name', async () => {
  const page = await open();
  await recordPermissionRequests(page, true);
  await scriptBackground(page, [], { ok: false, code: 'missing_scope', detail: 'MISSING_SCOPES: requiredGranularScopes crm.objects.line_items.read' });
  const hs = page.getByTestId('crm-hubspot');
  await hs.getByLabel('Access token').fill('pat-eu1-00000000-0000-0000-0000-000000000000');
  await hs.getByRole('radio', { name: 'My whole team' }).check();
  await hs.getByRole('button', { name: 'Connect HubSpot' }).click();
  await expect.poll(() => sent(page)).toContainEqual({ hf: 'crmConnect', data: { product: 'hubspot', share: 'team', token: 'pat-eu1-00000000-0000-0000-0000-000000000000' } });
  await expect(hs.getByTestId('crm-error').locator('p')).toHaveText('The HubSpot token lacks scopes Holdfast needs: crm.objects.line_items.read. Add them to the private app, then connect again.');
  // The form stays, with what was typed, to fix and try again.
  await expect(hs.getByRole('button', { name: 'Connect HubSpot' })).toBeEnabled();
});

test('with the real background and a stand-in Salesforce: connect by keyboard, watch it read, see what it brought in, disconnect', async () => {
  const org = salesforceOrg({ name: 'Acme Inc.' });
  org.addUser({ Name: 'Jane Morgan', Email: 'jane.morgan@vendor.example' });
  const acme = org.addAccount({ Name: 'Acme Corp', Website: 'https://www.acme-corp.com' });
  const globex = org.addAccount({ Name: 'Globex', Website: 'globex.example' });
  org.addAccount({ Name: 'Initech', Website: 'initech.example' });
  org.addOpportunity({ Name: 'Acme platform', AccountId: acme.Id, CloseDate: '2025-06-30', lines: [{ product: 'Platform', amount: 12000 }] });
  org.addOpportunity({ Name: 'Globex analytics', AccountId: globex.Id, CloseDate: '2026-09-30', lines: [{ product: 'Analytics', amount: 3000 }, { product: 'Onboarding', amount: 1000 }] });
  const stand = salesforceStandIn(org);
  const page = await open({ grant: [...PRODUCT_MATCHES.salesforce], permissions: ['cookies'] });
  await routeStandIns(context, stand);
  await context.addCookies([{ name: 'sid', value: stand.sid, url: 'https://acme.my.salesforce.com', secure: true, httpOnly: true, sameSite: 'None' }]);
  // The deals wait until the test has seen the bar.
  const release = stand.hold((url) => /FROM\s+Opportunity/i.test(url));

  const sf = page.getByTestId('crm-salesforce');
  await sf.getByLabel('CRM address').focus();
  await page.keyboard.type('https://acme.lightning.force.com/lightning/page/home');
  await page.keyboard.press('Enter');
  const bar = sf.getByRole('progressbar', { name: 'Reading Salesforce' });
  await expect(bar).toBeVisible({ timeout: 15_000 });
  await expect(sf.getByTestId('crm-progress')).toHaveText(/^Reading (accounts|deals) · [\d,]+ records? · page \d+$/);
  await expect(sf.getByTestId('crm-connection')).toContainText('Connected to acme.my.salesforce.com as Jane Morgan.');
  await expect(sf.getByRole('button', { name: 'Cancel' })).toBeVisible();
  expect(await axe(page)).toEqual([]);
  release();

  await expect(bar).toHaveCount(0, { timeout: 30_000 });
  await expect(sf.getByTestId('crm-status')).toHaveText(/^Last synced \d{1,2} [A-Z][a-z]{2}, \d\d:\d\d · 3 customers · 2 deals · 3 product lines$/, { timeout: 30_000 });
  await expect(sf.getByTestId('crm-error')).toHaveCount(0);
  // Said to a screen reader, not only shown: focus on the heading alone reads just "Salesforce".
  await expect(sf.getByTestId('crm-said')).toHaveText('Connected to acme.my.salesforce.com as Jane Morgan. Shared with: just you.');

  // By keyboard, focus is never dropped on the page: Sync now becomes Cancel and back again.
  await sf.getByRole('button', { name: 'Sync now' }).focus();
  await page.keyboard.press('Enter');
  await expect(sf.getByTestId('crm-status')).toHaveText(/^Last synced /, { timeout: 30_000 });
  await expect(sf.getByRole('button', { name: 'Sync now' })).toBeFocused();
  await sf.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await sf.getByRole('button', { name: 'Keep connected' }).click();
  await expect(sf.getByRole('button', { name: 'Disconnect', exact: true })).toBeFocused();

  await sf.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await sf.getByRole('button', { name: 'Disconnect Salesforce' }).click();
  await expect(sf.getByRole('button', { name: 'Connect Salesforce' })).toBeVisible();
  await expect(sf.getByRole('status')).toHaveText('Salesforce is disconnected. The customers and deals it brought in stay.');
});

test('in Chinese the section reads natively', async () => {
  const page = await open({ lang: 'zh-CN' });
  await expect(page.getByRole('heading', { level: 2, name: '连接 CRM' })).toBeVisible();
  const sf = page.getByTestId('crm-salesforce');
  await expect(sf).toContainText('Holdfast 会读取客户、赢单交易（含产品和金额）以及每家客户的负责人。只读：绝不会向 Salesforce 写入任何内容。');
  await expect(sf.getByRole('radio', { name: '仅自己' })).toBeChecked();
  await sf.getByLabel('CRM 地址').fill('example.com');
  await sf.getByRole('button', { name: '连接 Salesforce' }).click();
  await expect(sf.getByTestId('crm-address-error')).toContainText('这不是 Salesforce 地址。');
  await expect(page.getByTestId('crm-dynamics').getByRole('button', { name: '连接 Dynamics 365' })).toBeVisible();
});

/** For a person to look at: HOLDFAST_SHOTS=<dir> (English and Chinese, light and dark; not connected, then syncing and connected). */
test('screenshots of Connect CRM', async () => {
  const dir = process.env.HOLDFAST_SHOTS;
  test.skip(!dir, 'set HOLDFAST_SHOTS to a folder to take them');
  test.setTimeout(120_000);
  mkdirSync(dir!, { recursive: true });
  for (const lang of ['en-US', 'zh-CN']) {
    const page = await open({ lang, grant: ['https://acme.lightning.force.com/*'] });
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.getByTestId('crm-hubspot').getByRole('radio').nth(1).check();
    await page.getByTestId('crm-pipedrive').getByRole('button').click();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: path.join(dir!, `crm-${lang}-${scheme}-form.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 640, height: 900 });
    await page.screenshot({ path: path.join(dir!, `crm-${lang}-dark-form-640.png`), fullPage: true });
    await page.setViewportSize({ width: 1100, height: 900 });
    await scriptBackground(page, [
      { ...SF, running: { phase: 'deals', records: 1234, pages: 5, doneInPhase: 400, totalInPhase: 1000, first: true } },
      { product: 'hubspot', apiHost: 'api.hubapi.com', tenant: '4821337', share: 'team', userName: 'jane@acme.com', connectedAt: SF.connectedAt, lastSyncAt: '2026-12-03T23:10:00.000Z', lastCounts: { accounts: 3, deals: 5, lines: 9, removed: 0 } },
      { product: 'dynamics', apiHost: 'contoso.crm4.dynamics.com', tenant: 'contoso.crm4.dynamics.com', share: 'me', connectedAt: SF.connectedAt, lastSyncAt: '2026-12-03T23:10:00.000Z', lastError: { code: 'rate_limited', detail: '429 Too Many Requests', at: SF.connectedAt }, nextAttemptAt: Date.now() + 300_000 },
    ]);
    await page.getByTestId('crm-progress').waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: path.join(dir!, `crm-${lang}-${scheme}-connected.png`), fullPage: true });
    }
    await context.close();
  }
});
