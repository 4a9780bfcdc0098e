import { defineConfig } from '@playwright/test';

// The extension is built once before the run (scripts/e2e.mjs); each test launches Debian's
// Chromium with it loaded. One worker: the machine has two cores and Chromium wants both.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 45_000,
  expect: { timeout: 5_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
});
