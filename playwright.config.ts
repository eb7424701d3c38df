import { defineConfig } from '@playwright/test';

// One browser per worker (see test/e2e/fixtures.ts), two workers for the two cores.
// Playwright never downloads a browser here: scripts/find-chromium.mjs picks the executable.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.test-results/playwright.json' }]],
  use: { trace: 'off', screenshot: 'off' },
});
