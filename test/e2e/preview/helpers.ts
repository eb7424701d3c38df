/// <reference types="chrome" />
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect } from '../fixtures';
import { popupUrl } from '../popup/helpers';

/** The element the preview adds to a page (extension/preview/preview-renderer.ts). */
export const PREVIEW_HOST = 'statuspage-toolkit-preview';

export const previewCard = (page: Page) => page.locator(`${PREVIEW_HOST} .card`);

/** The browser's id for the tab showing `page` (what the popup's `?tab=` names). */
export async function tabIdOf(serviceWorker: Worker, page: Page): Promise<number> {
  const id = await serviceWorker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, page.url());
  expect(id, `a tab for ${page.url()}`).toBeDefined();
  return id!;
}

/** A manage.statuspage.io tab (served by route interception), where the preview's content script runs. */
export async function openManagePage(context: BrowserContext, pageId: string, body = '<h1>Status embed</h1>'): Promise<Page> {
  const manage = await context.newPage();
  await manage.route('https://manage.statuspage.io/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><title>Status embed · Statuspage</title>${body}</html>` }),
  );
  await manage.goto(`https://manage.statuspage.io/pages/${pageId}/status-embed`);
  return manage;
}

/** The popup as a page, aimed at `tabId` (the tab it would have been opened over from the toolbar). */
export async function openPopupFor(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 440, height: 720 });
  await popup.goto(popupUrl(extensionId, `?tab=${tabId}`));
  return popup;
}

/** Waits out the popup's start (storage reads, the port's handshake) so that "nothing appeared" means something. */
export async function settle(popup: Page): Promise<void> {
  await expect(popup.getByLabel('Incident background', { exact: true })).toBeVisible();
  await popup.waitForTimeout(400);
}
