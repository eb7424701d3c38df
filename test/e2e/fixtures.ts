import { test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../sandbox';
import type { Expect } from '../drivers/driver';
import { type ChromiumDriver, chromiumDriver } from '../drivers/playwright';
import { resetAll, type ScenarioRunner } from '../scenarios/steps';
import { connectThroughSetup } from '../drivers/playwright';
import { type ExtensionBrowser, launchWithExtension, liveServiceWorker } from '../support/chromium';

export { QUIET_FLAGS, TEST_EXTENSION_DIR } from '../support/chromium';

interface WorkerFixtures {
  /** How this file's sandbox is seeded (`test.use({ sandboxOptions: { users: 40 } })`); the defaults otherwise. */
  sandboxOptions: Omit<SandboxOptions, 'port'>;
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
  context: BrowserContext;
  /** The driver the browser scenarios (test/scenarios) run on; the tabs it opens are closed after the test. */
  driver: ChromiumDriver;
  /**
   * Every test starts from a clean slate: the sandbox's seed, and an extension with nothing stored and no badge. A
   * test tagged `@slow` gets three times the usual time.
   */
  cleanSlate: undefined;
  /** Opens the popup as a page in a new tab (closed after the test); `query` such as `?tab=12` names the tab it serves. */
  openPopup: (query?: string) => Promise<Page>;
  /** A manage.statuspage.io tab at `path` (answered locally with `html`, by request interception), closed after the test. */
  openManagePage: (path: string, html?: string) => Promise<Page>;
  /** Opens the popup at a popup's size over `tab`, as a click on the toolbar button there does (the test build's `?tab=`). */
  popupOver: (tab: Page) => Promise<Page>;
  /** The popup, connected to the worker's sandbox through its set-up form as a first-time user does (from a clean slate). */
  popup: Page;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  sandboxOptions: [{}, { option: true, scope: 'worker' }],
  sandbox: [
    async ({ sandboxOptions }, use) => {
      const sandbox = await startSandbox({ ...sandboxOptions, port: 0 });
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
  driver: async ({ sharedContext, extensionId, sandbox }, use) => {
    const driver = chromiumDriver(sharedContext, extensionId, sandbox, base.expect as unknown as Expect);
    await use(driver);
    await driver.closeTabs();
  },
  cleanSlate: [
    async ({ driver }, use, testInfo) => {
      if (testInfo.tags.includes('@slow')) testInfo.slow();
      await resetAll(driver);
      await use(undefined);
    },
    { auto: true },
  ],
  openPopup: async ({ driver }, use) => use((query) => driver.popupPage(query)),
  openManagePage: async ({ driver }, use) => use(async (path, html) => (await driver.managePage(path, html)).page),
  popupOver: async ({ driver }, use) =>
    use(async (tab) => {
      const popup = await driver.popupPage(`?tab=${await driver.tabIdOf(tab.url())}`);
      await popup.setViewportSize({ width: 440, height: 720 });
      return popup;
    }),
  popup: async ({ driver, extensionId, sandbox }, use) => {
    const popup = await driver.newPage();
    await connectThroughSetup(popup, extensionId, sandbox);
    await use(popup);
  },
});

export const expect = test.expect;

/** The Chromium runner of the browser scenarios (test/scenarios): `embedScenarios(chromium)` registers them in a spec. */
export const chromium: ScenarioRunner = { it: test, browser: 'chromium' };
