import type { BrowserContext, Route } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const FIXTURES = path.resolve('tests/fixtures');

/**
 * Serve fixture pages at real product addresses, so the real manifest match patterns, URL
 * parsing and DOM reading all run. Every other request is refused: tests never need a live site.
 */
export async function serveFixtures(context: BrowserContext, pages: Record<string, string>): Promise<void> {
  // Only the web: the extension's own chrome-extension:// pages must load untouched.
  await context.route((url) => url.protocol === 'https:' || url.protocol === 'http:', (route: Route) => {
    const url = new URL(route.request().url());
    const key = url.origin + url.pathname;
    const file = pages[key] ?? pages[url.origin + '/*'];
    if (!file) return route.abort('blockedbyclient');
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(path.join(FIXTURES, file)) });
  });
}
