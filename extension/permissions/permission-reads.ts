import type { PagePermissions } from '../../shared/schemas';
import { learnFromPermissions } from '../access/learn-from-permissions';
import { permissionsCache } from '../access/permissions-cache';
import { currentSession } from '../connection/session';
import { cached } from '../storage/cached';

/** Reads a user's permissions and refreshes the cache, so the next popup draws it at once. */
export async function refreshPermissions(userId: string): Promise<PagePermissions> {
  const { connectionId, client, organizationId } = await currentSession();
  const { pages } = await client.getUserPermissions(organizationId, userId);
  await learnFromPermissions(connectionId, pages);
  await permissionsCache(connectionId, userId).setValue(cached(pages));
  return pages;
}
