import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import type { PagePermissions } from '../../shared/schemas';
import type { EmbedDraft } from '../embed-editor/embed-draft';

export type { EmbedDraft };

/** A user's permissions as they are being edited, and what they were when the editor opened them. */
export interface PermissionsDraft {
  userId: string;
  /** The permissions read when editing started: a save first checks the server still has exactly these. */
  base: PagePermissions;
  draft: PagePermissions;
  /** The user whose permissions were copied in with "Copy from user...", if any. */
  copiedFrom?: string;
  updatedAt: number;
}

type Item<T> = WxtStorageItem<T, {}>;
const embedItems = new Map<string, Item<EmbedDraft | null>>();
const permissionItems = new Map<string, Item<PermissionsDraft | null>>();

/**
 * Written by the popup as the admin types; one item per page so that nothing else races it. The in-page
 * preview (a later content script) asks the background for it: storage.local is closed to content scripts.
 */
export function embedDraftItem(pageId: string): Item<EmbedDraft | null> {
  let item = embedItems.get(pageId);
  if (!item) {
    item = storage.defineItem<EmbedDraft | null>(`local:draft.embed.${pageId}`, { version: 1, fallback: null });
    embedItems.set(pageId, item);
  }
  return item;
}

export function permissionsDraftItem(userId: string): Item<PermissionsDraft | null> {
  let item = permissionItems.get(userId);
  if (!item) {
    item = storage.defineItem<PermissionsDraft | null>(`local:draft.permissions.${userId}`, { version: 1, fallback: null });
    permissionItems.set(userId, item);
  }
  return item;
}
