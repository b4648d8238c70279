import { defineConfig } from 'vitest/config';

// Four suites: pure unit tests of packages/core, of packages/contracts and of the web app's logic, and API integration tests (app.inject on a fresh
// SQLite file per test file). End-to-end tests run in Playwright, not here.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', include: ['packages/core/test/**/*.test.ts'] } },
      // The API contract's own logic: URLs of calls, and the endpoint table's consistency.
      { test: { name: 'contracts', include: ['packages/contracts/test/**/*.test.ts'] } },
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
