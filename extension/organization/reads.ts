import type { Page, PagePermissions, StatusEmbedConfig, User } from '../../shared';
import { learnRoleBasedAccess } from '../permissions/role-based-access';
import { cached, embedConfigCache, pagesCache, permissionsCache, roleBasedAccessCache, usersCache } from '../storage/cache';
import { currentSession } from '../connection/session';

// Every read refreshes its cache, so the next popup draws it at once.

export async function refreshPages(): Promise<Page[]> {
  const { client } = await currentSession();
  const pages = await client.listPages();
  await pagesCache.setValue(cached(pages));
  return pages;
}

export async function refreshUsers(): Promise<User[]> {
  const { client, organizationId } = await currentSession();
  const users = await client.listUsers(organizationId);
  await usersCache.setValue(cached(users));
  return users;
}

export async function refreshEmbedConfig(pageId: string): Promise<StatusEmbedConfig> {
  const { client } = await currentSession();
  const config = await client.getStatusEmbedConfig(pageId);
  await embedConfigCache(pageId).setValue(cached(config));
  return config;
}

export async function refreshPermissions(userId: string): Promise<PagePermissions> {
  const { client, organizationId } = await currentSession();
  const { pages } = await client.getUserPermissions(organizationId, userId);
  await learnFromPermissions(pages);
  await permissionsCache(userId).setValue(cached(pages));
  return pages;
}

let learning: Promise<unknown> = Promise.resolve();

/** Which pages use role based access control shows only in permission reads: remember it (one write at a time). */
export function learnFromPermissions(pages: PagePermissions): Promise<void> {
  const next = learning.then(async () => {
    await roleBasedAccessCache.setValue(learnRoleBasedAccess(await roleBasedAccessCache.getValue(), pages));
  });
  learning = next.catch(() => {});
  return next;
}
