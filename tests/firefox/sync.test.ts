import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type TestServer } from '../server/harness';
import { byLabel, clickButton, FirefoxDock, launchFirefox, waitForTextOf, type FirefoxSession } from './driver';

/**
 * Team sync in Firefox (the Chromium check is tests/e2e/sync.spec.ts): a real server process
 * (PGlite) on loopback and two Firefox profiles. Alice connects in Options and quick-logs a
 * problem from the popup; Bob connects and finds it in his dock on the same record.
 */
const RECORD = 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABcdeIAD/view';
const PAGES = { 'https://acme.lightning.force.com/*': 'sites/salesforce-account-record-2026-11.html' };

let server: TestServer;
const sessions: FirefoxSession[] = [];
beforeAll(async () => {
  server = await startServer({ db: 'pglite' });
}, 180_000);
afterAll(async () => {
  for (const s of sessions) await s.close().catch(() => undefined);
  await server?.stop();
});

async function connect(s: FirefoxSession, token: string): Promise<void> {
  // As a user does, on the Options tab in front: a background tab's frames are throttled.
  await s.options.bringToFront();
  await s.options.evaluate(() => {
    location.hash = '#sync';
  });
  await (await byLabel(s.options, 'Server address')).type(server.url);
  await (await byLabel(s.options, 'Your access token')).type(token);
  await clickButton(s.options, 'Connect');
  await waitForTextOf(s.options, '[data-testid="sync-message"]', (t) => t.includes('Connected to team Acme Sales'), 15_000);
  await waitForTextOf(s.options, '[data-testid="sync-status"]', (t) => t.includes('Last sync: just now') && t.includes('Changes waiting to be sent: 0'), 20_000);
}

test('one rep logs a problem in Firefox, a teammate in another Firefox profile sees it after sync', async () => {
  const alice = await launchFirefox();
  sessions.push(alice);
  const page = await alice.browser.newPage();
  await alice.serve(page, PAGES);
  const dock = await FirefoxDock.open(page, RECORD);
  await dock.waitForText((t) => t.includes('Not in Holdfast yet'));
  await dock.click('.unknown .primary');
  await dock.waitForText((t) => t.includes('No open problems'));
  await connect(alice, server.tokens.alice!);

  await page.bringToFront();
  const popup = await alice.openWindow('/popup.html');
  await waitForTextOf(popup, '[data-testid="popup-customer"]', (t) => t === 'Acme Corp');
  const title = await byLabel(popup, 'What is the problem?');
  await title.type('Invoices go to the old address');
  await title.press('Enter');
  await waitForTextOf(popup, '[data-testid="logged-note"]', (t) => t.includes('Invoices go to the old address'));
  // Soon after the change the background pushes it (debounced), and the popup's line says so.
  await waitForTextOf(popup, '[data-testid="sync-line"]', (t) => t.includes('Team sync: synced just now') && !t.includes('waiting'), 15_000);
  // Sent before Bob's first pull: Sync now in Alice's Options, until nothing waits.
  await clickButton(alice.options, 'Sync now');
  await waitForTextOf(alice.options, '[data-testid="sync-status"]', (t) => t.includes('Changes waiting to be sent: 0') && !t.includes('Last problem'), 15_000);

  const bob = await launchFirefox();
  sessions.push(bob);
  await connect(bob, server.tokens.bob!);
  const bobPage = await bob.browser.newPage();
  await bob.serve(bobPage, PAGES);
  const bobDock = await FirefoxDock.open(bobPage, RECORD);
  const text = await bobDock.waitForText((t) => t.includes('Invoices go to the old address'), 10_000);
  expect(text).toContain('Owner: Alice Ahn');
  expect(text).not.toContain('Not in Holdfast yet');
}, 120_000);
