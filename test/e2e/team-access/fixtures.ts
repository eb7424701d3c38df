/// <reference types="chrome" />
import type { Locator, Page } from '@playwright/test';
import { liveServiceWorker, stopServiceWorker } from '../../support/chromium';
import { test as base, expect } from '../fixtures';

/** A small organization (40 users, the three demo pages), so a scan takes seconds under a short rate window. */
export const USER_COUNT = 40;

export const test = base.extend<{ teamAccess: Page }>({
  sandboxOptions: [{ users: USER_COUNT }, { scope: 'worker' }],
  /** The Team access page, in the tab where the extension was set up through the popup (from a clean slate). */
  teamAccess: async ({ popup, extensionId }, use) => {
    await popup.goto(teamAccessUrl(extensionId));
    await use(popup);
  },
});
export { expect };

export function teamAccessUrl(extensionId: string): string {
  return `chrome-extension://${extensionId}/team-access.html`;
}

/** Starts a scan from the page and waits until it has finished (background reads go at the key's pace: 40 users, 40 s). */
export async function scanAll(page: Page, timeout = 90_000): Promise<void> {
  await page.getByRole('button', { name: /^(Scan the organization|Scan again)$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Scanned \d+ users/ })).toBeVisible({ timeout });
}

/** What a plan says changes for the user whose row's name matches `user` (the row's last cell). */
export function planChange(plan: Locator, user: RegExp): Locator {
  return plan.getByRole('row', { name: user }).getByRole('cell').last();
}

/** Successful permission reads in the sandbox's log, by user id. */
export function permissionReads(sandbox: { requests(): Array<{ method: string; path: string; status: number }> }): Map<string, number> {
  const reads = new Map<string, number>();
  for (const entry of sandbox.requests()) {
    const match = /\/permissions\/([\w-]+)$/.exec(entry.path);
    if (entry.method !== 'GET' || entry.status !== 200 || !match) continue;
    reads.set(match[1]!, (reads.get(match[1]!) ?? 0) + 1);
  }
  return reads;
}

/**
 * Stops the service worker and checks that the one which goes on afterwards is a new one (woken by a message),
 * without the old one's memory. (Playwright reports a restarted worker once per browser at most, so a mark set in
 * the old worker's global scope tells them apart.)
 */
export async function stopWorkerAndExpectRestart(page: Page, extensionId: string, whileStopped?: () => void): Promise<void> {
  const context = page.context();
  await (await liveServiceWorker(context, extensionId)).evaluate(() => {
    (globalThis as { beforeStop?: boolean }).beforeStop = true;
  });
  await stopServiceWorker(page);
  whileStopped?.();
  await expect
    .poll(
      async () =>
        (await liveServiceWorker(context, extensionId))
          .evaluate(() => (globalThis as { beforeStop?: boolean }).beforeStop ?? false)
          .catch(() => 'gone'),
      {
        timeout: 30_000,
      },
    )
    .toBe(false);
}
