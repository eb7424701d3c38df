import { test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { type ExtensionBrowser, launchWithExtension, liveServiceWorker } from '../support/chromium';

export { QUIET_FLAGS, TEST_EXTENSION_DIR } from '../support/chromium';

interface WorkerFixtures {
  /** One Chromium per worker, with the test build of the extension loaded (never a browser per test: ~35 s vs 5 s). */
  browserWithExtension: ExtensionBrowser;
  /** A sandbox (a local Statuspage) for this worker; call `sandbox.reset()` for a clean slate. */
  sandbox: RunningSandbox;
  /** Its browser context, shared by the worker's tests. */
  sharedContext: BrowserContext;
  extensionId: string;
}

interface TestFixtures {
  /** The extension's service worker as it runs now (a test may have stopped the previous one). */
  serviceWorker: Worker;
  /** A fresh tab in the worker's browser, closed after the test. */
  page: Page;
  context: BrowserContext;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  sandbox: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; it has none
    async ({}, use) => {
      const sandbox = await startSandbox({ port: 0 });
      await use(sandbox);
      await sandbox.close();
    },
    { scope: 'worker' },
  ],
  browserWithExtension: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; it has none
    async ({}, use) => {
      const browser = await launchWithExtension();
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  sharedContext: [async ({ browserWithExtension }, use) => use(browserWithExtension.context), { scope: 'worker' }],
  serviceWorker: async ({ browserWithExtension }, use) =>
    use(await liveServiceWorker(browserWithExtension.context, browserWithExtension.extensionId)),
  extensionId: [async ({ browserWithExtension }, use) => use(browserWithExtension.extensionId), { scope: 'worker' }],
  context: async ({ sharedContext }, use) => {
    await use(sharedContext);
  },
  page: async ({ sharedContext }, use) => {
    const page = await sharedContext.newPage();
    await use(page);
    await page.close();
  },
});

export const expect = test.expect;
