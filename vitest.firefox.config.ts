import { defineConfig } from 'vitest/config';

/**
 * The Firefox end-to-end suite (tests/firefox): the built Firefox add-on in Debian's Firefox
 * ESR, driven by puppeteer-core over WebDriver BiDi. One file at a time, one browser at a time:
 * the machine has two cores and Firefox wants both.
 */
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
