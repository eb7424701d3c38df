/// <reference types="chrome" />
// `chrome` is what serviceWorker.evaluate() runs against, inside the extension.
import type { Page, Worker } from '@playwright/test';
import { expect } from '../fixtures';
import type { RunningSandbox } from '../../../sandbox';
import type { Expect } from '../../drivers/driver';
import { tabOf } from '../../drivers/playwright';
import * as steps from '../../scenarios/steps';
import { connectThroughSetup } from '../../support/chromium';

export { apiCall, logged, queueFault, type SeedUser, seedUsers, setRateLimit } from '../../support/sandbox-api';

/** A clean slate: the sandbox's seed, and an extension with nothing stored (no key, no cache, no drafts). */
export async function resetAll(sandbox: RunningSandbox, serviceWorker: Worker): Promise<void> {
  sandbox.reset();
  await serviceWorker.evaluate(async () => {
    await chrome.storage.local.clear();
    await chrome.action.setBadgeText({ text: '' });
  });
}

export function popupUrl(extensionId: string, query = ''): string {
  return `chrome-extension://${extensionId}/popup.html${query}`;
}

/** Opens the popup as a page and connects it to the sandbox through the set-up form. */
export async function connectPopup(page: Page, extensionId: string, sandbox: RunningSandbox): Promise<void> {
  await connectThroughSetup(page, extensionId, sandbox);
  await expect(page.getByRole('tab', { name: 'Embed' })).toBeVisible();
}

/** Picks a user in the Permissions tab's combobox by typing and Enter, as from the keyboard (test/scenarios/steps.ts). */
export const pickUser = (page: Page, text: string): Promise<void> => steps.pickUser(tabOf(page), text);

/** The save this popup sent has succeeded: "Saved." shows, and no draft is left (test/scenarios/steps.ts). */
export const expectSaved = (page: Page, timeout = 5_000): Promise<void> =>
  steps.expectSaved({ expect: expect as unknown as Expect }, tabOf(page), timeout);
