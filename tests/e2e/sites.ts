import type { BrowserContext } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The built extension as a user who has enabled `hosts` (and granted `permissions`) would have it.
 *
 * In the product every site is an optional host permission, granted when the user enables
 * it in options (a browser dialog). Playwright cannot answer that dialog, and Chromium has no
 * switch to accept it, so the test copy lists the same hosts as granted at install
 * (`host_permissions`). Nothing else changes: the background reads granted hosts from
 * permissions.getAll(), which reports both kinds alike, and registers the same content scripts.
 */
export function extensionWithHosts(builtDir: string, hosts: string[], permissions: string[] = []): string {
  if (!hosts.length && !permissions.length) return builtDir;
  const dir = mkdtempSync(path.join(tmpdir(), 'holdfast-ext-'));
  cpSync(builtDir, dir, { recursive: true });
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  manifest.host_permissions = hosts;
  // Optional API permissions (cookies) likewise, as granted.
  if (permissions.length) manifest.permissions = [...new Set([...((manifest.permissions as string[] | undefined) ?? []), ...permissions])];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

/** Wait until the background has registered content scripts covering every one of `hosts`. */
export async function waitForRegistration(context: BrowserContext, hosts: string[]): Promise<void> {
  const worker = context.serviceWorkers()[0]!;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const matches = await worker.evaluate(async () => {
      type Scripting = { scripting: { getRegisteredContentScripts(): Promise<Array<{ matches?: string[] }>> } };
      const regs = await (globalThis as unknown as { chrome: Scripting }).chrome.scripting.getRegisteredContentScripts();
      return regs.flatMap((r) => r.matches ?? []);
    });
    if (hosts.every((p) => matches.includes(p))) return;
    if (Date.now() > deadline) throw new Error(`content scripts not registered for ${hosts.filter((p) => !matches.includes(p)).join(', ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

