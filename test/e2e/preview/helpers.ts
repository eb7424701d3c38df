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

/**
 * The popup has started, knows the tab it was opened over, and holds no draft: the in-page preview's status line
 * invites an edit. From here nothing can draw on the page until the admin edits (on manage.statuspage.io) or asks
 * (elsewhere), so "nothing appeared" means something.
 */
export async function expectNoDraft(popup: Page, where: 'page' | 'tab'): Promise<void> {
  await expect(popup.getByTestId('in-page-preview-status')).toHaveText(`Change the corner or a colour to preview the card on this ${where}.`);
}

/** The popup's own incident preview shows `rgb`: the edit has been drawn (and sent, on a live preview's port). */
export async function expectPopupPreviewBackground(popup: Page, rgb: string): Promise<void> {
  await expect(popup.getByTestId('preview-incident').locator('.card')).toHaveCSS('background-color', rgb);
}
