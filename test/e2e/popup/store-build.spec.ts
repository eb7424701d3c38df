/// <reference types="chrome" />
// The store build holds only https://api.statuspage.io/*: pointing it at another API origin (a sandbox, a proxy)
// asks the browser for that origin. While the browser's prompt waits (in automation it waits forever), the popup
// says what it waits for and offers Cancel; it never sits on "Checking..." with no end.
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { startSandbox } from '../../../sandbox';
import { tabOf } from '../../drivers/playwright';
import { fillSetupForm } from '../../scenarios/steps';
import { launchWithExtension } from '../../support/chromium';

const STORE_BUILD = resolve('.output/chrome-mv3');

test('connecting the store build to a sandbox waits for the permission prompt with a Cancel, and says when it was not allowed', async () => {
  const sandbox = await startSandbox({ port: 0 });
  const browser = await launchWithExtension(STORE_BUILD);
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await fillSetupForm(tabOf(page), sandbox);

    const waiting = page.getByRole('status').filter({ hasText: "in the browser's prompt" });
    await expect(waiting).toHaveText("Allow access to 127.0.0.1 in the browser's prompt to continue.Cancel");
    await expect(page.getByRole('button', { name: 'Waiting for the browser…' })).toBeDisabled();
    await waiting.getByRole('button', { name: 'Cancel' }).click();
    await expect(
      page.getByText("Not connected: access to 127.0.0.1 was not allowed yet. Connect again to answer the browser's prompt."),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Connect' })).toBeEnabled();
    // Nothing was sent to the sandbox and nothing was kept.
    expect(sandbox.requests()).toEqual([]);
    const stored = await browser.serviceWorker.evaluate(() => chrome.storage.local.get(null));
    expect(Object.keys(stored).filter((key) => key.startsWith('org.'))).toEqual([]);
    // The store build asks for no host but the real API's.
    const manifest = await browser.serviceWorker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.host_permissions).toEqual(['https://api.statuspage.io/*']);
  } finally {
    await browser.close();
    await sandbox.close();
  }
});
