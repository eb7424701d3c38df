/// <reference types="chrome" />
import type { Page } from '@playwright/test';
import { liveServiceWorker, stopServiceWorker } from '../../support/chromium';
import { test as base, expect } from '../fixtures';
import { connectPopup, resetAll } from '../popup/helpers';

/** A small organization (40 users, the three demo pages), so a scan takes seconds under a short rate window. */
export const USER_COUNT = 40;

export const test = base.extend({
  sandboxOptions: [{ users: USER_COUNT }, { scope: 'worker' }],
  /** Every Team access test starts from the sandbox's seed and an empty extension, set up through the popup in its tab. */
  page: async ({ page, extensionId, sandbox, serviceWorker }, use) => {
    await resetAll(sandbox, serviceWorker);
    await connectPopup(page, extensionId, sandbox);
    await use(page);
  },
});
export { expect };

export function teamAccessUrl(extensionId: string): string {
  return `chrome-extension://${extensionId}/team-access.html`;
}

/** Starts a scan from the page and waits until it has finished. */
export async function scanAll(page: Page, timeout = 30_000): Promise<void> {
  await page.getByRole('button', { name: /^(Scan the organization|Scan again)$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Scanned \d+ users/ })).toBeVisible({ timeout });
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
