import { storage } from 'wxt/utils/storage';
import type { PopupTab } from '../context/manage-url';

/** Where the admin was last time: the popup starts there when the tab's URL names nothing. */
export interface LastContext {
  tab: PopupTab;
  pageId?: string;
  userId?: string;
}

export const lastContextItem = storage.defineItem<LastContext>('local:popup.lastContext', {
  version: 1,
  fallback: { tab: 'embed' },
});
