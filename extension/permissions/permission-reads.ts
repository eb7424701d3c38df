import type { PagePermissions } from '../../shared/schemas';
import { currentSession } from '../connection/session';
import { cached } from '../storage/cached';
import { permissionsCache, roleBasedAccessCache } from './permissions-cache';
import { learnRoleBasedAccess } from './role-based-access';

/** Reads a user's permissions and refreshes the cache, so the next popup draws them at once. */
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
