import { browser } from 'wxt/browser';
import { defineBackgroundPart } from '../jobs/background-part';
import { defineMessages } from '../messaging/protocol';
import { openSidePanel } from '../context/side-panel';

/** The context menu entry (on the toolbar button and on any page) that opens the editor beside the page. */
export const SIDE_PANEL_MENU = 'open-side-panel';
export const SIDE_PANEL_MENU_TITLE = 'Edit beside the page';

/** At every worker start: the menu entry (made once, at install) and what a click on it does. */
function startSidePanel(): void {
  browser.runtime.onInstalled.addListener(() => {
    const action = browser.runtime.getManifest().manifest_version === 3 ? 'action' : 'browser_action';
    browser.contextMenus?.create(
      { id: SIDE_PANEL_MENU, title: SIDE_PANEL_MENU_TITLE, contexts: [action, 'page'] },
      () => void browser.runtime.lastError,
    );
  });
  // Straight from the click's handler: a side panel opens only for a user gesture.
  browser.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SIDE_PANEL_MENU) openSidePanel(tab?.windowId).catch(() => {});
  });
}

export const background = defineBackgroundPart({ messages: defineMessages({}), handlers: {}, start: startSidePanel });
