// What every Firefox test file shares: its session with the suite's Firefox, a sandbox, the driver the browser
// scenarios (test/scenarios) run on, a clean slate before each test, and the tabs a test opened closed after it.
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject, test } from 'vitest';
import { type RunningSandbox, type SandboxOptions, startSandbox } from '../../sandbox';
import type { Expect } from '../drivers/driver';
import { type FirefoxDriver, firefoxDriver } from '../drivers/puppeteer';
import { resetAll, type ScenarioRunner } from '../scenarios/steps';
import { connectFirefox, openExtensionPage } from './firefox';

export interface FirefoxSuite {
  browser: Browser;
  sandbox: RunningSandbox;
  /** An extension page (blank.html, test build only) kept open for the file: storage, tabs and the badge are reached from it. */
  extension: Page;
  driver: FirefoxDriver;
}

/** Registers the file's hooks and returns the suite's handles (filled in before the first test); `sandboxOptions` seed its sandbox. */
export function firefoxSuite(sandboxOptions: Omit<SandboxOptions, 'port'> = {}): FirefoxSuite {
  const suite = {} as FirefoxSuite;
  beforeAll(async () => {
    suite.sandbox = await startSandbox({ ...sandboxOptions, port: 0 });
    suite.browser = await connectFirefox(inject('firefoxEndpoint'));
    suite.extension = await openExtensionPage(suite.browser, 'blank.html');
    suite.driver = firefoxDriver(suite.browser, suite.extension, suite.sandbox, expect as unknown as Expect);
  });
  afterAll(async () => {
    await suite.extension?.close().catch(() => {});
    await suite.browser?.disconnect();
    await suite.sandbox?.close();
  });
  beforeEach(async () => {
    await resetAll(suite.driver);
  });
  afterEach(async () => {
    await suite.driver.closeTabs();
  });
  return suite;
}

/** Registers browser scenarios (test/scenarios) as tests of this file, each on a suite of its own hooks (and sandbox). */
export function scenarios(register: (runner: ScenarioRunner) => void, sandboxOptions: Omit<SandboxOptions, 'port'> = {}): void {
  const suite = firefoxSuite(sandboxOptions);
  register({
    browser: 'firefox',
    // `@slow`: three times the project's 30 s, as Playwright's test.slow() gives.
    it: (title, { tag = [] }, body) => test(title, () => body({ driver: suite.driver }), tag.includes('@slow') ? 90_000 : undefined),
  });
}
