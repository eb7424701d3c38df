import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findChromium } from '../../scripts/find-chromium.mjs';
import { startSandbox, type RunningSandbox } from '../../sandbox';

/** The test build of the extension (it may talk to the sandbox on 127.0.0.1): `npm run build:extension:test`. */
export const TEST_EXTENSION_DIR = resolve('.output/chrome-mv3-test');

// Flags that keep Chromium quiet on a machine with no internet (see ../shared/toolchain.md).
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface WorkerFixtures {
  /** A sandbox (a local Statuspage) for this worker; call `sandbox.reset()` for a clean slate. */
  sandbox: RunningSandbox;
  /** One Chromium per worker, the built extension loaded into it. */
  sharedContext: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
}

interface TestFixtures {
  /** A fresh tab in the worker's browser, closed after the test. */
  page: Page;
  context: BrowserContext;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  sandbox: [
    async ({}, use) => {
      const sandbox = await startSandbox({ port: 0 });
      await use(sandbox);
      await sandbox.close();
    },
    { scope: 'worker' },
  ],
  sharedContext: [
    async ({}, use) => {
      if (!existsSync(join(TEST_EXTENSION_DIR, 'manifest.json'))) {
        throw new Error(`No test build of the extension in ${TEST_EXTENSION_DIR}: run npm run build:extension:test`);
      }
      const executablePath = findChromium();
      if (!executablePath) throw new Error('No Chromium found: set CHROMIUM_PATH or install Debian\'s chromium.');
      const userDataDir = mkdtempSync(join(tmpdir(), 'statuspage-e2e-'));
      const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath,
        headless: true,
        args: [...QUIET_FLAGS, `--disable-extensions-except=${TEST_EXTENSION_DIR}`, `--load-extension=${TEST_EXTENSION_DIR}`],
      });
      await use(context);
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  serviceWorker: [
    async ({ sharedContext }, use) => {
      const worker = sharedContext.serviceWorkers()[0] ?? (await sharedContext.waitForEvent('serviceworker'));
      await use(worker);
    },
    { scope: 'worker' },
  ],
  extensionId: [
    async ({ serviceWorker }, use) => {
      await use(new URL(serviceWorker.url()).host);
    },
    { scope: 'worker' },
  ],
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
