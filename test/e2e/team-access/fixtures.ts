/// <reference types="chrome" />
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { startSandbox } from '../../../sandbox';
import { test as base, expect } from '../fixtures';
import { connectPopup } from '../popup/helpers';

/** A small organization (40 users, the three demo pages), so a scan takes seconds under a short rate window. */
export const USER_COUNT = 40;

export const test = base.extend({
  sandbox: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; it has none
    async ({}, use) => {
      const sandbox = await startSandbox({ port: 0, users: USER_COUNT });
      await use(sandbox);
      await sandbox.close();
    },
    { scope: 'worker' },
  ],
});
export { expect };

/** The extension's service worker now (a stopped one is replaced when anything wakes it). */
export async function liveWorker(context: BrowserContext, extensionId: string): Promise<Worker> {
  const running = context.serviceWorkers().find((worker) => worker.url().startsWith(`chrome-extension://${extensionId}/`));
  if (running) return running;
  const waiting = context.waitForEvent('serviceworker', { timeout: 15_000 });
  // Opening an extension page wakes the worker (the page's first message starts it).
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/blank.html`).catch(() => {});
  const worker = await waiting;
  await page.close();
  return worker;
}

/** The sandbox's seed and an extension with nothing stored, nothing running: then set up through the popup. */
export async function freshStart(
  page: Page,
  context: BrowserContext,
  extensionId: string,
  sandbox: Parameters<typeof connectPopup>[2],
): Promise<void> {
  const worker = await liveWorker(context, extensionId);
  sandbox.reset();
  await worker.evaluate(async () => {
    await chrome.storage.local.clear();
  });
  await connectPopup(page, extensionId, sandbox);
}

export function teamAccessUrl(extensionId: string): string {
  return `chrome-extension://${extensionId}/team-access.html`;
}

/** Starts a scan from the page and waits until it has finished. */
export async function scanAll(page: Page, timeout = 30_000): Promise<void> {
  await page.getByRole('button', { name: /^(Scan the organization|Scan again)$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Scanned \d+ users/ })).toBeVisible({ timeout });
}

/** Stops every service worker (the extension's background included), as Chrome does to an idle one. */
export async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
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
  await (await liveWorker(context, extensionId)).evaluate(() => {
    (globalThis as { beforeStop?: boolean }).beforeStop = true;
  });
  await stopServiceWorkers(page);
  whileStopped?.();
  await expect
    .poll(
      async () =>
        (await liveWorker(context, extensionId)).evaluate(() => (globalThis as { beforeStop?: boolean }).beforeStop ?? false).catch(() => 'gone'),
      {
        timeout: 30_000,
      },
    )
    .toBe(false);
}
