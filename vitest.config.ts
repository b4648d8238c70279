import { defineConfig } from 'vitest/config';

// Two suites: pure unit tests of packages/core, and API integration tests (app.inject on a fresh
// SQLite file per test file). End-to-end tests run in Playwright, not here.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', include: ['packages/core/test/**/*.test.ts'] } },
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
