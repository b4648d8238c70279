import { defineConfig } from 'vitest/config';

// Three suites: pure unit tests of packages/core and of the web app's logic, and API integration tests (app.inject on a fresh
// SQLite file per test file). End-to-end tests run in Playwright, not here.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', include: ['packages/core/test/**/*.test.ts'] } },
      // The web app's pure logic (offset math, layout, view models), beside the code it tests.
      { test: { name: 'web', include: ['apps/web/src/**/*.test.ts'] } },
      {
        test: {
          name: 'api',
          include: ['apps/api/test/**/*.test.ts'],
          pool: 'forks',
          testTimeout: 20_000,
        },
      },
    ],
  },
});
