import { defineConfig } from '@playwright/test';

// Two projects, so each builds only what it needs (scripts/test-e2e.mjs): `widget` drives a plain Chromium
// against the widget build; `extension` loads the test build of the extension (popup, in-page preview).
// One browser per worker (test/e2e/fixtures.ts), two workers for the two cores. Playwright never downloads a
// browser here: scripts/find-chromium.mjs picks the executable.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.test-results/playwright.json' }]],
  outputDir: '.test-results/playwright-output',
  use: { trace: 'off', screenshot: 'off' },
  projects: [
    { name: 'widget', testMatch: 'widget/**/*.spec.ts' },
    { name: 'extension', testIgnore: 'widget/**' },
  ],
});
