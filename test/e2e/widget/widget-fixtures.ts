// The widget's browser tests need only the widget build: a plain headless Chromium per worker (no extension),
// a fresh context and page per test, and a sandbox per worker for the tests that run the whole chain.
import { chromium, test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startSandbox, type RunningSandbox } from '../../../sandbox';
import { findChromium } from '../../../scripts/find-chromium.mjs';
import { QUIET_FLAGS } from '../../support/chromium';

interface WorkerFixtures {
  plainBrowser: Browser;
  /** A sandbox (a local Statuspage) for this worker; call `sandbox.reset()` for a clean slate. */
  sandbox: RunningSandbox;
}

interface TestFixtures {
  context: BrowserContext;
  page: Page;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  plainBrowser: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; this one has none
    async ({}, use) => {
      const executablePath = findChromium();
      if (!executablePath) throw new Error("No Chromium found: set CHROMIUM_PATH or install Debian's chromium.");
      const browser = await chromium.launch({ executablePath, headless: true, args: QUIET_FLAGS });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  sandbox: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; this one has none
    async ({}, use) => {
      const sandbox = await startSandbox({ port: 0 });
      await use(sandbox);
      await sandbox.close();
    },
    { scope: 'worker' },
  ],
  context: async ({ plainBrowser }, use) => {
    const context = await plainBrowser.newContext();
    await use(context);
    await context.close();
  },
  page: async ({ context }, use) => {
    await use(await context.newPage());
  },
});

export const expect = test.expect;
