import { browser } from 'wxt/browser';

// The two browsers' side panels: Chrome's sidePanel (MV3) and Firefox's sidebar_action (MV2). Neither is in the
// other's types, so each is read as the optional thing it is.
interface ChromeSidePanel {
  open(options: { windowId: number }): Promise<void>;
}
interface FirefoxSidebar {
  open(): Promise<void>;
}
const api = browser as unknown as { sidePanel?: ChromeSidePanel; sidebarAction?: FirefoxSidebar };

/** Whether this browser has a side panel the extension can open. */
export function hasSidePanel(): boolean {
  return Boolean(api.sidePanel?.open || api.sidebarAction?.open);
}

/**
 * Opens the editor beside the page in `windowId`'s window. Call it straight from a click (both browsers open a side
 * panel only for a user gesture, so nothing may be awaited before it).
 */
export function openSidePanel(windowId: number | undefined): Promise<void> {
  if (api.sidebarAction?.open) return api.sidebarAction.open();
  if (api.sidePanel?.open && windowId !== undefined) return api.sidePanel.open({ windowId });
  return Promise.reject(new Error('This browser has no side panel for extensions.'));
}
