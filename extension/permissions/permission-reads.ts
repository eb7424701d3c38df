import type { PagePermissions } from '../../shared/schemas';
import { currentSession } from '../connection/session';
import { cached } from '../storage/cached';
import { permissionsCache, roleBasedAccessCache } from './permissions-cache';
import { learnRoleBasedAccess } from './role-based-access';

/** Reads a user's permissions and refreshes the cache, so the next popup draws them at once. */
export async function refreshPermissions(userId: string): Promise<PagePermissions> {
  const { connectionId, client, organizationId } = await currentSession();
  const { pages } = await client.getUserPermissions(organizationId, userId);
  await learnFromPermissions(connectionId, pages);
  await permissionsCache(connectionId, userId).setValue(cached(pages));
  return pages;
}

let learning: Promise<unknown> = Promise.resolve();

/** Which pages use role based access control shows only in permission reads: remember it (one write at a time). */
export function learnFromPermissions(connectionId: string, pages: PagePermissions): Promise<void> {
  const item = roleBasedAccessCache(connectionId);
  const next = learning.then(async () => {
    await item.setValue(learnRoleBasedAccess(await item.getValue(), pages));
  });
  learning = next.catch(() => {});
  return next;
}
