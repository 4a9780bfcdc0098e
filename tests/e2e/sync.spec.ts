import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { launchWithExtension, openExtensionPage } from './browser';
import { DockDriver } from './dock';
import { serveFixtures } from './serve';
import { startServer, type TestServer } from '../server/harness';
import { goToSection, openOptions } from './options-nav';

// Team sync (issue 8) end to end: a real server process (PGlite) on loopback and two browser
// profiles with the built extension. Alice connects in Options and quick-logs a problem from
// the popup on a Salesforce record; Bob connects and finds it in his dock on the same record.
const RECORD = 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABcdeIAD/view';
const PAGES = { 'https://acme.lightning.force.com/*': 'sites/salesforce-account-record-2026-11.html' };

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let server: TestServer;
const profiles: BrowserContext[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startServer({ db: 'pglite' });
});
test.afterAll(async () => {
  for (const p of profiles) await p.close().catch(() => undefined);
  await server?.stop();
});

async function profile(): Promise<{ context: BrowserContext; extensionId: string }> {
  const launched = await launchWithExtension();
  profiles.push(launched.context);
  await serveFixtures(launched.context, PAGES);
  // The fixtures refuse every other address; the team server on loopback is real.
  const origin = new URL(server.url).origin;
  await launched.context.route((url) => url.origin === origin, (route) => route.continue());
  return launched;
}

async function connectInOptions(context: BrowserContext, extensionId: string, token: string): Promise<Page> {
  const options = await context.newPage();
  await openOptions(options, extensionId, 'sync');
  const section = options.getByTestId('sync-section');
  await expect(section.getByRole('heading', { name: 'Team sync' })).toBeVisible();
  // A plain-http address elsewhere than this machine is refused before anything is sent.
  await section.getByLabel('Server address').fill('http://sync.acme.example');
  await section.getByLabel('Your access token').fill(token);
  await section.getByRole('button', { name: 'Connect' }).click();
  await expect(options.getByTestId('sync-message')).toContainText('plain http:// is allowed only for a server on this computer');
  // Keyboard only from here: address, Tab to the token, Enter.
  await section.getByLabel('Server address').fill(server.url);
  await section.getByLabel('Server address').press('Tab');
  await expect(section.getByLabel('Your access token')).toBeFocused();
  await options.keyboard.press('Enter');
  await expect(options.getByTestId('sync-message')).toContainText('Connected to team Acme Sales', { timeout: 15_000 });
  await expect(options.getByTestId('sync-connected')).toContainText(server.url);
  // The first sync finishes: nothing waits, and it says when it synced.
  await expect(options.getByTestId('sync-status')).toContainText('Last sync: just now', { timeout: 20_000 });
  await expect(options.getByTestId('sync-status')).toContainText('Changes waiting to be sent: 0');
  return options;
}

async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  return openExtensionPage(context, extensionId, 'popup.html');
}

test('one rep logs a problem, a teammate sees it after sync; the popup shows sync status', async () => {
  // Alice uses Holdfast alone first, then connects.
  const alice = await profile();
  const page = await alice.context.newPage();
  const dock = await DockDriver.open(page, RECORD);
  await dock.waitForText((t) => t.includes('Not in Holdfast yet'));
  await dock.click('.unknown .primary');
  await dock.waitForText((t) => t.includes('No open problems'));
  const options = await connectInOptions(alice.context, alice.extensionId, server.tokens.alice!);
  // The token is never shown back, nor readable from the page's status.
  await expect(options.getByLabel('Your access token')).toHaveCount(0);
  expect(await options.content()).not.toContain(server.tokens.alice!);

  // Quick-log from the popup with the CRM tab active, keyboard only.
  await page.bringToFront();
  const popup = await openPopup(alice.context, alice.extensionId);
  await expect(popup.getByTestId('popup-customer')).toHaveText('Acme Corp');
  await expect(popup.getByTestId('sync-line')).toContainText('Team sync: synced just now');
  await popup.keyboard.type('Invoices go to the old address');
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('status')).toContainText('You own it');
  // Soon after the change the background pushes it (debounced), and the line says so.
  await expect(popup.getByTestId('sync-line')).toContainText('Team sync: synced just now', { timeout: 15_000 });
  await expect(popup.getByTestId('sync-line')).not.toContainText('waiting');

  // Bob connects on his own browser and finds Alice's problem on the same record.
  const bob = await profile();
  await connectInOptions(bob.context, bob.extensionId, server.tokens.bob!);
  const bobPage = await bob.context.newPage();
  const bobDock = await DockDriver.open(bobPage, RECORD);
  const text = await bobDock.waitForText((t) => t.includes('Invoices go to the old address'));
  expect(text).toContain('Owner: Alice Ahn');
  expect(text).not.toContain('Not in Holdfast yet');
});

test('the popup says why sync is failing when the server is gone, and recovers by itself', async () => {
  const carol = await profile();
  const options = await connectInOptions(carol.context, carol.extensionId, server.tokens.lena!);
  await server.kill('SIGKILL');
  try {
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect(options.getByTestId('sync-status')).toContainText('Last problem: the server cannot be reached', { timeout: 15_000 });
    const popup = await openPopup(carol.context, carol.extensionId);
    await expect(popup.getByTestId('sync-line')).toContainText('Team sync: not synced, the server cannot be reached');
  } finally {
    await server.restart();
  }
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect(options.getByTestId('sync-status')).not.toContainText('Last problem', { timeout: 15_000 });
  // Disconnecting forgets the server; Holdfast goes on alone.
  await options.getByRole('button', { name: 'Disconnect' }).click();
  await expect(options.getByTestId('sync-message')).toContainText('Disconnected');
  await expect(options.getByLabel('Server address')).toBeVisible();
});

test('a change the server refuses is undone and listed with its reason; the sync UI passes axe', async () => {
  const bob = await profile();
  const options = await connectInOptions(bob.context, bob.extensionId, server.tokens.bob!);
  // Bob adds a colleague himself; only the team lead may add reps (the section says so).
  await goToSection(options, 'lead');
  await expect(options.getByTestId('lead-note')).toContainText('as a rep');
  await options.getByLabel("Colleague's name").fill('Zed Zhao');
  for (const trait of ['Goal orientation', 'Skepticism', 'Detail attention', 'Relationship']) await options.getByLabel(`${trait} (0–100)`).fill('50');
  await options.getByRole('button', { name: 'Add colleague' }).click();
  const zed = options.getByRole('rowheader', { name: 'Zed Zhao' });
  await expect(zed).toHaveCount(1);
  await goToSection(options, 'sync');
  const refusals = options.getByTestId('sync-refusals');
  await expect(refusals).toContainText('Rep “Zed Zhao”: only the team lead changes pods and other reps', { timeout: 15_000 });
  await expect(refusals).toContainText('A rep edits only their own profile');
  // The server has no such rep: he is gone from this device too.
  await goToSection(options, 'lead');
  await expect(options.locator('#pods-team-h')).toBeVisible();
  await expect(zed).toHaveCount(0);
  await goToSection(options, 'sync');

  const serious = (vs: Array<{ id: string; impact?: string | null }>) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  expect(serious((await new AxeBuilder({ page: options }).include('[data-testid=sync-section]').analyze()).violations)).toEqual([]);
  const popup = await openPopup(bob.context, bob.extensionId);
  await expect(popup.getByTestId('sync-line')).toContainText('1 changes refused (see Options)');
  expect(serious((await new AxeBuilder({ page: popup }).analyze()).violations)).toEqual([]);
});
