import { defineConfig } from 'vitest/config';

// The Firefox browser suite (test/firefox): the Firefox test build of the extension in Debian's firefox-esr, driven
// by puppeteer-core over WebDriver BiDi, against the sandbox. One Firefox for the run (the global setup), one test
// file at a time, a fresh tab per test. `npm run test:firefox`; npm test reads the JSON report.
export default defineConfig({
  test: {
    include: ['test/firefox/**/*.test.ts'],
    globalSetup: ['test/firefox/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/firefox.json' },
  },
});
