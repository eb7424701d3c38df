import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import type { Page, PagePermissions, StatusEmbedConfig, User } from '../../shared/schemas';
import type { RoleBasedAccess } from '../permissions-editor/role-based-access';

/** The last answer the API gave, and when: the popup draws from it at once, then refreshes. */
export interface Cached<T> {
  value: T;
  fetchedAt: number;
}

// Written by the background only (single writer); the popup reads and watches them.
export const pagesCache = storage.defineItem<Cached<Page[]> | null>('local:cache.pages', { version: 1, fallback: null });
export const usersCache = storage.defineItem<Cached<User[]> | null>('local:cache.users', { version: 1, fallback: null });
export const roleBasedAccessCache = storage.defineItem<RoleBasedAccess>('local:cache.roleBasedAccess', { version: 1, fallback: {} });

type Item<T> = WxtStorageItem<T, {}>;
const embedConfigItems = new Map<string, Item<Cached<StatusEmbedConfig> | null>>();
const permissionItems = new Map<string, Item<Cached<PagePermissions> | null>>();

// One item per page and per user, so that writes for one never race writes for another.
export function embedConfigCache(pageId: string): Item<Cached<StatusEmbedConfig> | null> {
  let item = embedConfigItems.get(pageId);
  if (!item) {
    item = storage.defineItem<Cached<StatusEmbedConfig> | null>(`local:cache.embedConfig.${pageId}`, { version: 1, fallback: null });
    embedConfigItems.set(pageId, item);
  }
  return item;
}

export function permissionsCache(userId: string): Item<Cached<PagePermissions> | null> {
  let item = permissionItems.get(userId);
  if (!item) {
    item = storage.defineItem<Cached<PagePermissions> | null>(`local:cache.permissions.${userId}`, { version: 1, fallback: null });
    permissionItems.set(userId, item);
  }
  return item;
}

export function cached<T>(value: T): Cached<T> {
  return { value, fetchedAt: Date.now() };
}
