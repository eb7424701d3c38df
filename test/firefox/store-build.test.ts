// The Firefox store build, pointed at the sandbox: it holds no host permission but the real API's, so Connect asks
// Firefox for 127.0.0.1 (an optional permission, requested inside the click). Nobody can answer Firefox's prompt
// headless: the pref extensions.webextOptionalPermissionPrompts = false grants it silently, which is the answer
// "Allow". This file runs its own Firefox (the store build and the test build share one add-on id), closed after it.
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { connectFirefox, FIREFOX_STORE_EXTENSION_DIR, type LaunchedFirefox, launchFirefox, openExtensionPage } from './firefox';
import { tabOf } from '../drivers/puppeteer';
import { fillSetupForm } from '../scenarios/steps';

let sandbox: RunningSandbox;
let firefox: LaunchedFirefox;
let browser: Browser;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  firefox = await launchFirefox(FIREFOX_STORE_EXTENSION_DIR, { 'extensions.webextOptionalPermissionPrompts': false });
  browser = await connectFirefox(firefox.endpoint);
});

afterAll(async () => {
  await browser?.disconnect();
  await firefox?.close();
  await sandbox?.close();
});

const SANDBOX_ORIGIN = 'http://127.0.0.1/*';
const holds = (page: Page) => page.evaluate((origin) => globalThis.browser.permissions.contains({ origins: [origin] }), SANDBOX_ORIGIN);

test('Connect asks Firefox for the sandbox origin the store build lacks, and connects once it is allowed', async () => {
  const popup = await openExtensionPage(browser, 'popup.html');
  expect(await holds(popup)).toBe(false); // not granted at install: an optional permission

  await fillSetupForm(tabOf(popup), sandbox);
  await tabOf(popup).byRole('tab', 'Embed', { timeout: 10_000 });

  expect(await holds(popup)).toBe(true);
  // The check went out only once the origin was allowed, and passed: the organization's users, both pages of them.
  const checks = sandbox.requests().filter((entry) => entry.path.endsWith(`/organizations/${sandbox.organizationId}/users`));
  expect(checks.map((entry) => [entry.query.page, entry.status])).toEqual([
    ['1', 200],
    ['2', 200],
  ]);
  await popup.close();
});
