import type { PagePermissions } from '../../shared/schemas';
import { learnFromPermissions } from '../access/learn-from-permissions';
import { permissionsCache, roleBasedAccessCache } from '../access/permissions-cache';
import type { RoleBasedAccess } from '../access/role-based-access';
import { usersCache } from '../organization/organization-cache';
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

/** At most this many users' permissions are read to learn which pages use roles (each read is one request). */
export const MAX_ROLE_PROBES = 5;

/**
 * The API tells whether a page uses role based access control only in a permissions read that includes the page:
 * reads the permissions of the organization's users in list order (the owner, who has every page, comes first)
 * until each of `pageIds` is known, or MAX_ROLE_PROBES reads are spent. The popup offers roles only on known pages.
 */
export async function learnPageRoles(pageIds: string[]): Promise<RoleBasedAccess> {
  const { connectionId } = await currentSession();
  const known = roleBasedAccessCache(connectionId);
  const unknown = async () => {
    const learned = await known.getValue();
    return pageIds.filter((pageId) => learned[pageId] === undefined);
  };
  const users = (await usersCache(connectionId).getValue())?.value ?? [];
  let reads = 0;
  for (const user of users) {
    if (reads >= MAX_ROLE_PROBES || !(await unknown()).length) break;
    // A cached read has taught what it can already (it was learned from when it was read).
    if (await permissionsCache(connectionId, user.id).getValue()) continue;
    reads++;
    await refreshPermissions(user.id);
  }
  return known.getValue();
}
