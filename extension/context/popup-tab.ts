import { browser } from 'wxt/browser';

export interface PopupTabInfo {
  id: number;
  /** Present only under a grant (activeTab from the click, or a host permission). */
  url?: string;
  /** Its window (the side panel opens in it). */
  windowId?: number;
}

/**
 * The tab the popup was opened over. Clicking the toolbar button grants activeTab for that tab, so
 * `tabs.query` returns its URL without the `tabs` permission; without a grant the URL is absent and the
 * popup falls back to the last used context.
 *
 * In the test build only, `popup.html?tab=<id>` names the tab instead of "the active one": the tests open the popup as a page (the
 * active tab is then the popup itself), and the test build's host permission for manage.statuspage.io
 * stands in for the grant a click would give.
 */
export function popupTab(): Promise<PopupTabInfo | undefined> {
  asked ??= findPopupTab().then((tab) => {
    answer = { tab };
    return tab;
  });
  return asked;
}

// Asked once per popup: the start-up (for the URL) and the in-page preview (for the tab's id) share the answer.
let asked: Promise<PopupTabInfo | undefined> | undefined;
let answer: { tab: PopupTabInfo | undefined } | undefined;

/** The answer, once `popupTab()` has it (the start-up waits for it before the first render). */
export function popupTabNow(): { tab: PopupTabInfo | undefined } | undefined {
  return answer;
}

async function findPopupTab(): Promise<PopupTabInfo | undefined> {
  try {
    // Only the test build honours `?tab=`: in the store build the branch is compiled out (bundles.spec.ts checks it).
    const named = import.meta.env.MODE === 'test' ? new URLSearchParams(location.search).get('tab') : null;
    const tab =
      named !== null && /^\d+$/.test(named)
        ? await browser.tabs.get(Number(named))
        : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url, windowId: tab.windowId };
  } catch {
    return undefined;
  }
}

export async function tabUrl(): Promise<string | undefined> {
  return (await popupTab())?.url;
}
