import { browser } from 'wxt/browser';
import type { PopupTabInfo } from './popup-tab';

/**
 * The side panel's tab: the active tab of its window, again whenever the admin switches tabs or the tab navigates.
 * The side panel's own page never counts (the tests open it as a tab): while it is in front, the last tab stays.
 * Returns the function that stops following.
 */
export function followActiveTab(onTab: (tab: PopupTabInfo) => void): () => void {
  let last: PopupTabInfo | undefined;
  let own: number | undefined;
  let live = true;
  // `loaded`: the tab finished loading a page (a new one, or the same again): a preview starts over on it.
  const check = async (loaded = false) => {
    const [found] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
    if (!live || found?.id === undefined || found.id === own) return;
    if (!loaded && last && last.id === found.id && last.url === found.url) return;
    last = { id: found.id, url: found.url, windowId: found.windowId };
    onTab(last);
  };
  const onActivated = () => void check();
  const onUpdated = (id: number, change: { status?: string }) => {
    if (change.status === 'complete' && (last === undefined || id === last.id)) void check(true);
  };
  void browser.tabs
    .getCurrent()
    .then((tab) => (own = tab?.id))
    .catch(() => {})
    .finally(() => void check());
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  return () => {
    live = false;
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
  };
}
