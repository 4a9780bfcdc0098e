/**
 * Puts the demo book into a fresh profile the way a user would restore a backup (Options →
 * Back up and restore), and opens the toolbar popup and the side panel in windows of their own
 * (so the CRM tab stays the active tab they read). Shared by `npm start`, `npm run screenshots`
 * and the demo's end-to-end test.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { localIsoDate } from '../../lib/tenure';
import { DB_NAME } from '../../lib/db/database';
import { openExtensionPage } from '../../tests/e2e/browser';
import { demoBook } from '../../tests/fixtures/demo/book';

/** Restores the demo book through the options page's own restore; resolves when it says so. */
export async function loadDemoBook(context: BrowserContext, extensionId: string, today = localIsoDate()): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/options.html#data`);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'holdfast-demo-')), 'holdfast-demo-backup.json');
    writeFileSync(file, JSON.stringify(demoBook(today, await deviceMe(page))));
    await page.locator('#restore-file').setInputFiles(file);
    // Done when the restore is no longer busy (its input enabled again) and has said something.
    await page.waitForFunction(() => {
      const input = document.querySelector<HTMLInputElement>('#restore-file');
      const status = document.querySelector('[data-testid=backup-status]');
      return !!input && !input.disabled && !!status?.textContent?.trim();
    }, undefined, { timeout: 20_000 });
    const status = page.getByTestId('backup-status');
    if ((await status.getAttribute('class'))?.includes('error')) throw new Error(`The demo book was not restored: ${await status.textContent()}`);
  } finally {
    await page.close();
  }
}

/**
 * Who this profile already is (Options creates "me" as it opens), read from the extension's
 * database: a restore keeps the device's "who I am", so the demo must be told from that seat.
 */
async function deviceMe(page: Page): Promise<{ id: string; updatedAt: string } | undefined> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // A string, not a function: tsx would wrap a function's inner helpers in its own `__name`,
  // which the page does not have.
  return page.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open(${JSON.stringify(DB_NAME)});
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const get = (store, key) => new Promise((resolve, reject) => {
      const req = db.transaction(store).objectStore(store).get(key);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    for (let i = 0; i < 50; i++) {
      const id = (await get('settings', 'meRepId'))?.value;
      const rep = id ? await get('reps', id) : undefined;
      if (rep) return { id: rep.id, updatedAt: rep.updatedAt };
      await new Promise((r) => setTimeout(r, 100));
    }
    return undefined;
  })()`);
}

/** An extension page in its own small window, as the toolbar popup or the side panel shows it, at `size`. */
export async function openExtensionWindow(context: BrowserContext, extensionId: string, file: 'popup.html' | 'sidepanel.html', size = { width: 400, height: 640 }): Promise<Page> {
  const page = await openExtensionPage(context, extensionId, file, size);
  await page.setViewportSize(size);
  return page;
}
