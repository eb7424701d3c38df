import { browser } from 'wxt/browser';

/** The unlisted script (entrypoints/preview-on-tab.ts) that "Preview on this tab" puts into the page. */
export const PREVIEW_SCRIPT = '/preview-on-tab.js';

/**
 * Injects the preview listener into `tabId`'s top frame. Needs nothing but the activeTab grant that opening the
 * popup from the toolbar gives for that tab; the browser refuses its own pages and the Web Store.
 */
export async function injectPreviewListener(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [PREVIEW_SCRIPT] });
}
