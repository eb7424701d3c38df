import { storage } from 'wxt/utils/storage';
import type { Page, PagePermissions, StatusEmbedConfig, User } from '../../shared/schemas';
import type { RoleBasedAccess } from '../permissions/role-based-access';
import { keyedItem } from './keyed-item';

/** The last answer the API gave, and when: the popup draws from it at once, then refreshes. */
export interface Cached<T> {
  value: T;
  fetchedAt: number;
}

// Written by the background only (single writer); the popup reads and watches them.
export const pagesCache = storage.defineItem<Cached<Page[]> | null>('local:cache.pages', { version: 1, fallback: null });
export const usersCache = storage.defineItem<Cached<User[]> | null>('local:cache.users', { version: 1, fallback: null });
export const roleBasedAccessCache = storage.defineItem<RoleBasedAccess>('local:cache.roleBasedAccess', { version: 1, fallback: {} });

// One item per page and per user (storage/keyed-item.ts).
export const embedConfigCache = keyedItem<Cached<StatusEmbedConfig>>('local:cache.embedConfig.');
export const permissionsCache = keyedItem<Cached<PagePermissions>>('local:cache.permissions.');

export function cached<T>(value: T): Cached<T> {
  return { value, fetchedAt: Date.now() };
}
