import { defineConfig } from 'vitest/config';

/**
 * The team server suite (`npm run test:server`): real server processes on loopback, against
 * PGlite and PostgreSQL. Kept out of the unit run (vitest.config.ts), which stays fast.
 */
export default defineConfig({
  test: {
    include: ['tests/server/**/*.test.ts'],
    globalSetup: ['tests/server/global-setup.ts'],
    pool: 'forks',
    // The work is in the server processes; two test files at a time keep two cores busy.
    maxWorkers: 2,
    // Generous: a test that restarts servers can take long on a loaded machine; a hang still fails.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
