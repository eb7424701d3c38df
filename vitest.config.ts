import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Every Vitest suite, as a project of one config: pick one with `--project <name>` (the npm scripts test:unit,
// test:packaging and test:firefox do). npm test (scripts/test.mjs) runs them in its own order and reads their reports.
// - unit: pure code, and the extension's logic on WXT's fake browser.
// - integration: the client against the sandbox over real HTTP.
// - packaging: the client and widget packages packed, installed into a project outside the repository and used from
//   there, and the extension's store packages. Slow by nature (npm pack and install, builds): one file at a time.
// - firefox: the Firefox test build of the extension in Debian's firefox-esr, driven by puppeteer-core over WebDriver
//   BiDi, against the sandbox. One Firefox for the run (the global setup), one file at a time, a fresh tab per test.
// (The Chromium browser tests are Playwright's: playwright.config.ts.)
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
          testTimeout: 20_000,
          // Worker threads start faster than forked processes: ~35 s instead of ~43 s for the whole run on two cores.
          pool: 'threads',
        },
      },
      {
        plugins: [WxtVitest()],
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], testTimeout: 20_000, pool: 'threads' },
      },
      {
        test: {
          name: 'packaging',
          include: ['test/packaging/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // One file at a time: both run npm and builds, and the machine has two cores.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'firefox',
          include: ['test/firefox/**/*.test.ts'],
          globalSetup: ['test/firefox/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
